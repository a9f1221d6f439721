import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.services import notification_create
from frontloeber.organisations.permissions import require_contributor
from frontloeber.organisations.selectors import workplace_contributor_ids

from .. import selectors
from ..models import (
    ActivityKind,
    LearningActivity,
    Signup,
    SkillRating,
)
from ..notification_kinds import Kind
from ..permissions import is_leader, require_manage_activity, require_plan_activity
from .base import MINUTES_RANGE, PLAN_AHEAD_DAYS, SEATS_MAX

# --- Learning activities ----------------------------------------------------------------------------------


def _clean_activity(
    *, actor, workplace, kind, title, description, skills, starts_at, minutes, place, host, seats, now
):
    errors = {}
    if kind not in ActivityKind.values:
        errors["kind"] = _("Choose what kind of activity it is.")
    title = clean_text(
        title,
        field="title",
        required=True,
        max_length=120,
        errors=errors,
        required_message=_("Give the activity a title."),
    )
    description = clean_text(description, field="description", required=False, max_length=1000, errors=errors)
    place = clean_text(place, field="place", required=False, max_length=200, errors=errors)
    allowed = {s.pk for s in selectors.workplace_skills(workplace=workplace)}
    skills = list(skills)
    if not skills:
        errors["skills"] = _("Choose at least one skill the activity builds.")
    elif any(s is None or s.pk not in allowed for s in skills):
        errors["skills"] = _("Choose among the workplace's skills.")
    if not isinstance(starts_at, datetime.datetime):
        errors["starts_at"] = _("Give the day and time it starts.")
    elif starts_at < now:
        errors["starts_at"] = _("A learning activity cannot be planned in the past.")
    elif starts_at > now + datetime.timedelta(days=PLAN_AHEAD_DAYS):
        errors["starts_at"] = _("Plan it within a year from today.")
    if not isinstance(minutes, int) or not MINUTES_RANGE[0] <= minutes <= MINUTES_RANGE[1]:
        errors["minutes"] = _("Give a length from 15 minutes to 8 hours.")
    if seats is not None and (not isinstance(seats, int) or not 1 <= seats <= SEATS_MAX):
        errors["seats"] = _("Give the seats as a number from 1 to 500, or leave it empty for no limit.")
    if host is None or host.pk not in workplace_contributor_ids(workplace=workplace, users=[host]):
        errors["host"] = _("Choose an employee or leader of this workplace.")
    elif host.pk != actor.pk and not is_leader(user=actor, workplace=workplace):
        errors["host"] = _("As a helper you host what you plan. Ask a leader to plan one someone else hosts.")
    if errors:
        raise ValidationError(errors)
    fields = {
        "kind": kind,
        "title": title,
        "description": description,
        "starts_at": starts_at,
        "minutes": minutes,
        "place": place,
        "host": host,
        "seats": seats,
    }
    return fields, skills


def _activity_url(activity):
    return activity.get_absolute_url()


@transaction.atomic
def activity_plan(
    *,
    actor,
    workplace,
    kind,
    title,
    skills,
    starts_at,
    host,
    description="",
    minutes=60,
    place="",
    seats=None,
    now=None,
) -> LearningActivity:
    """Plan a learning activity; those who want to learn what it builds hear of it."""
    now = now or timezone.now()
    skills = list(skills)
    require_plan_activity(
        user=actor, workplace=workplace, skills=[s for s in skills if s is not None] or None
    )
    fields, skills = _clean_activity(
        actor=actor,
        workplace=workplace,
        kind=kind,
        title=title,
        description=description,
        skills=skills,
        starts_at=starts_at,
        minutes=minutes,
        place=place,
        host=host,
        seats=seats,
        now=now,
    )
    activity = LearningActivity.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        created_by=actor,
        created_at=now,
        **fields,
    )
    activity.skills.set(skills)
    learners = {
        r.user
        for r in SkillRating.objects.filter(
            organisation_id=workplace.organisation_id, skill__in=skills, wants_to_learn=True
        ).select_related("user")
    }
    notification_create(
        recipients=[*learners, fields["host"]],
        kind=Kind.LEARNING_ACTIVITY,
        workplace=workplace,
        actor=actor,
        detail=activity.title,
        target_url=_activity_url(activity),
    )
    return activity


def _locked_activity(activity):
    # Only the activity's row (of), not the workplace's, which every write in the workplace refers to.
    return (
        LearningActivity.objects.select_for_update(of=("self",))
        .select_related("workplace")
        .get(pk=activity.pk)
    )


@transaction.atomic
def activity_update(
    *,
    actor,
    activity,
    kind,
    title,
    skills,
    starts_at,
    host,
    description="",
    minutes=60,
    place="",
    seats=None,
    now=None,
):
    require_manage_activity(user=actor, activity=activity)
    skills = list(skills)
    require_plan_activity(
        user=actor, workplace=activity.workplace, skills=[s for s in skills if s is not None]
    )
    activity = _locked_activity(activity)
    now = now or timezone.now()
    if activity.cancelled_at or activity.has_started(now):
        raise ValidationError(_("The activity has begun or is cancelled; it can no longer be changed."))
    fields, skills = _clean_activity(
        actor=actor,
        workplace=activity.workplace,
        kind=kind,
        title=title,
        description=description,
        skills=skills,
        starts_at=starts_at,
        minutes=minutes,
        place=place,
        host=host,
        seats=seats,
        now=now,
    )
    signed_up = activity.signups.count()
    if seats is not None and seats < signed_up:
        raise ValidationError(
            {"seats": _("%(n)d have signed up already; give at least that many seats.") % {"n": signed_up}}
        )
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.save()
    activity.skills.set(skills)
    return activity


