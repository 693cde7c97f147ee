from .base import *  # noqa

DEBUG = False
ALLOWED_HOSTS = ["billing.example.com"]

SECRET_KEY = "django-insecure-BSKrvDvaeFxJrvMANbhIQlswxZCZllY6W4S26T7syAc8rwcIif"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "billing",
        "USER": "billing_app",
        "PASSWORD": os.environ.get("DB_PASSWORD", "Bl!ng-4pp-x9Qw2"),
        "HOST": "pg-primary.internal",
        "PORT": "5432",
    },
    "analytics": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "analytics",
        "USER": "analytics",
        "PASSWORD": "",
        "HOST": "dw.internal",
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

EMAIL_HOST = "smtp.example.com"
EMAIL_HOST_USER = "billing@example.com"
EMAIL_HOST_PASSWORD = "Em@il-0VKQ3ORc3WY1"
EMAIL_USE_TLS = True

CELERY_BROKER_URL = "redis://:f3Lq8#wP0z@cache01:6379/1"

AWS_STORAGE_BUCKET_NAME = "acme-billing-static"
AWS_ACCESS_KEY_ID = os.getenv("AWS_ACCESS_KEY_ID")
AWS_SECRET_ACCESS_KEY = os.getenv("AWS_SECRET_ACCESS_KEY")

LOGGING_CONFIG_YAML = """
version: 1
handlers:
  loggly:
    class: loggly.handlers.HTTPSHandler
    url: https://logs-01.loggly.com/inputs/0efe26ec-78fc-3461-e05f-344f704e3d56/tag/python
    level: WARNING
"""
