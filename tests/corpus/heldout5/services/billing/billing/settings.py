from pathlib import Path
import os

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "e09cml2p1x*wl4gj6k(_ge8yqrd%iwa#%ue(xdpd&*12752bn1"

DEBUG = False
ALLOWED_HOSTS = ["billing.internal.acme-corp.io", "localhost"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "storages",
    "billing.invoices",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
        "PASSWORD": "9IwcoSE.O7TX_zQgP9",
        "HOST": "billing-db.cluster-c9xk2p1lq0ab.eu-west-1.rds.amazonaws.com",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
    }
}

# --- static / media on S3 ---------------------------------------------------
DEFAULT_FILE_STORAGE = "storages.backends.s3boto3.S3Boto3Storage"
AWS_STORAGE_BUCKET_NAME = "acme-billing-invoices"
AWS_S3_REGION_NAME = "eu-west-1"
AWS_ACCESS_KEY_ID = "AKIAVEUD45UGZ7TIXZGH"
AWS_SECRET_ACCESS_KEY = "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"

# --- e-mail ------------------------------------------------------------------
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.sendgrid.net"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "apikey"
EMAIL_HOST_PASSWORD = os.environ["SENDGRID_SMTP_PASSWORD"]
SENDGRID_API_KEY = "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"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/Dublin"
USE_TZ = True
STATIC_URL = "static/"
