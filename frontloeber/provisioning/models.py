"""Provisioning through SCIM 2.0 (issue 19, point 3): the organisation's identity provider (Entra ID, others)
creates, changes and deactivates its people, and says which of its groups they are in.

A ``ScimToken`` is the bearer token one provisioning service presents; it names the organisation, and every
request it makes reads and writes that organisation only. Only the SHA-256 of the secret is stored: the
secret is shown once, when it is made. A ``ScimIdentity`` is what the service knows of a person (its own id
for them, their name as it splits it, whether it has deactivated them), a ``ScimGroup`` one of its groups
with its members. The groups give workplaces and roles through the organisation's sign-in rules
(``sso.MappingRule``), as a sign-in does.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.models import Organisation
from frontloeber.organisations.rows import OrganisationRow, RevocableToken, RevocableTokenQuerySet


class ScimToken(RevocableToken, OrganisationRow):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    name = models.CharField(_("name"), max_length=100)
    # SHA-256 (hex) of the secret; the secret itself is shown once and kept nowhere.
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Written at most once a minute, so a busy provisioning cycle does not write it with every request.
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))

    objects = RevocableTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("SCIM token")
        verbose_name_plural = _("SCIM tokens")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "created_at"], name="scim_token_organisation")]

    def __str__(self):
        return self.name


class ScimIdentity(OrganisationRow):
    """A person as the organisation's provisioning service knows them: made or taken over by it. Their
    ``external_id`` is the service's own id for them (Entra ID: the object id); ``deactivated_at`` is set
    while the service says they are not active (they have left the organisation)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    external_id = models.CharField(max_length=255, blank=True)
    # The name as the service splits it (the account keeps it whole, ``full_name``): a change to one part
    # alone (Entra ID sends only what changed) keeps the other.
    given_name = models.CharField(max_length=150, blank=True)
    family_name = models.CharField(max_length=150, blank=True)
    deactivated_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("provisioned person")
        verbose_name_plural = _("provisioned people")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="scim_identity_unique_person"),
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~models.Q(external_id=""),
                name="scim_identity_unique_external_id",
            ),
        ]

    def __str__(self):
        return f"{self.organisation_id}/{self.user_id}"

    @property
    def is_deactivated(self):
        return self.deactivated_at is not None


class ScimGroup(OrganisationRow):
    """A group (an organisation unit) of the organisation's provisioning service. Its members get the
    workplaces the sign-in rules give its display name or its external id."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    display_name = models.CharField(max_length=300)
    external_id = models.CharField(max_length=255, blank=True)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, through="ScimGroupMember", related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("provisioned group")
        verbose_name_plural = _("provisioned groups")
        ordering = ["display_name", "pk"]
        indexes = [models.Index(fields=["organisation", "display_name"], name="scim_group_display_name")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "external_id"],
                condition=~models.Q(external_id=""),
                name="scim_group_unique_external_id",
            )
        ]

    def __str__(self):
        return self.display_name


class ScimGroupMember(OrganisationRow):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    group = models.ForeignKey(ScimGroup, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("provisioned group member")
        verbose_name_plural = _("provisioned group members")
        indexes = [models.Index(fields=["organisation", "user"], name="scim_group_member_person")]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "group", "user"], name="scim_group_member_unique")
        ]

    def __str__(self):
        return f"{self.group_id}/{self.user_id}"
