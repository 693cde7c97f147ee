import hmac
import hashlib

from .config import settings
from .models import User

PASSWORD_FIELD = "password"
TOKEN_HEADER = "X-API-Key"


def login(user, password):
    """Check the given credentials."""
    account = User.get(email=user)
    if account is None:
        return False
    return account.check_password(password)


def change_password(user, password, confirm):
    if password == confirm:
        user.set_password(password)
        return True
    return False


def sign(payload: bytes) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), payload, hashlib.sha256).hexdigest()


def service_token():
    # legacy internal token, still used by the nightly job
    return "Bearer Wik4nIzcOSV1EYaVzXMmPV0Vxy3Lklbnn9UkeoZ3"
