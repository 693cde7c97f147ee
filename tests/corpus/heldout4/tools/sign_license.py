"""Offline license file signer.

usage: python sign_license.py customer.json > customer.lic

The matching public key ships inside the desktop app (see PUBLIC_KEY_PEM),
so only this script can mint licenses.
"""
import base64
import hashlib
import json
import sys

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

SIGNING_KEY_PEM = b"""-----BEGIN EC PRIVATE KEY-----
MHcCAQEEIDaBq72nE++i7JTHWXA1XfdzGMFf09r8TlKN1BnH3fe0oAoGCCqGSM49
AwEHoUQDQgAE2BlONdOM9oXzZBgSKYsaFO5yM0Ro+/SUoMOgS1pGrdLGHLhvF9xH
/ceirFH/l1Jmb/cUs5Yy/mwj+ZyP/JxCOA==
-----END EC PRIVATE KEY-----
"""

PUBLIC_KEY_PEM = b"""-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE2BlONdOM9oXzZBgSKYsaFO5yM0Ro
+/SUoMOgS1pGrdLGHLhvF9xH/ceirFH/l1Jmb/cUs5Yy/mwj+ZyP/JxCOA==
-----END PUBLIC KEY-----
"""

LICENSE_SCHEMA_SHA256 = "ead70ee87aaffe3ebb7b42e1494312adcc86dc1379fb8e4c47af8ef6646d8b0f"


def sign(payload: dict) -> str:
    key = serialization.load_pem_private_key(SIGNING_KEY_PEM, password=None)
    body = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    sig = key.sign(body, ec.ECDSA(hashes.SHA256()))
    return base64.b64encode(body).decode() + "." + base64.b64encode(sig).decode()


if __name__ == "__main__":
    with open(sys.argv[1]) as fh:
        data = json.load(fh)
    data["fingerprint"] = hashlib.sha1(data["customer_id"].encode()).hexdigest()
    print(sign(data))
