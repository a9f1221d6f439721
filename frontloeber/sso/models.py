"""An organisation's own sign-in (issue 19, points 1 and 2): its identity provider, SAML 2.0 or OpenID
Connect, and the rules that turn what the provider says about a person into workplaces and roles.

django-allauth runs the protocols; it reads each provider from here (``adapter.SocialAccountAdapter``), so
an admin configures it in the product and nobody edits settings. A person signed in through it has an
allauth ``SocialAccount`` (provider = ``IdentityProvider.provider_id``, uid = the IdP's stable id for them)
whose ``extra_data`` keeps what the provider said at the last sign-in, which the mapping preview reads.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.models import Organisation, Role, Workplace
from frontloeber.organisations.rows import OrganisationRow


class Protocol(models.TextChoices):
    SAML = "saml", _("SAML 2.0 (KOMBIT Context Handler, ADFS, Entra ID)")
    OIDC = "oidc", _("OpenID Connect (Entra ID, others)")


# OIOSAML 3 attribute names, as KOMBIT's Context Handler sends them; Entra ID's SAML claims are named in the
# README. An admin changes them on the settings page.
OIOSAML_EMAIL = "https://data.gov.dk/model/core/eid/email"
OIOSAML_FIRST_NAME = "https://data.gov.dk/model/core/eid/firstName"
OIOSAML_LAST_NAME = "https://data.gov.dk/model/core/eid/lastName"
OIOSAML_UNIT = "https://data.gov.dk/model/core/eid/professional/orgUnit"
OIOSAML_PRIVILEGES = "https://data.gov.dk/model/core/eid/privilegesIntermediate"


class IdentityProvider(OrganisationRow):
    """The organisation's identity provider. One per organisation."""

    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.CASCADE,
        related_name="identity_provider",
        verbose_name=_("organisation"),
    )
    # Fixed at creation and part of every address the IdP knows (ACS, metadata, callback): an organisation
    # renamed later must not break its sign-in.
    key = models.SlugField(max_length=60, unique=True)
    protocol = models.CharField(_("protocol"), max_length=10, choices=Protocol.choices)
    enabled = models.BooleanField(_("in use"), default=False)
    label = models.CharField(
        _("button text"),
        max_length=100,
        blank=True,
        help_text=_("What the login button says after “Log in with”. Empty: the organisation's name."),
    )
    # SAML: the IdP, read from its metadata (uploaded or fetched), and this organisation's own SP key pair.
    metadata_url = models.URLField(_("metadata address"), max_length=500, blank=True)
    idp_entity_id = models.CharField(_("IdP entity ID"), max_length=500, blank=True)
    idp_sso_url = models.URLField(_("IdP sign-in address"), max_length=500, blank=True)
    idp_slo_url = models.URLField(_("IdP sign-out address"), max_length=500, blank=True)
    idp_certificates = models.JSONField(default=list, blank=True)
    metadata_valid_until = models.DateTimeField(null=True, blank=True)
    metadata_signed = models.BooleanField(default=False)
    metadata_read_at = models.DateTimeField(null=True, blank=True)
    sp_private_key = models.TextField(blank=True)
    sp_certificate = models.TextField(blank=True)
    # A certificate made ready before the switch: published in the metadata beside the current one, so the
    # IdP can learn it before Frontløber signs with it.
    sp_next_private_key = models.TextField(blank=True)
    sp_next_certificate = models.TextField(blank=True)
    # OpenID Connect.
    issuer = models.URLField(_("issuer"), max_length=500, blank=True)
    client_id = models.CharField(_("client ID"), max_length=200, blank=True)
    client_secret = models.CharField(_("client secret"), max_length=500, blank=True)
    # What the provider's answers are called.
    email_attribute = models.CharField(_("e-mail"), max_length=300, blank=True)
    first_name_attribute = models.CharField(_("first name"), max_length=300, blank=True)
    last_name_attribute = models.CharField(_("last name"), max_length=300, blank=True)
    unit_attribute = models.CharField(
        _("organisation unit or group"),
        max_length=300,
        blank=True,
        help_text=_("The attribute or claim whose values the workplace rules below look for."),
    )
    role_attribute = models.CharField(
        _("role"),
        max_length=300,
        blank=True,
        help_text=_("The attribute or claim whose values the role rules below look for."),
    )
    default_role = models.CharField(
        _("role when no role rule matches"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("identity provider")
        verbose_name_plural = _("identity providers")

    def __str__(self):
        return self.shown_name

    @property
    def shown_name(self):
        return self.label or self.organisation.name

    @property
    def provider_id(self):
        """allauth's name for it: what ``SocialAccount.provider`` holds for people signed in through it."""
        return f"{self.protocol}-{self.key}"

    @property
    def is_saml(self):
        return self.protocol == Protocol.SAML

    @property
    def is_configured(self):
        if self.is_saml:
            return bool(self.idp_entity_id and self.idp_sso_url and self.idp_certificates)
        return bool(self.issuer and self.client_id and self.client_secret)


class RuleKind(models.TextChoices):
    WORKPLACE = "workplace", _("Workplace")
    ROLE = "role", _("Role")


class MappingRule(OrganisationRow):
    """One rule of the mapping: a value of the unit attribute gives a workplace (with a role, or the role the
    role rules give), or a value of the role attribute gives a role."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=RuleKind.choices)
    value = models.CharField(_("value"), max_length=300)
    # Not named "workplace": a rule is the organisation's, not a workplace's row.
    target_workplace = models.ForeignKey(
        Workplace,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("workplace"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("mapping rule")
        verbose_name_plural = _("mapping rules")
        ordering = ["kind", "value", "pk"]
        indexes = [models.Index(fields=["organisation", "kind", "value"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "value", "target_workplace"], name="sso_mapping_rule_unique"
            )
        ]

    def __str__(self):
        return f"{self.kind}: {self.value}"


class LinkRequest(OrganisationRow):
    """A sign-in through the organisation's provider that asserted the address of an existing account not
    yet linked to it: linked only when the person proves the account (its password) or an admin confirms."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    uid = models.CharField(max_length=200)
    attributes = models.JSONField(default=dict)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("link request")
        verbose_name_plural = _("link requests")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="sso_link_request_unique")
        ]

    def __str__(self):
        return f"{self.organisation_id}/{self.user_id}"
