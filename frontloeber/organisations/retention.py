"""The nightly purge of what is past its organisation's retention period (issue 19, point 4): login records,
audit entries, and the accounts of people who left long ago. Notifications and workshop guests are purged
by their own apps, from the same periods."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from frontloeber.accounts.models import SignIn
from frontloeber.accounts.personal_data import account_erase

from .audit import audit_record
from .models import (
    AuditAction,
    AuditEntry,
    Invitation,
    Membership,
    MembershipChange,
    MembershipChangeKind,
    Organisation,
    OrganisationAdmin,
)

# Login records of a person with no organisation (an admin of none, a leaver): the default period.
DEFAULT_SIGN_IN_DAYS = Organisation._meta.get_field("retain_sign_ins_days").default
# Accounts erased per organisation and night at most: a first run after a long pause catches up over nights.
LEAVERS_PER_NIGHT = 500


def sign_ins_purge(*, now=None) -> int:
    """Login records older than the shortest period of the person's organisations (the strictest wins)."""
    now = now or timezone.now()
    deleted = 0
    for organisation in Organisation.objects.only("pk", "retain_sign_ins_days"):
        members = Membership.objects.filter(organisation=organisation).values("user_id")
        admins = OrganisationAdmin.objects.filter(organisation=organisation).values("user_id")
        cutoff = now - timedelta(days=organisation.retain_sign_ins_days)
        deleted += (
            SignIn.objects.filter(at__lt=cutoff)
            .filter(models.Q(user_id__in=members) | models.Q(user_id__in=admins))
            .delete()[0]
        )
    deleted += SignIn.objects.filter(
        at__lt=now - timedelta(days=DEFAULT_SIGN_IN_DAYS),
        user__memberships__isnull=True,
        user__organisation_admin_roles__isnull=True,
    ).delete()[0]
    return deleted


def audit_purge(*, now=None) -> int:
    now = now or timezone.now()
    deleted = 0
    for organisation in Organisation.objects.only("pk", "retain_audit_days"):
        cutoff = now - timedelta(days=organisation.retain_audit_days)
        deleted += AuditEntry.objects.filter(organisation=organisation).purge_before(cutoff)[0]
    return deleted


def long_gone(*, organisation, now):
    """People who left the organisation's workplaces more than its period ago, belong to no workplace or
    organisation anywhere and have not signed in since the cutoff."""
    cutoff = now - timedelta(days=organisation.retain_leavers_days)
    recently_left = MembershipChange.objects.filter(
        organisation=organisation, user=models.OuterRef("pk"), kind=MembershipChangeKind.LEFT, at__gte=cutoff
    )
    left_here = MembershipChange.objects.filter(
        organisation=organisation, kind=MembershipChangeKind.LEFT
    ).values("user_id")
    return (
        get_user_model()
        .objects.filter(pk__in=left_here, is_staff=False, is_superuser=False)
        .filter(memberships__isnull=True, organisation_admin_roles__isnull=True)
        .filter(models.Q(last_login__lt=cutoff) | models.Q(last_login__isnull=True))
        .exclude(models.Exists(recently_left))
        .distinct()
    )


def leavers_purge(*, now=None) -> int:
    """Erase the accounts of people long gone; what they wrote stays as "Former employee"."""
    now = now or timezone.now()
    erased = 0
    for organisation in Organisation.objects.only("pk", "retain_leavers_days"):
        for user in long_gone(organisation=organisation, now=now)[:LEAVERS_PER_NIGHT]:
            with transaction.atomic():
                audit_record(
                    organisation=organisation,
                    action=AuditAction.ERASED_BY_RETENTION,
                    subject=user,
                    detail={"contributions": "kept"},
                    now=now,
                )
                Invitation.objects.filter(organisation=organisation, email__iexact=user.email).delete()
                account_erase(user=user)
            erased += 1
    return erased


def retention_purge(*, now=None):
    """The nightly job (registered in ``notifications.registry.daily_jobs`` by notifications)."""
    now = now or timezone.now()
    leavers_purge(now=now)
    sign_ins_purge(now=now)
    audit_purge(now=now)
