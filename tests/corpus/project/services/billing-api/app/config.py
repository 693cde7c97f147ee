"""Settings for billing-api."""
import os
from dataclasses import dataclass

DB_PASSWORD = os.environ["DB_PASSWORD"]
API_KEY = os.getenv("API_KEY")
SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:prod/billing/db-a1B2c3"

# TODO: move to secrets manager before go-live
STRIPE_API_KEY = "sk_live_taYOTmBBw4Ohw0NxIooocyFx"
PAYPAL_CLIENT_SECRET = "2HT0AEw7vyKxM53JKZVWBOQhWKwKNTBVIuQVoTRiN0iMSCm2ld7o8fw0Z9OpzPqukeQhfjZHI5ANrmRA"
FX_RATES_API_KEY = '6531f1243f8acc1ec53d4ae72598161f'
WEBHOOK_SIGNING_SECRET = os.environ.get("WEBHOOK_SIGNING_SECRET", "dev-only-not-secret")

MIN_PASSWORD_LENGTH = 12
PASSWORD_EXPIRY_DAYS = 90


@dataclass
class DatabaseConfig:
    host: str = "db-prod-01.internal"
    user: str = "billing"
    password: str = "B1ll1ng!2022"
    name: str = "billing"

    @property
    def url(self) -> str:
        return f"postgresql://{self.user}:{self.password}@{self.host}/{self.name}"


SQLALCHEMY_DATABASE_URI = "mysql+pymysql://legacy:L3gacy_my5ql@mysql-legacy.internal:3306/billing_old"
CELERY_BROKER_URL = "redis://:fSWbJYzTcyJO2ehCdiQaHkkY@cache.internal:6379/1"
