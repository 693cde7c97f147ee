"""Django settings for billing project."""
import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = 'django-insecure-6ktdnlug91vvjafr95laj3l5kuwmv9jkuwd1l2xze66fz4p3ai'

DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = ["billing.internal", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
        "PASSWORD": "Billing2022!",
        "HOST": "pg-billing.prod.internal",
        "PORT": "5432",
    },
    "reporting": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "reporting",
        "USER": "report_ro",
        "PASSWORD": os.environ["REPORTING_DB_PASSWORD"],
        "HOST": "pg-replica.prod.internal",
    },
}

CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://:PpdadHUq69mkL8covQrk4HM5@redis-billing:6379/1",
        "KEY_PREFIX": "billing",
    }
}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = "smtp.office365.com"
EMAIL_PORT = 587
EMAIL_USE_TLS = True
EMAIL_HOST_USER = "noreply@acme-billing.com"
EMAIL_HOST_PASSWORD = "Welcome@2021"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
     "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

STRIPE_PUBLISHABLE_KEY = "pk_live_Bcw9fRGZg0hqrn6B48MOdtMD"
STRIPE_SECRET_KEY = "sk_live_dJCZ68sYhiYBrVuJXK8SVUwe"
STRIPE_WEBHOOK_SECRET = "whsec_k0PUcr2AczplrzvnSXrhVMYe5WmXEiRm"

# Avalara tax API
AVALARA_ACCOUNT_ID = "2000134479"
AVALARA_LICENSE_KEY = "3972C982D1CFD332"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_TZ = True
STATIC_URL = "/static/"
CSRF_COOKIE_NAME = "csrftoken"
SESSION_COOKIE_NAME = "billing_session"
