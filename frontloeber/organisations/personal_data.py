"""What organisations holds about a person, for their data export (``accounts.registry.personal_data``)."""

from .models import (
    AddressApproval,
    Invitation,
    Membership,
    MembershipChange,
    OrganisationAdmin,
    SafetyContact,
)


def organisation_personal_data(*, user):
    return {
        "arbejdspladser": list(
            Membership.objects.filter(user=user).values(
                "organisation__name", "workplace__name", "role", "origin", "created_at"
            )
        ),
        "arbejdspladser_historik": list(
            MembershipChange.objects.filter(user=user).values(
                "organisation__name", "workplace__name", "kind", "role", "previous_role", "origin", "at"
            )
        ),
        "administrator_for": list(
            OrganisationAdmin.objects.filter(user=user).values("organisation__name", "created_at")
        ),
        "sikkerhedsroller": list(
            SafetyContact.objects.filter(user=user).values("organisation__name", "role")
        ),
        "godkendt_adresse": list(
            AddressApproval.objects.filter(user=user).values("organisation__name", "approved_at")
        ),
        "invitationer": list(
            Invitation.objects.filter(email__iexact=user.email).values(
                "workplace__name", "role", "created_at", "accepted_at", "revoked_at", "expires_at"
            )
        ),
    }
