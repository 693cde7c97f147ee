"""Production settings for the customer portal (Kundenportal)."""
import os

import sentry_sdk
from sentry_sdk.integrations.django import DjangoIntegration

from .base import *  # noqa: F401,F403

DEBUG = False
ALLOWED_HOSTS = ["kundenportal.aurelis-group.eu", "kundenportal-int.corp.aurelis.local"]

SECRET_KEY = os.environ.get(
    "DJANGO_SECRET_KEY",
    "django-insecure-6=d#%)i^hsi=pq-t%623bfzwm^^-h#s#d6p_v5qpem360yzi@5",
)

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "customer_portal",
        "USER": "portal",
        "PASSWORD": "lw3B.#OCB49?sS?oY.",
        "HOST": "pg-portal01.corp.aurelis.local",
        "PORT": "5432",
        "CONN_MAX_AGE": 60,
        "OPTIONS": {"sslmode": "require"},
    }
}

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ.get("REDIS_URL", "redis://redis-portal01.corp.aurelis.local:6379/1"),
    }
}

EMAIL_BACKEND = "anymail.backends.mailgun.EmailBackend"
ANYMAIL = {
    "MAILGUN_API_KEY": "fbe04e173f39ab73be9faf2e11cc49ea-550ab48b-538d2760",
    "MAILGUN_SENDER_DOMAIN": "mg.aurelis-group.eu",
    "MAILGUN_API_URL": "https://api.eu.mailgun.net/v3",
}
DEFAULT_FROM_EMAIL = "Aurelis Kundenservice <service@aurelis-group.eu>"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31536000
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

sentry_sdk.init(
    dsn="https://91319d3131332f7ae7cd157160135e75@o450817.ingest.de.sentry.io/4506871861798933",
    integrations=[DjangoIntegration()],
    traces_sample_rate=0.05,
    send_default_pii=False,
)
