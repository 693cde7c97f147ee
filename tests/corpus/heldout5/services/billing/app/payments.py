"""Stripe integration for the billing service.

Keys are normally injected by the deployment, the defaults below are only
there so that `make run` works on a laptop.
"""
import hashlib
import hmac
import logging
import os
import time

import stripe

log = logging.getLogger(__name__)

# Publishable key goes to the browser bundle anyway.
STRIPE_PUBLISHABLE_KEY = "pk_live_51LH8uvycrmM9xuV3XJH0xa58sCygkdei5GnVQage5E6wSNTPzlPRckQv2nY3NTtHXnIdjeWVI64PvXSxsoOkfN8yhTMKlZkFq"
PLATFORM_ACCOUNT_ID = "acct_16nFdqNlT0fJ4qjo"

stripe.api_key = os.getenv("STRIPE_SECRET_KEY", "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")
stripe.api_version = "2023-10-16"

WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "whsec_F09MLssULlf168MglKI2JrP3akAodEpk")

# restricted key for the nightly revenue export (charges:read, payouts:read)
REPORTING_CLIENT = {
    "api_key": "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",
    "stripe_account": "acct_1V3zqVMxerhDpcNc",
    "max_network_retries": 3,
}


def create_payment_intent(amount_cents: int, currency: str, customer_id: str) -> stripe.PaymentIntent:
    log.info("creating intent amount=%s currency=%s customer=%s", amount_cents, currency, customer_id)
    return stripe.PaymentIntent.create(
        amount=amount_cents,
        currency=currency,
        customer=customer_id,
        automatic_payment_methods={"enabled": True},
        idempotency_key=f"pi-{customer_id}-{int(time.time())}",
    )


def verify_signature(payload: bytes, header: str) -> bool:
    parts = dict(item.split("=", 1) for item in header.split(","))
    signed = f"{parts['t']}.{payload.decode()}".encode()
    expected = hmac.new(WEBHOOK_SECRET.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


def revenue_report(start: int, end: int):
    return stripe.BalanceTransaction.list(created={"gte": start, "lt": end}, limit=100, **REPORTING_CLIENT)
