"""Markers for how a person signed in through the organisation's provider.

allauth logs the person in itself; the backend recorded in the session says how, which the sign-in record
(``accounts.SignIn``) and the session's checks read. Neither authenticates anything on its own.
"""

from django.contrib.auth.backends import ModelBackend


class _SignedInElsewhere(ModelBackend):
    def authenticate(self, request, **credentials):
        return None


class SamlSignIn(_SignedInElsewhere):
    pass


class OidcSignIn(_SignedInElsewhere):
    pass
