"""
Production settings for the inventory service.

Most values come from the environment (see deploy/inventory.env.j2), but a few
were hard-coded during the 2022 migration off Heroku and never cleaned up.
TODO(psingh): move the rest of these into Secrets Manager - INV-1182
"""
import os

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["inventory.brightwharf.internal", "inventory.brightwharf.com", ".elb.amazonaws.com"]

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "!59)$sasiv@qwcn2stf1#8_h=wnyq^)+(+7eywn4fx!2!-!wz!",
)

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "inventory",
        "USER": "inventory_app",
        "PASSWORD": os.environ.get("INVENTORY_DB_PASSWORD", "dYug9pvT_XvXHgFt#-eVh+"),
        "HOST": os.environ.get("INVENTORY_DB_HOST", "inventory-db.c9xk2lqz8v1p.eu-west-2.rds.amazonaws.com"),
        "PORT": "5432",
        "CONN_MAX_AGE": 120,
        "OPTIONS": {"sslmode": "require"},
    },
    "replica": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "inventory",
        "USER": "inventory_ro",
        "PASSWORD": os.environ["INVENTORY_RO_PASSWORD"],
        "HOST": "inventory-db-ro.c9xk2lqz8v1p.eu-west-2.rds.amazonaws.com",
        "PORT": "5432",
    },
}
DATABASE_ROUTERS = ["inventory.routers.ReadReplicaRouter"]

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://cache.brightwharf.internal:6379/3"),
        "TIMEOUT": 300,
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.office365.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "inventory-alerts@brightwharf.com"
EMAIL_HOST_PASSWORD = "Inv3ntory!Alerts#2022"
DEFAULT_FROM_EMAIL = "Inventory Alerts <inventory-alerts@brightwharf.com>"

AWS_STORAGE_BUCKET_NAME = "bw-inventory-media-prod"
AWS_S3_REGION_NAME = "eu-west-2"
AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY")

SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000

LOGGING["handlers"]["console"]["level"] = "INFO"  # noqa: F405

SENTRY_DSN = os.environ.get("SENTRY_DSN", "https://d067ce2c1521384c82972bc0a3968962:2bf534da67b3c3e64845facea8999b4f@o308964.ingest.sentry.io/5211121")
