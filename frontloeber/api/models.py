"""The API's own rows (issue 20): the tokens that read it, and the tombstones of what was deleted.

An ``ApiToken`` belongs to one organisation. An organisation token (``user`` empty) is made by one of its
admins, reads only, and reads what its scopes name across the organisation (aggregates and pseudonyms, as
the admins' own pages do); a personal token acts as its ``user`` and reads what they may read in the
organisation's workplaces, and with the ``ideas:write`` scope submits ideas as them. A feed token is either
kind narrowed to one feed (``feed``), sent in the address where Excel cannot send a header, and reads that
feed and nothing else. Only the SHA-256 of the secret is stored; the secret is shown once.

A ``Tombstone`` says that a row the API lists was deleted, and when: a client that loads incrementally
(``updated_since``) learns of deletions from ``/api/v1/deletions`` and drops them too.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.organisations.models import Organisation
from frontloeber.organisations.rows import OrganisationRow, RevocableToken, RevocableTokenQuerySet


class Scope(models.TextChoices):
    IDEAS = "ideas", _("Ideas and challenges")
    EXPERIMENTS = "experiments", _("Experiments, adoption plans and cases")
    WORKSHOPS = "workshops", _("Workshop sessions and their outputs")
    SKILLS = "skills", _("Skills coverage (aggregates)")
    INSIGHTS = "insights", _("Practice indicators (aggregates)")
    SURVEY = "survey", _("Survey figures (closed rounds, above the anonymity threshold)")
    IDEAS_WRITE = "ideas:write", _("Submit ideas as me")


# An organisation token only reads; submitting an idea needs a person to submit it as.
READ_SCOPES = [scope for scope in Scope.values if scope != Scope.IDEAS_WRITE]


class Feed(models.TextChoices):
    IDEAS = "ideas", _("Ideas")
    INDICATORS = "indicators", _("Practice indicators")


FEED_SCOPES = {Feed.IDEAS: Scope.IDEAS, Feed.INDICATORS: Scope.INSIGHTS}


class ApiToken(RevocableToken, OrganisationRow):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    # The person the token acts as; empty for an organisation token.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    name = models.CharField(_("name"), max_length=100)
    scopes = models.JSONField(_("scopes"), default=list)
    # A feed token reads this feed only, and only with the secret in the address.
    feed = models.CharField(_("feed"), max_length=20, choices=Feed.choices, blank=True)
    # The secret's first characters, shown in lists so a person can tell their tokens apart.
    prefix = models.CharField(max_length=12)
    # SHA-256 (hex) of the secret; the secret itself is shown once and kept nowhere.
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    # Written at most once a minute, so a client paging through a large list does not write with each page.
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    expires_at = models.DateTimeField(_("expires"))

    objects = RevocableTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["organisation", "user", "created_at"], name="api_token_owner"),
            models.Index(fields=["user", "created_at"], name="api_token_person"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_personal(self):
        return self.user_id is not None

    @property
    def is_feed(self):
        return bool(self.feed)

    def scope_labels(self):
        labels = dict(Scope.choices)
        return [labels.get(scope, scope) for scope in self.scopes]


class Tombstone(OrganisationRow):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_index=False)
    # The workplace the deleted row belonged to, as a plain id: the workplace itself may be what was deleted.
    workplace_id = models.BigIntegerField(null=True, blank=True)
    # The API's name of the list the row was in ("ideas", "experiments", "workplaces", …).
    resource = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    deleted_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["deleted_at", "id"]
        indexes = [models.Index(fields=["organisation", "deleted_at", "id"], name="api_tombstone_changed")]

    def __str__(self):
        return f"{self.resource} {self.object_id} deleted {self.deleted_at:%Y-%m-%d %H:%M}"
