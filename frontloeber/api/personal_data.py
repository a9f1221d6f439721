"""What the API app holds about a person, for their data export (``accounts.registry.personal_data``): their
personal tokens, without the hash of the secret. Erasing the account deletes them with it."""

from .models import ApiToken


def api_personal_data(*, user):
    return {
        "api_noegler": list(
            ApiToken.objects.filter(user=user).values(
                "organisation__name",
                "name",
                "scopes",
                "feed",
                "prefix",
                "created_at",
                "last_used_at",
                "revoked_at",
                "expires_at",
            )
        )
    }
