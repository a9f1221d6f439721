"""The person as the product names them."""

import pytest

from frontloeber.accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_name_in_sql_is_the_name_in_python():
    """User.shown_name() is str(user) for queries that read names without loading people."""
    named = UserFactory(full_name="Mette Lund", email="mette@example.org")
    unnamed = UserFactory(full_name="", email="anon@example.org")
    shown = dict(User.objects.annotate(shown=User.shown_name()).values_list("pk", "shown"))
    assert shown[named.pk] == str(named) == "Mette Lund"
    assert shown[unnamed.pk] == str(unnamed) == "anon@example.org"
