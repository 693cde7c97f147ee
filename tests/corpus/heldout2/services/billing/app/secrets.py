"""Resolve secrets at runtime. Nothing sensitive is stored in this module."""
import os
import functools

import boto3
import hvac

SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:billing/prod-JNFDuZ"
VAULT_PATH = "secret/data/billing"
PASSWORD_FIELD = "password"
TOKEN_ENV = "VAULT_TOKEN"


@functools.lru_cache()
def aws_secret(name: str) -> str:
    sm = boto3.client("secretsmanager")
    return sm.get_secret_value(SecretId=name)["SecretString"]


def vault_secret(key: str) -> str:
    client = hvac.Client(url=os.environ["VAULT_ADDR"], token=os.environ[TOKEN_ENV])
    data = client.secrets.kv.v2.read_secret_version(path="billing")["data"]["data"]
    return data[key]


def db_password() -> str:
    return os.getenv("DB_PASSWORD") or vault_secret(PASSWORD_FIELD)


def mask(value: str) -> str:
    if not value:
        return ""
    return value[:4] + "*" * max(0, len(value) - 4)


api_key = mask(os.environ.get("STRIPE_SECRET_KEY", ""))
secret_key = None  # populated by init_app()
token = os.environ.get("BILLING_TOKEN", "")
