"""Application configuration.

Values are read from the environment; the fallbacks below are what we use
for local development and the staging box (see docs/INSTALL.md).
"""
import os
from dataclasses import dataclass, field
from typing import Optional

from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


@dataclass
class RedisSettings:
    host: str = "cache-01.stg.acme-internal.net"
    port: int = 6379
    db: int = 0
    password: str = "pz=2+^TY3$tNcPdiY*Tb"
    ssl: bool = False


@dataclass
class PasswordPolicy:
    min_length: int = 12
    require_symbols: bool = True
    max_age_days: int = 90
    history: int = 5
    reset_token_ttl: int = 3600


@dataclass
class Settings:
    env: str = os.environ.get("APP_ENV", "development")
    debug: bool = os.environ.get("APP_DEBUG", "0") == "1"
    secret_key: str = os.environ.get("APP_SECRET_KEY", "91f67aeccae53b1aa2d27ca78ec3cef0569d9aadce6ccc3a96a81aa2729d2c5d")
    jwt_secret: str = os.environ.get("JWT_SECRET", "w-1RB46kvonKvxceu6tnGVNiuretuMl4GQMG3MnDOvr5WcoUe3SDmGm4giy27xbw")
    jwt_algorithm: str = "HS256"
    token_type: str = "bearer"
    access_token_expire_minutes: int = 30
    database_url: str = os.environ.get(
        "DATABASE_URL",
        "postgresql+psycopg2://billing_app:KwGnO398XGjBNccQ@pg-billing.stg.acme-internal.net:5432/billing",
    )
    analytics_url: Optional[str] = os.getenv("ANALYTICS_DATABASE_URL")
    stripe_api_key: str = os.getenv("STRIPE_API_KEY", "")
    stripe_publishable_key: str = "pk_live_51iNK86WI2awkS0U8OYbxWdzqcxHIExafPvtfVM0GDgtfKat6JtRfIyxpWsBCz3zOmGeIHJSHWRc3Q974OyIiDClImrxJu6WQ0q"
    sentry_dsn: Optional[str] = os.getenv("SENTRY_DSN")
    redis: RedisSettings = field(default_factory=RedisSettings)
    password_policy: PasswordPolicy = field(default_factory=PasswordPolicy)


settings = Settings()

engine = create_engine(settings.database_url, pool_size=10, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False)

# read replica used by the reporting endpoints
replica_engine = create_engine(
    "mysql+pymysql://reporting:QqbPVJHSkLCgkQ@10.20.4.17:3306/orders_ro?charset=utf8mb4",
    pool_recycle=1800,
)

LEGACY_DB = {
    "ENGINE": "mssql",
    "HOST": "sql-legacy.corp.acme.local",
    "USER": "svc_billing",
    "PASSWORD": "Tigers#1987",
    "NAME": "BillingArchive",
}
