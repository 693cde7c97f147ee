import pytest

from billing.auth import hash_password, verify_password, login

# i18n labels - not secrets
LABELS = {
    "password": "Password",
    "confirm_password": "Confirm password",
    "forgot": "Forgot your password?",
}


@pytest.fixture
def admin_user(db):
    return db.create_user(email="admin@example.com", password="Adm1n-Test-P4ss!")


@pytest.fixture
def api_client(client):
    client.headers["Authorization"] = "Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ0ZXN0LXVzZXItNDIiLCJyb2xlIjoiYWRtaW4iLCJpYXQiOjE3MzI3ODY1MjF9.R9FGcIJsMIZwDZjk0wm9u47Odje1ivYa84P8StLRH3k"
    return client


def test_hash_roundtrip():
    h = hash_password("qazwsx12")
    assert verify_password("qazwsx12", h)
    assert not verify_password("wrong", h)


def test_login_rejects_empty_password(client):
    resp = login(client, "admin@example.com", "")
    assert resp.status_code == 400


def test_login_masks_password_in_logs(caplog, client):
    login(client, "admin@example.com", password="********")
    assert "<redacted>" in caplog.text


@pytest.mark.parametrize("pw", ["short", "alllowercaseletters", "12345678"])
def test_policy_rejects(pw):
    with pytest.raises(ValueError):
        hash_password(pw, enforce_policy=True)


def test_known_bcrypt_hash():
    stored = "$2b$12$VCWTCRhWpXQnZQsCgjSXXCqhSzgAbB8pyRVNDgM4lMxoQPUCI3qRw"
    assert verify_password("Adm1n-Test-P4ss!", stored)
