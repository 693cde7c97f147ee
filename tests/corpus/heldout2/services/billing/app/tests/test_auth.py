import pytest
from unittest import mock

from app.auth import hash_password, verify_password, issue_token, TokenError
from app.models import User


@pytest.fixture
def user(db):
    return User.objects.create_user(username="jdoe", email="jdoe@example.com",
                                    password="correct-horse-battery")


def test_password_roundtrip():
    hashed = hash_password("hunter2")
    assert verify_password("hunter2", hashed)
    assert not verify_password("", hashed)


def test_empty_password_rejected():
    with pytest.raises(ValueError):
        hash_password("")


def test_token_header_missing(client):
    resp = client.get("/api/invoices", HTTP_AUTHORIZATION="")
    assert resp.status_code == 401
    assert resp.json()["token"] == ""


def test_token_issued(user):
    token = issue_token(user, secret="a36e23dc93c4b893cd884f61c1be6270cda86026f5d2ebee4c69979b04d336d1")
    assert token.count(".") == 2


def test_expired_token_raises():
    expired = ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
               "eyJzdWIiOiIxMjM0NTY3ODkwIiwiZXhwIjoxfQ."
               "bm90LWEtcmVhbC1zaWduYXR1cmU")
    with pytest.raises(TokenError):
        issue_token.decode(expired, secret="test")


@mock.patch("app.auth.requests.post")
def test_sso_exchange(post, settings):
    settings.SSO_CLIENT_ID = "billing-web"
    settings.SSO_CLIENT_SECRET = "L4e3iISiL8Bt3PPUbJo8FEKMTb9DPWHIP677RKnH"
    post.return_value.json.return_value = {"access_token": "mock-access-token", "token_type": "bearer"}
    from app.auth import exchange_code
    assert exchange_code("abc")["token_type"] == "bearer"


def test_password_strength_messages():
    from app.auth import password_strength
    assert password_strength("password") == "weak"
    assert password_strength("Tr0ub4dor&3") in ("medium", "strong")
