"""People over time in the demo (issue 19): two colleagues who have not signed in for half a year, for the
admin's list of people not seen, and one who left last month, for the list of leavers to erase."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from frontloeber.organisations.models import MembershipChange, MembershipChangeKind, MembershipOrigin, Role
from frontloeber.organisations.services import membership_add, membership_remove

NOT_SEEN = ("Torben Ravn", "Signe Holt")
NOT_SEEN_DAYS = 210
LEAVER = ("Bodil Brandt", "bodil.brandt@fjordby.example")
LEFT_DAYS = 40


def seed(*, workplaces, people, admin, password) -> int:
    created = 0
    now = timezone.now()
    User = get_user_model()
    for name in NOT_SEEN:
        User.objects.filter(pk=people[name].pk, last_login__isnull=True).update(
            last_login=now - timedelta(days=NOT_SEEN_DAYS)
        )
    name, email = LEAVER
    leaver = User.objects.filter(email=email).first()
    if leaver is None:
        leaver = User.objects.create_user(email=email, password=password, full_name=name)
        created += 1
    workplace = workplaces["lys-og-signal"]
    if not MembershipChange.objects.filter(user=leaver, kind=MembershipChangeKind.LEFT).exists():
        membership = membership_add(
            workplace=workplace,
            user=leaver,
            role=Role.EMPLOYEE,
            origin=MembershipOrigin.ADMIN,
            actor=admin,
            now=now - timedelta(days=700),
        )
        membership_remove(actor=admin, membership=membership, now=now - timedelta(days=LEFT_DAYS))
        created += 1
    return created
