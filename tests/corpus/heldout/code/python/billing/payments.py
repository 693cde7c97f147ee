import hashlib
import hmac
import json
import uuid

import requests
import stripe

# Request ids are random UUIDs, nothing secret about them.
TRACE_NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")

stripe.api_key = "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"

PAYPAL = {
    "client_id": "AJmtiQP4svz9rO68_xkelJTjWoZIPooOckCs1RevWM3OmIp3z1B7887y5HblbMrzE_5qQZTiMh7ylTLOw",
    "client_secret": "EmpzpITrPkL2X0ZxOfiy5L1ceQpJ0krJmOa6TPYHGPsGLSVjQWV3w-Fwcb72aMTJmN_F8v-WJRSZ9EFJd",
    "mode": "live",
}

ADYEN_API_KEY = "AQE9nRofmpwunLfS2fYwty08TLiqj3htsGYQm3xTBeE.eQpq3WQ2mQDKuGhM34K7uwLgKx6BMQWFy-WKjyz2"


def verify_webhook(payload: bytes, signature: str, secret: str) -> bool:
    digest = hmac.new(secret.encode(), payload, hashlib.sha256).hexdigest()
    return hmac.compare_digest(digest, signature)


def charge(customer_id: str, amount_cents: int, currency: str = "eur"):
    request_id = str(uuid.uuid4())
    return stripe.PaymentIntent.create(
        customer=customer_id,
        amount=amount_cents,
        currency=currency,
        idempotency_key=request_id,
    )


def fx_rate(base="EUR", quote="PLN"):
    r = requests.get(
        "https://api.exchangerate.example.com/v1/latest",
        params={"base": base, "symbols": quote},
        headers={"X-Api-Key": "3f6c1a9e-72b4-4d0f-9e85-1c2b7a4d6e90"},
        timeout=5,
    )
    r.raise_for_status()
    return r.json()["rates"][quote]


def file_checksum(path):
    # sha256 of the exported file, e.g. 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()
