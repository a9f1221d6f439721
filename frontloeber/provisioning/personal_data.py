"""What provisioning holds about a person, for their data export (``accounts.registry.personal_data``)."""

from .models import ScimGroupMember, ScimIdentity


def provisioning_personal_data(*, user):
    return {
        "provisionering": list(
            ScimIdentity.objects.filter(user=user).values(
                "organisation__name",
                "external_id",
                "given_name",
                "family_name",
                "deactivated_at",
                "created_at",
                "updated_at",
            )
        ),
        "provisionering_grupper": list(
            ScimGroupMember.objects.filter(user=user).values("organisation__name", "group__display_name")
        ),
    }
