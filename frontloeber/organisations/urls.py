from django.urls import path

from . import invitation_views, people_views, views

app_name = "organisations"

workplace = "a/<slug:workplace_slug>/"
organisation = "org/<slug:org_slug>/"
org_workplace = organisation + "arbejdspladser/<slug:workplace_slug>/"

urlpatterns = [
    path("", views.home, name="home"),
    # Under the account pages, where invitation links have always pointed.
    path("konto/invitation/<str:token>/", invitation_views.invitation_accept, name="invitation_accept"),
    path(workplace, views.workplace_home, name="workplace_home"),
    path(workplace + "rediger/", views.workplace_edit, name="workplace_edit"),
    path(workplace + "medlemmer/", views.members, name="members"),
    path(workplace + "medlemmer/inviter/", views.member_invite, name="member_invite"),
    path(workplace + "medlemmer/<int:membership_id>/rolle/", views.member_role, name="member_role"),
    path(workplace + "medlemmer/<int:membership_id>/fjern/", views.member_remove, name="member_remove"),
    path(
        workplace + "invitationer/<int:invitation_id>/tilbagekald/",
        views.invitation_revoke,
        name="invitation_revoke",
    ),
    path(organisation, views.organisation_home, name="organisation_home"),
    path(
        organisation + "arbejdspladser/ny/",
        views.organisation_workplace_create,
        name="organisation_workplace_create",
    ),
    path(organisation + "domaener/", views.domains, name="domains"),
    path(organisation + "domaener/<int:domain_id>/fjern/", views.domain_remove, name="domain_remove"),
    path(organisation + "adresser/", views.addresses, name="addresses"),
    path(organisation + "sikkerhed/raadgivere/", views.safety_contacts, name="safety_contacts"),
    path(
        organisation + "sikkerhed/raadgivere/<int:contact_id>/fjern/",
        views.safety_contact_remove,
        name="safety_contact_remove",
    ),
    path(organisation + "adresser/<int:user_id>/godkend/", views.address_approve, name="address_approve"),
    path(
        organisation + "adresser/<int:user_id>/tilbagekald/",
        views.address_approval_withdraw,
        name="address_approval_withdraw",
    ),
    path(organisation + "ikke-set/", people_views.people_not_seen, name="people_not_seen"),
    path(organisation + "ikke-set/fratraadt/", people_views.leavers_confirm, name="leavers_confirm"),
    path(organisation + "fratraadte/", people_views.people_who_left, name="people_who_left"),
    path(organisation + "fratraadte/<int:user_id>/slet/", people_views.person_erase, name="person_erase"),
    path(organisation + "opbevaring/", people_views.retention, name="retention"),
    path(organisation + "logbog/", people_views.audit_log, name="audit_log"),
    path(organisation + "personale/", people_views.staff_imports, name="staff_imports"),
    path(organisation + "personale/<int:import_id>/", people_views.staff_import, name="staff_import"),
    path(
        organisation + "personale/<int:import_id>/anvend/",
        people_views.staff_import_apply,
        name="staff_import_apply",
    ),
    path(
        organisation + "personale/<int:import_id>/fravaerende/",
        people_views.staff_import_absent,
        name="staff_import_absent",
    ),
    path(org_workplace, views.organisation_workplace, name="organisation_workplace"),
    path(org_workplace + "rediger/", views.organisation_workplace_edit, name="organisation_workplace_edit"),
    path(org_workplace + "inviter/", views.organisation_invite, name="organisation_invite"),
    path(
        org_workplace + "medlemmer/<int:membership_id>/rolle/",
        views.organisation_member_role,
        name="organisation_member_role",
    ),
    path(
        org_workplace + "medlemmer/<int:membership_id>/fjern/",
        views.organisation_member_remove,
        name="organisation_member_remove",
    ),
    path(
        org_workplace + "invitationer/<int:invitation_id>/tilbagekald/",
        views.organisation_invitation_revoke,
        name="organisation_invitation_revoke",
    ),
]
