import uuid

import pytest

from app.auth import create_access_token, decode_access_token, hash_password, verify_password
from app.config import PasswordPolicy

FAKE_USER_ID = "81c400d3-74e2-4778-b108-5f4ac114b303"
FAKE_GITHUB_TOKEN = "ghp_" + "x" * 36
DUMMY_API_KEY = "dummy-api-key"
TEST_JWT_SECRET = "test-secret-do-not-use"


@pytest.fixture
def user(db):
    return db.create_user(
        id=uuid.UUID(FAKE_USER_ID),
        email="alice@example.com",
        password=hash_password("test-password"),
    )


def test_password_roundtrip():
    hashed = hash_password("correct horse battery staple")
    assert verify_password("correct horse battery staple", hashed)
    assert not verify_password("wrong", hashed)


def test_token_roundtrip(monkeypatch):
    monkeypatch.setenv("JWT_SECRET", TEST_JWT_SECRET)
    tok = create_access_token({"sub": FAKE_USER_ID})
    claims = decode_access_token(tok)
    assert claims["sub"] == FAKE_USER_ID
    assert claims["token_type"] == "bearer"


@pytest.mark.parametrize("pw,ok", [("short", False), ("Longer-pass-123!", True)])
def test_policy(pw, ok):
    policy = PasswordPolicy()
    assert (len(pw) >= policy.min_length) is ok


def test_login(client, user):
    resp = client.post("/auth/login", json={"email": "alice@example.com", "password": "test-password"})
    assert resp.status_code == 200
    body = resp.json()
    assert body["token_type"] == "bearer"
    assert body["access_token"]


def test_github_sync_uses_token(client, mocker):
    m = mocker.patch("app.integrations.github.Github")
    client.post("/integrations/github/sync", headers={"Authorization": f"token {FAKE_GITHUB_TOKEN}"})
    m.assert_called_once_with(FAKE_GITHUB_TOKEN)
