import pytest

from app.auth import login, change_password



def test_login_rejects_wrong_password(user_factory):
    user = user_factory(email="qa@example.com")
    assert not login("qa@example.com", user.raw_password + "x")


def test_change_password_requires_confirmation(user_factory):
    user = user_factory()
    assert not change_password(user, "a", "b")


@pytest.mark.parametrize("password", ["<password>", "changeme", "xxx", "example"])
def test_placeholder_passwords_are_rejected(password):
    assert not login("admin", password)
