"""What organisations holds about a person, for their data export (``accounts.registry.personal_data``)."""

from .models import (
    AddressApproval,
    Invitation,
    Membership,
    MembershipChange,
    OrganisationAdmin,
    SafetyContact,
    StaffImport,
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


def organisations_erase(*, user, former, remove_contributions):
    """The person's rows in uploaded staff lists go (a list keeps what it was uploaded with, for its
    preview and for applying it again). Only the lists of organisations the person was of or invited to are
    read: a list holds up to 20,000 rows, and the nightly purge erases people by the hundred."""
    email = user.email.lower()
    theirs = (
        set(MembershipChange.objects.filter(user=user).values_list("organisation_id", flat=True))
        | set(Membership.objects.filter(user=user).values_list("organisation_id", flat=True))
        | set(OrganisationAdmin.objects.filter(user=user).values_list("organisation_id", flat=True))
        | set(Invitation.objects.filter(email__iexact=email).values_list("organisation_id", flat=True))
    )
    for staff_import in StaffImport.objects.filter(organisation_id__in=theirs).only("pk", "rows"):
        rows = [row for row in staff_import.rows if str(row[2]).strip().lower() != email]
        if len(rows) != len(staff_import.rows):
            StaffImport.objects.filter(pk=staff_import.pk).update(rows=rows)
