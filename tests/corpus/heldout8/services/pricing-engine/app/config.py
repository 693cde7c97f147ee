import os
from datetime import timedelta


class Config:
    JSON_SORT_KEYS = False
    PROPAGATE_EXCEPTIONS = True
    SQLALCHEMY_TRACK_MODIFICATIONS = False
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "pool_recycle": 1800}
    RATE_CARD_BUCKET = "bw-rate-cards"
    FUEL_SURCHARGE_PCT = float(os.getenv("FUEL_SURCHARGE_PCT", "7.5"))
    PERMANENT_SESSION_LIFETIME = timedelta(hours=8)


class DevelopmentConfig(Config):
    DEBUG = True
    SECRET_KEY = "dev"
    SQLALCHEMY_DATABASE_URI = "sqlite:///pricing-dev.db"
    REDIS_URL = "redis://localhost:6379/0"


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = "test"
    SQLALCHEMY_DATABASE_URI = "sqlite://"


class ProductionConfig(Config):
    SECRET_KEY = os.getenv("FLASK_SECRET_KEY", "6BkVl1jZyuuk42I9tbtf1cbVWbvKyZRC8VzkgedV6Bckuj9l")
    SQLALCHEMY_DATABASE_URI = os.getenv(
        "PRICING_DB_URL",
        "mysql+pymysql://pricing:sRKteTcDffz1sfn4@mysql-pricing.brightwharf.internal:3306/pricing?charset=utf8mb4",
    )
    REDIS_URL = os.getenv("REDIS_URL", "redis://:8e4b522a8913659a346967d5a8942471@redis-pricing.brightwharf.internal:6379/1")
    CARRIER_QUOTE_TIMEOUT = 4.0


config_by_name = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}