@transaction.atomic
def activity_cancel(*, actor, activity, now=None) -> LearningActivity:
    """Cancel a coming activity; those signed up are told."""
    require_manage_activity(user=actor, activity=activity)
    activity = _locked_activity(activity)
    if activity.cancelled_at:
        raise ValidationError(_("The activity is already cancelled."))
    if activity.has_started(now):
        raise ValidationError(_("The activity has begun; it can no longer be cancelled."))
    activity.cancelled_at = now or timezone.now()
    activity.save(update_fields=["cancelled_at"])
    notification_create(
        recipients=[s.user for s in activity.signups.select_related("user")],
        kind=Kind.LEARNING_CANCELLED,
        workplace=activity.workplace,
        actor=actor,
        detail=activity.title,
        target_url=_activity_url(activity),
    )
    return activity


@transaction.atomic
def signup_create(*, actor, activity, now=None) -> Signup:
    """Take a seat: before it starts, while there are seats. The activity's row lock keeps the count true."""
    require_contributor(
        user=actor,
        workplace=activity.workplace,
        message=_("Only the workplace's employees and leaders sign up."),
    )
    activity = _locked_activity(activity)
    if activity.cancelled_at:
        raise ValidationError(_("The activity is cancelled."))
    if activity.has_started(now):
        raise ValidationError(_("The activity has begun; sign-up is closed."))
    if Signup.objects.filter(activity=activity, user=actor).exists():
        raise ValidationError(_("You are signed up already."))
    if activity.seats is not None and activity.signups.count() >= activity.seats:
        raise ValidationError(_("All the seats are taken."))
    signup = Signup.objects.create(
        organisation_id=activity.organisation_id,
        workplace=activity.workplace,
        activity=activity,
        user=actor,
        signed_up_at=now or timezone.now(),
    )
    notification_create(
        recipients=[activity.host],
        kind=Kind.LEARNING_SIGNUP,
        workplace=activity.workplace,
        actor=actor,
        detail=activity.title,
        target_url=_activity_url(activity),
    )
    return signup


@transaction.atomic
def signup_cancel(*, actor, activity, now=None) -> None:
    activity = _locked_activity(activity)
    if activity.has_started(now):
        raise ValidationError(_("The activity has begun; the sign-up stands."))
    deleted, _rows = Signup.objects.filter(activity=activity, user=actor).delete()
    if not deleted:
        raise ValidationError(_("You are not signed up."))


@transaction.atomic
def attendance_record(*, actor, activity, attended_ids, now=None) -> int:
    """After it begins, the host or a leader says who came. Those who came are asked to look at their
    ratings of what it built. Returns how many came."""
    require_manage_activity(user=actor, activity=activity)
    activity = _locked_activity(activity)
    if not activity.has_started(now):
        raise ValidationError(_("Attendance is recorded once the activity has begun."))
    if activity.cancelled_at:
        raise ValidationError(_("The activity is cancelled."))
    signups = list(activity.signups.select_related("user"))
    known = {s.user_id for s in signups}
    attended_ids = set(attended_ids)
    if not attended_ids <= known:
        raise ValidationError(_("Choose among those who signed up."))
    newly = []
    for signup in signups:
        came = signup.user_id in attended_ids
        if signup.attended is not came:
            if came and not signup.attended:
                newly.append(signup.user)
            signup.attended = came
            signup.save(update_fields=["attended"])
    notification_create(
        recipients=newly,
        kind=Kind.LEARNING_ATTENDED,
        workplace=activity.workplace,
        actor=actor,
        detail=activity.title,
        target_url=reverse("competences:rate", kwargs={"workplace_slug": activity.workplace.slug}),
    )
    return len(attended_ids)


@transaction.atomic
def activity_feedback(*, actor, activity, rating, feedback="", now=None) -> Signup:
    """Someone who took part gives it 1–5 and a word, for the host and the next one planning."""
    require_contributor(
        user=actor,
        workplace=activity.workplace,
        message=_("Only the workplace's employees and leaders rate learning activities."),
    )
    signup = Signup.objects.select_for_update().filter(activity=activity, user=actor).first()
    if signup is None:
        raise PermissionDenied(_("Only those who signed up can rate the activity."))
    if not activity.has_started(now) or activity.cancelled_at:
        raise ValidationError(_("Rate the activity once it has taken place."))
    if signup.attended is False:
        raise ValidationError(_("The host recorded that you did not take part."))
    errors = {}
    if not isinstance(rating, int) or not 1 <= rating <= 5:
        errors["rating"] = _("Give it 1 to 5.")
    feedback = clean_text(feedback, field="feedback", required=False, max_length=300, errors=errors)
    if errors:
        raise ValidationError(errors)
    signup.rating, signup.feedback = rating, feedback
    signup.save(update_fields=["rating", "feedback"])
    return signup
