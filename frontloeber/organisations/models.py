from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontloeber.core.choices import with_questions

from .rows import (
    ChangeTracked,
    OrganisationRow,
    OrganisationRowQuerySet,
    WorkplaceRow,
    WorkplaceRowQuerySet,
    tenant_index,
)


class Role(models.TextChoices):
    EMPLOYEE = "employee", _("Employee")
    LEADER = "leader", _("Leader")
    OBSERVER = "observer", _("Observer")


class Sector(models.TextChoices):
    DAYCARE = "daycare", _("Daycare and kindergarten")
    SCHOOL = "school", _("School and education")
    ELDERLY = "elderly", _("Elderly care")
    DISABILITY = "disability", _("Disability and social services")
    HEALTH = "health", _("Health and pre-hospital care")
    TECHNICAL = "technical", _("Technical services and environment")
    CITIZEN_SERVICE = "citizen_service", _("Citizen service")
    ADMINISTRATION = "administration", _("Administration")
    OTHER = "other", _("Other")


class Organisation(models.Model):
    """A municipality or region: the tenant at the top."""

    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    # The fewest employee answers a reflection round needs before any figure from them is shown.
    reflection_threshold = models.PositiveSmallIntegerField(
        _("anonymity threshold"),
        default=5,
        validators=[MinValueValidator(3), MaxValueValidator(10)],
        help_text=_("The fewest employee answers a survey round needs before its results are shown (3–10)."),
    )
    # How long a membership that a round's leader made, or whose role they changed, keeps the person out of
    # that leader's survey rounds: otherwise a leader could invite accounts they control, answer as them and
    # subtract their known answers from the report.
    survey_eligibility_days = models.PositiveSmallIntegerField(
        _("days before a new member is asked"),
        default=30,
        validators=[MinValueValidator(14), MaxValueValidator(365)],
        help_text=_(
            "A person the round's leader added, or whose role they changed, within this many days before the "
            "round is not asked in it (14–365)."
        ),
    )
    # How long what is kept about people is kept (issue 19, point 4): a nightly job purges what is older, and
    # the privacy page states the periods.
    retain_leavers_days = models.PositiveSmallIntegerField(
        _("accounts of people who have left (days)"),
        default=365,
        validators=[MinValueValidator(30), MaxValueValidator(3650)],
        help_text=_(
            "A person who belongs to no workplace any more and has not signed in for this many days is "
            "erased; what they wrote stays as “Former employee” (30–3650)."
        ),
    )
    retain_notifications_days = models.PositiveSmallIntegerField(
        _("notifications (days)"),
        default=180,
        validators=[MinValueValidator(30), MaxValueValidator(730)],
        help_text=_("Notifications older than this are deleted (30–730)."),
    )
    retain_sign_ins_days = models.PositiveSmallIntegerField(
        _("login records (days)"),
        default=90,
        validators=[MinValueValidator(7), MaxValueValidator(730)],
        help_text=_("Records of when and how people signed in are deleted after this many days (7–730)."),
    )
    retain_guests_days = models.PositiveSmallIntegerField(
        _("workshop guests (days)"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "Guests' names in a workshop are removed this many days after it ended; their notes stay, "
            "unsigned (1–365)."
        ),
    )
    retain_audit_days = models.PositiveSmallIntegerField(
        _("audit log (days)"),
        default=1825,
        validators=[MinValueValidator(365), MaxValueValidator(3650)],
        help_text=_("Entries in the audit log are deleted after this many days (365–3650)."),
    )
    inactive_after_days = models.PositiveSmallIntegerField(
        _("not seen for (days)"),
        default=180,
        validators=[MinValueValidator(30), MaxValueValidator(730)],
        help_text=_(
            "Members who have not signed in for this many days are listed for you to confirm as leavers "
            "(30–730)."
        ),
    )
    # Whether people of this organisation may sign in with a Frontløber password (issue 19, point 1): off
    # once its own identity provider signs them in. A person in several organisations follows the strictest.
    password_login = models.BooleanField(
        _("password login"),
        default=True,
        help_text=_("Off: people sign in only through the organisation's own sign-in (single sign-on)."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    RETENTION_FIELDS = (
        "retain_leavers_days",
        "retain_notifications_days",
        "retain_sign_ins_days",
        "retain_guests_days",
        "retain_audit_days",
        "inactive_after_days",
    )

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Workplace(ChangeTracked, OrganisationRow):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="workplaces", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    core_task = models.TextField(
        _("core task"),
        blank=True,
        help_text=_("Why the workplace exists, in a few sentences: who it serves and what it does for them."),
    )
    response_target_days = models.PositiveSmallIntegerField(
        _("response target (days)"),
        default=14,
        help_text=_("How many days an idea may wait for the leader's first answer."),
    )
    # Issue 21, point 4: how long a person may be idle on the workplace's shared devices (2-60 minutes).
    shared_device_idle_minutes = models.PositiveSmallIntegerField(
        _("idle time on shared devices (minutes)"), default=10
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("workplace")
        verbose_name_plural = _("workplaces")
        ordering = ["name"]
        indexes = [
            models.Index(fields=["organisation", "name"]),
            models.Index(fields=["organisation", "updated_at", "id"], name="workplace_changed"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:workplace_home", kwargs={"workplace_slug": self.slug})


class CoreTaskRevision(WorkplaceRow):
    """The core task as it read after each change (issue 18): when a workplace last revisited why it exists
    is a figure of practice 1. Kept from the day this table came; nothing earlier is known."""

    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="core_task_revisions")
    text = models.TextField(blank=True)
    revised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    revised_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-revised_at", "-pk"]
        indexes = [tenant_index("revised_at")]

    def __str__(self):
        return f"{self.workplace_id} {self.revised_at:%Y-%m-%d}"


class LeaderGroup(OrganisationRow):
    """A named group of workplaces whose leaders meet (a ledergruppe, issue 18, point 4): they see one
    another's figures side by side, and a leader may share a survey round's report with the group."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="leader_groups")
    name = models.CharField(_("name"), max_length=100)
    workplaces = models.ManyToManyField(
        Workplace, through="LeaderGroupMember", related_name="leader_groups", verbose_name=_("workplaces")
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("leader group")
        verbose_name_plural = _("leader groups")
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="leader_group_name_unique")
        ]

    def __str__(self):
        return self.name


class LeaderGroupMember(WorkplaceRow):
    group = models.ForeignKey(LeaderGroup, on_delete=models.CASCADE, related_name="members")
    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="+")

    class Meta:
        indexes = [tenant_index("group")]
        constraints = [
            models.UniqueConstraint(fields=["group", "workplace"], name="leader_group_member_unique")
        ]

    def __str__(self):
        return f"{self.group_id} {self.workplace_id}"


class MembershipOrigin(models.TextChoices):
    INVITATION = "invitation", _("Accepted an invitation")
    ADMIN = "admin", _("Added by an organisation admin")
    IMPORT = "import", _("Imported from a staff list")
    IDENTITY_PROVIDER = "idp", _("From the identity provider")


@with_questions("role", Role)
class Membership(WorkplaceRow):
    """A person's place in a workplace. Removing it leaves the person's contributions in place."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="memberships", verbose_name=_("organisation")
    )
    workplace = models.ForeignKey(
        Workplace, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("workplace")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("person"),
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    # Where the membership came from and who made it (the inviter, the admin); empty when nobody in
    # particular did (an import, the identity provider, memberships older than this record).
    origin = models.CharField(
        _("origin"), max_length=20, choices=MembershipOrigin.choices, default=MembershipOrigin.ADMIN
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [models.UniqueConstraint(fields=["workplace", "user"], name="membership_unique_person")]
        indexes = [tenant_index("role")]

    def __str__(self):
        return f"{self.user} · {self.workplace} ({self.get_role_display()})"

    @property
    def can_contribute(self):
        return self.role in (Role.EMPLOYEE, Role.LEADER)


class MembershipChangeKind(models.TextChoices):
    JOINED = "joined", _("Joined")
    ROLE_CHANGED = "role_changed", _("Role changed")
    LEFT = "left", _("Left")


class MembershipChange(WorkplaceRow):
    """Each time a person joined a workplace, had their role changed or left: who did it and when.

    The survey reads it to keep people a round's leadership has just added out of that round. Rows stay when
    the membership goes, so a person removed and added again is still seen."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    workplace = models.ForeignKey(Workplace, on_delete=models.CASCADE, related_name="membership_changes")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=20, choices=MembershipChangeKind.choices)
    role = models.CharField(max_length=20, choices=Role.choices)
    previous_role = models.CharField(max_length=20, choices=Role.choices, blank=True)
    origin = models.CharField(max_length=20, choices=MembershipOrigin.choices, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("membership change")
        verbose_name_plural = _("membership changes")
        ordering = ["-at", "-pk"]
        indexes = [tenant_index("at")]

    def __str__(self):
        return f"{self.workplace_id}/{self.user_id}: {self.kind}"


class OrganisationDomain(OrganisationRow):
    """An e-mail domain that belongs to the organisation (its staff's work addresses). A domain belongs to
    one organisation only."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="domains", verbose_name=_("organisation")
    )
    domain = models.CharField(_("domain"), max_length=253, unique=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("e-mail domain")
        verbose_name_plural = _("e-mail domains")
        ordering = ["domain"]
        indexes = [models.Index(fields=["organisation", "domain"])]

    def __str__(self):
        return self.domain


class DomainClaim(OrganisationRow):
    """An admin's claim to an e-mail domain another organisation holds. A domain belongs to one organisation
    only, and single sign-on lets in only its addresses, so neither admin can move it: a platform operator
    (a superuser, in Django's admin) decides, after checking with both."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    domain = models.CharField(_("domain"), max_length=253)
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("claimed"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    moved = models.BooleanField(_("moved"), null=True, blank=True)

    class Meta:
        verbose_name = _("domain claim")
        verbose_name_plural = _("domain claims")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "created_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "domain"],
                condition=models.Q(decided_at__isnull=True),
                name="domain_claim_one_pending",
            )
        ]

    def __str__(self):
        return f"{self.domain} → {self.organisation_id}"

    @property
    def is_pending(self):
        return self.decided_at is None


class AddressApproval(OrganisationRow):
    """An organisation admin's approval of a person whose e-mail address is outside the organisation's
    domains (substitutes and hourly staff often use a private address): until then they are not asked in
    survey rounds, since anyone can make such an address."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("approved address")
        verbose_name_plural = _("approved addresses")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="address_approval_unique_person")
        ]

    def __str__(self):
        return f"{self.organisation_id}: {self.user_id}"


class OrganisationAdmin(OrganisationRow):
    """A person who manages the organisation's workplaces and people, and sees roll-ups across them."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="admins", verbose_name=_("organisation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="organisation_admin_roles",
        verbose_name=_("person"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("organisation admin")
        verbose_name_plural = _("organisation admins")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user"], name="organisation_admin_unique_person")
        ]

    def __str__(self):
        return f"{self.user} · {self.organisation}"


class SafetyRole(models.TextChoices):
    DPO = "dpo", _("Data protection adviser")
    IT = "it", _("IT security contact")


class SafetyContactQuerySet(OrganisationRowQuerySet):
    def still_belonging(self):
        """The contacts who still belong to their organisation: active, and a member of one of its workplaces
        or one of its admins. One who has left reviews nothing and hears nothing of it."""
        member = Membership.objects.filter(
            user=models.OuterRef("user"), organisation=models.OuterRef("organisation")
        )
        admin = OrganisationAdmin.objects.filter(
            user=models.OuterRef("user"), organisation=models.OuterRef("organisation")
        )
        return self.filter(user__is_active=True).filter(models.Exists(member) | models.Exists(admin))


class SafetyContact(OrganisationRow):
    """A person the organisation names to review experiments' safety checks (issue 17, point 6): the data
    protection adviser for personal data and citizens who cannot easily consent, the IT security contact for
    what needs the IT department. Where nobody is named for a role, the organisation's admins review."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="safety_contacts")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    role = models.CharField(_("role"), max_length=5, choices=SafetyRole.choices)
    created_at = models.DateTimeField(default=timezone.now)

    objects = SafetyContactQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["organisation", "user", "role"], name="safety_contact_unique")
        ]

    def __str__(self):
        return f"{self.user} · {self.role}"


class InvitationQuerySet(WorkplaceRowQuerySet):
    def pending(self):
        return self.filter(accepted_at__isnull=True, revoked_at__isnull=True, expires_at__gt=timezone.now())


class Invitation(WorkplaceRow):
    """An invitation by e-mail to join a workplace with a role.

    The link carries a signed id, so nothing secret is stored; single use is `accepted_at`.
    """

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("organisation"),
    )
    workplace = models.ForeignKey(
        Workplace,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("workplace"),
    )
    email = models.EmailField(_("e-mail address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.EMPLOYEE)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="da")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="invitations_sent",
        verbose_name=_("invited by"),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    expires_at = models.DateTimeField(_("expires"))
    accepted_at = models.DateTimeField(_("accepted"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("accepted by"),
    )
    revoked_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    objects = InvitationQuerySet.as_manager()

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at"]
        indexes = [tenant_index("email")]

    def __str__(self):
        return f"{self.email} → {self.workplace}"

    @property
    def is_expired(self):
        return self.expires_at <= timezone.now()


class AuditAction(models.TextChoices):
    MEMBER_ADDED = "member_added", _("added to a workplace")
    ROLE_CHANGED = "role_changed", _("role changed")
    MEMBER_REMOVED = "member_removed", _("removed from a workplace")
    LEAVER_CONFIRMED = "leaver_confirmed", _("confirmed as having left")
    ADMIN_ADDED = "admin_added", _("made an organisation admin")
    INVITED = "invited", _("invited")
    INVITATION_REVOKED = "invitation_revoked", _("invitation withdrawn")
    ADDRESS_APPROVED = "address_approved", _("outside address approved")
    ADDRESS_WITHDRAWN = "address_withdrawn", _("outside address approval withdrawn")
    DOMAIN_ADDED = "domain_added", _("e-mail domain added")
    DOMAIN_REMOVED = "domain_removed", _("e-mail domain removed")
    DOMAIN_CLAIMED = "domain_claimed", _("e-mail domain claimed from another organisation")
    DOMAIN_MOVED = "domain_moved", _("e-mail domain moved by the platform operator")
    SAFETY_CONTACT_ADDED = "safety_contact_added", _("named a safety reviewer")
    SAFETY_CONTACT_REMOVED = "safety_contact_removed", _("no longer a safety reviewer")
    RETENTION_CHANGED = "retention_changed", _("retention periods changed")
    STAFF_IMPORTED = "staff_imported", _("staff list applied")
    ERASED = "erased", _("erased")
    DATA_EXPORTED = "data_exported", _("downloaded their own data")
    ERASED_BY_RETENTION = "erased_by_retention", _("erased after the retention period")
    SSO_CHANGED = "sso_changed", _("single sign-on changed")
    SSO_CERTIFICATE = "sso_certificate", _("single sign-on certificate changed")
    PASSWORD_LOGIN_CHANGED = "password_login_changed", _("password login switched")
    MAPPING_CHANGED = "mapping_changed", _("sign-in mapping changed")
    ACCOUNT_LINKED = "account_linked", _("account linked to the organisation's sign-in")
    MAPPED = "mapped", _("memberships set by the organisation's sign-in")
    SCIM_TOKEN_CREATED = "scim_token_created", _("SCIM token made")
    SCIM_TOKEN_REVOKED = "scim_token_revoked", _("SCIM token revoked")
    SCIM_USER_CREATED = "scim_user_created", _("person made by provisioning (SCIM)")
    SCIM_USER_CHANGED = "scim_user_changed", _("person changed by provisioning (SCIM)")
    SCIM_USER_DEACTIVATED = "scim_user_deactivated", _("person deactivated by provisioning (SCIM)")
    SCIM_GROUP_CHANGED = "scim_group_changed", _("group changed by provisioning (SCIM)")
    API_TOKEN_CREATED = "api_token_created", _("API token made")
    API_TOKEN_REVOKED = "api_token_revoked", _("API token revoked")
    API_WRITE = "api_write", _("written through the API")
    WEBHOOK_CREATED = "webhook_created", _("webhook added")
    WEBHOOK_CHANGED = "webhook_changed", _("webhook changed")
    WEBHOOK_DELETED = "webhook_deleted", _("webhook deleted")
    SHARED_DEVICE_MARKED = "shared_device_marked", _("device marked as shared")
    SHARED_DEVICE_FORGOTTEN = "shared_device_forgotten", _("shared device forgotten")
    SHARED_DEVICE_IDLE_CHANGED = "shared_device_idle", _("shared devices' idle time changed")


class AuditEntryQuerySet(OrganisationRowQuerySet):
    def update(self, **kwargs):
        raise TypeError("The audit log is never edited.")

    def delete(self):
        raise TypeError("The audit log is never edited; entries go only when the retention period is over.")

    def purge_before(self, cutoff):
        """The one way entries go: those older than the organisation's retention period, at night."""
        return models.QuerySet.delete(self.filter(at__lt=cutoff))


class AuditEntry(OrganisationRow):
    """What an admin or leader did to a person or to who may do what (issue 19, point 4): who, what, when.

    A person is named through the foreign key while their account exists and otherwise by the pseudonym
    written with the entry (the same for the same person in every entry), so an erased person's entries keep
    their meaning and no row names them. Entries are written once and never changed."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    # The workplace it happened in, where it happened in one (not a workplace row: the log is the
    # organisation's, and an entry outlives the workplace).
    in_workplace = models.ForeignKey(
        Workplace, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(max_length=30, choices=AuditAction.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_ref = models.CharField(max_length=16, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_ref = models.CharField(max_length=16, blank=True)
    # What changed, in words that name nobody: roles, a domain, the periods.
    detail = models.JSONField(default=dict, blank=True)
    at = models.DateTimeField(default=timezone.now)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit log entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["organisation", "at"], name="audit_organisation_at")]

    def __str__(self):
        return f"{self.organisation_id} {self.action} {self.at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("The audit log is never edited.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("The audit log is never edited.")


class StaffImport(OrganisationRow):
    """A staff list an admin uploaded (issue 19, point 3): its rows as read, and once applied, how far the
    applying has come (the rows, then the welcome e-mails to new people) and what it did."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    filename = models.CharField(max_length=200, blank=True)
    # [line, name, e-mail, workplace as written, role as written] per row of the file.
    rows = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rows_done = models.PositiveIntegerField(default=0)
    welcomes_total = models.PositiveIntegerField(default=0)
    welcomes_sent = models.PositiveIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)
    # What applying did: counts per outcome, and the rows refused when applied, with the reason.
    result = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "created_at"], name="staff_import_organisation")]

    def __str__(self):
        return f"{self.organisation_id}: {self.filename}"
