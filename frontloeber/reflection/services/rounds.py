import datetime
import random

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from frontloeber.notifications.models import Audience
from frontloeber.notifications.selectors import email_languages
from frontloeber.organisations.models import Organisation
from frontloeber.organisations.permissions import require_leader
from frontloeber.organisations.selectors import organisation_admins

from .. import eligibility, selectors, tokens
from ..models import (
    Answer,
    Item,
    PracticeComment,
    PracticeTotal,
    Response,
    Round,
    RoundExclusion,
    RoundInvitation,
    RoundState,
)
from ..notification_kinds import Kind
from .base import REMIND_DAYS_BEFORE_CLOSE, ROUND_MAX_DAYS, ROUND_MAX_DAYS_AHEAD, logger, question_bank_lock

# --- Rounds -----------------------------------------------------------------------------------------


def _check_dates(opens_on, closes_on, *, today):
    errors = {}
    if not isinstance(opens_on, datetime.date):
        errors["opens_on"] = _("Give the day the round opens.")
    elif opens_on < today:
        errors["opens_on"] = _("A round cannot open in the past: choose today or a later day.")
    elif opens_on > today + datetime.timedelta(days=ROUND_MAX_DAYS_AHEAD):
        errors["opens_on"] = _("Open the round within %(days)d days from today.") % {
            "days": ROUND_MAX_DAYS_AHEAD
        }
    if not isinstance(closes_on, datetime.date):
        errors["closes_on"] = _("Give the last day people can answer.")
    elif "opens_on" not in errors:
        if closes_on <= opens_on:
            errors["closes_on"] = _("The round must close after the day it opens.")
        elif (closes_on - opens_on).days > ROUND_MAX_DAYS:
            errors["closes_on"] = _("A round can be open for at most %(days)d days.") % {
                "days": ROUND_MAX_DAYS
            }
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def round_open(*, actor, workplace, opens_on, closes_on, today=None, now=None) -> Round:
    """Create a round for the workplace. It asks, with a personal link from ``opens_on``, every employee the
    eligibility rule allows (eligibility.py); the others are recorded as not asked, with the reason, and the
    organisation's admins hear of those the round's leadership had just added."""
    today = today or timezone.localdate()
    now = now or timezone.now()
    require_leader(user=actor, workplace=workplace)
    _check_dates(opens_on, closes_on, today=today)
    # The workplace row is the lock that keeps two leaders from opening two rounds at once. "No key": the
    # rows that refer to the workplace (ideas, comments, memberships) are written on meanwhile.
    type(workplace).objects.select_for_update(no_key=True).filter(pk=workplace.pk).first()
    if selectors.round_unfinished(workplace=workplace, today=today) is not None:
        raise ValidationError(
            _("The workplace already has a round that has not closed. Close it before opening a new one.")
        )
    organisation = Organisation.objects.get(pk=workplace.organisation_id)
    found = eligibility.survey_eligibility(
        workplace=workplace, leader=actor, at=now, days=organisation.survey_eligibility_days
    )
    if not found.asked and not found.not_asked:
        raise ValidationError(
            _("The workplace has no employees to ask yet. Invite the team under Members first.")
        )
    if not found.asked:
        raise ValidationError(
            _(
                "None of the workplace's employees can be asked yet: they were added or given their role "
                "recently by the workplace's leadership, or their address needs an organisation admin's "
                "approval. This page says who and why."
            )
        )
    version = selectors.current_version()
    if version is None:
        raise ValidationError(
            _("The survey's questions are not installed. Ask the people running Frontløber.")
        )
    question_bank_lock(version=version)
    tenant = {"organisation_id": workplace.organisation_id, "workplace": workplace}
    round_ = Round.objects.create(
        **tenant,
        version=version,
        leader=actor,
        opens_on=opens_on,
        closes_on=closes_on,
        threshold=organisation.reflection_threshold,
        eligibility_days=organisation.survey_eligibility_days,
        invited_count=len(found.asked),
        created_at=now,
    )
    RoundInvitation.objects.bulk_create(
        RoundInvitation(**tenant, round=round_, user_id=user_id) for user_id in found.asked
    )
    RoundExclusion.objects.bulk_create(
        RoundExclusion(
            **tenant, round=round_, user_id=user_id, reason=reason, asked_from=found.asked_from.get(user_id)
        )
        for user_id, reason in found.not_asked.items()
    )
    if found.recent:
        _tell_admins(round_, kind=Kind.SURVEY_NOT_ASKED, actor=actor)
    if opens_on <= today:
        _enqueue_invitations(round_)
    return round_


def _approvers(round_):
    """The organisation's admins who oversee the round: none of its own leadership (eligibility.py)."""
    admins = organisation_admins(organisation_id=round_.organisation_id)
    return eligibility.overseers(round_=round_, admins=admins, now=timezone.now())


def may_approve_early_close(*, actor, round_) -> bool:
    """Whether the person is an organisation admin who may approve closing the round early: one outside its
    leadership, who has not changed the workplace's memberships lately (eligibility.overseers)."""
    return any(admin.pk == actor.pk for admin in _approvers(round_))


def _tell_admins(round_, *, kind, actor):
    """Notify the admins who oversee the round (eligibility.py: never its own leadership)."""
    from frontloeber.notifications.services import notification_create

    notification_create(
        recipients=_approvers(round_),
        kind=kind,
        workplace=round_.workplace,
        actor=actor,
        detail=round_.workplace.name,
        target_url=reverse(
            "reflection:organisation_round",
            kwargs={"org_slug": round_.workplace.organisation.slug, "round_id": round_.pk},
        ),
        audience=Audience.ADMINS,
    )


def _enqueue_invitations(round_):
    from ..tasks import round_invitations_send

    # Only the round's id goes into the task queue: the secrets are made inside the task and never stored.
    round_invitations_send.enqueue(round_id=round_.pk)


def rounds_start_due(*, today=None) -> int:
    """Send the invitations of rounds whose opening day has come (called by the daily task)."""
    today = today or timezone.localdate()
    due = Round.objects.filter(
        opens_on__lte=today,
        closes_on__gte=today,
        closed_early_on__isnull=True,
        invitations_sent_at__isnull=True,
    )
    count = 0
    for round_ in due:
        _enqueue_invitations(round_)
        count += 1
    return count


def early_close_allowed(*, round_, today=None) -> bool:
    """The round's leader may close an open round early once every invited person has answered."""
    return not RoundInvitation.objects.filter(round=round_, answered=False).exists()


@transaction.atomic
def round_close(*, actor, round_, today=None) -> Round | None:
    """Close an open round before its last day, and seal it; its report can then be read. A round that has
    not opened yet asked nobody: it is cancelled (deleted), and None is returned.

    The round's workplace leaders may close early only when every invited person has answered: an early
    close otherwise lets a leader pick the moment when only the answers they know of are in. An organisation
    admin other than the round's leader may close it at any time, which approves the early close."""
    today = today or timezone.localdate()
    locked = (
        Round.objects.select_for_update(of=("self",))
        .select_related("workplace__organisation", "leader")
        .get(pk=round_.pk)
    )
    approving = may_approve_early_close(actor=actor, round_=locked)
    if not approving:
        require_leader(user=actor, workplace=locked.workplace)
    state = locked.state(today)
    if state == RoundState.CLOSED:
        raise ValidationError(_("The round is already closed."))
    if state == RoundState.SCHEDULED:
        if approving:
            raise ValidationError(_("The round has not opened yet. Only its leader can cancel it."))
        locked.delete()
        return None
    if not approving and not early_close_allowed(round_=locked, today=today):
        raise ValidationError(
            _(
                "Not everyone asked has answered, so the round closes on its last day. An organisation admin "
                "can approve closing it earlier: ask them from this page."
            )
        )
    locked.closed_early_on = today
    locked.early_close_approved_by = actor if approving else None
    locked.save(update_fields=["closed_early_on", "early_close_approved_by"])
    if approving:
        from frontloeber.notifications.services import notification_create

        notification_create(
            recipients=[locked.leader],
            kind=Kind.SURVEY_CLOSED_EARLY,
            workplace=locked.workplace,
            actor=actor,
            detail=locked.workplace.name,
            target_url=locked.get_absolute_url(),
        )
    return round_seal(round_=locked, today=today)


@transaction.atomic
def round_request_early_close(*, actor, round_, today=None, now=None) -> Round:
    """The leader asks the organisation's admins to approve closing the round before its last day."""
    today = today or timezone.localdate()
    require_leader(user=actor, workplace=round_.workplace)
    locked = (
        Round.objects.select_for_update(of=("self",))
        .select_related("workplace__organisation")
        .get(pk=round_.pk)
    )
    if locked.state(today) != RoundState.OPEN:
        raise ValidationError(_("Only an open round can be closed early."))
    if locked.early_close_requested_at is not None:
        raise ValidationError(_("You have already asked. The organisation's admins have been told."))
    if not _approvers(locked):
        raise ValidationError(
            _(
                "The organisation has no admin outside this workplace's leadership who could approve it, so "
                "the round closes on its last day."
            )
        )
    locked.early_close_requested_at = now or timezone.now()
    locked.early_close_requested_by = actor
    locked.save(update_fields=["early_close_requested_at", "early_close_requested_by"])
    _tell_admins(locked, kind=Kind.SURVEY_CLOSE_REQUEST, actor=actor)
    return locked


@transaction.atomic
def round_seal(*, round_, today=None) -> Round:
    """Write a closed round's answers anew, in random order, without their way back.

    While a round is open, the database's own bookkeeping (PostgreSQL's transaction ids, SQLite's row
    order) could let someone with the database line an answer up with the moment its author's invitation
    was marked answered. Sealing removes that: every answer and comment is deleted and inserted again with
    fresh random ids, in a random order, in one transaction; the locators and the links' hashes are removed,
    so not even a person's old e-mail leads back to their answers. Idempotent."""
    today = today or timezone.localdate()
    locked = Round.objects.select_for_update().get(pk=round_.pk)
    if locked.sealed_at is not None or locked.state(today) != RoundState.CLOSED:
        return locked
    shuffle = random.SystemRandom().shuffle
    responses = list(Response.objects.filter(round=locked).values_list("pk", flat=True))
    answers = list(Answer.objects.filter(round=locked).values_list("response_id", "item_id", "value"))
    comments = list(
        PracticeComment.objects.filter(round=locked).values_list("response_id", "practice_id", "text")
    )
    PracticeComment.objects.filter(round=locked).delete()
    Answer.objects.filter(round=locked).delete()
    Response.objects.filter(round=locked).delete()
    base = {"organisation_id": locked.organisation_id, "workplace_id": locked.workplace_id, "round": locked}
    shuffle(responses)
    fresh = {old: Response(locator=None, **base) for old in responses}
    Response.objects.bulk_create(fresh.values())
    shuffle(answers)
    Answer.objects.bulk_create(
        Answer(response=fresh[response_id], item_id=item_id, value=value, **base)
        for response_id, item_id, value in answers
    )
    shuffle(comments)
    PracticeComment.objects.bulk_create(
        PracticeComment(response=fresh[response_id], practice_id=practice_id, text=text, **base)
        for response_id, practice_id, text in comments
    )
    PracticeTotal.objects.bulk_create(_practice_totals(answers, base))
    RoundInvitation.objects.filter(round=locked).update(token_hash="")
    locked.sealed_at = timezone.now()
    locked.save(update_fields=["sealed_at"])
    return locked


def _practice_totals(answers, base):
    """The round's answers on the scale added up per practice, kept with the sealed round (PracticeTotal)."""
    per_item = {}
    for _response, item_id, value in answers:
        if value is not None:
            total, count = per_item.get(item_id, (0, 0))
            per_item[item_id] = (total + value, count + 1)
    practice_of = dict(Item.objects.filter(pk__in=per_item).values_list("pk", "practice_id"))
    per_practice = {}
    for item_id, (total, count) in per_item.items():
        summed, answered, most = per_practice.get(practice_of[item_id], (0, 0, 0))
        per_practice[practice_of[item_id]] = (summed + total, answered + count, max(most, count))
    return [
        PracticeTotal(practice_id=practice_id, total=total, answers=answered, most_on_one_item=most, **base)
        for practice_id, (total, answered, most) in per_practice.items()
    ]


def rounds_seal_due(*, today=None) -> int:
    """Seal the rounds whose last day has passed (called by the daily task and before a report is read)."""
    today = today or timezone.localdate()
    due = Round.objects.filter(Round.closed_by(today), sealed_at__isnull=True)
    for round_ in due:
        round_seal(round_=round_, today=today)
    return len(due)


def _personal_link(invitation, secret):
    return settings.SITE_URL.rstrip("/") + reverse(
        "reflection:link_open", kwargs={"workplace_slug": invitation.workplace.slug, "secret": secret}
    )


def _issue_link(invitation) -> str:
    """A fresh secret for the invitation; the older link stops working. Only while nothing is answered,
    because the answers are found again by the secret they were given with."""
    secret = tokens.new_secret()
    issued = RoundInvitation.objects.filter(pk=invitation.pk, answered=False).update(
        token_hash=tokens.invitation_hash(secret)
    )
    return secret if issued else None


def _send_links(round_, invitations, *, template, subject, kind, actor):
    """E-mail each invitee a fresh personal link, and tell them in the app (without the link)."""
    from frontloeber.notifications.services import notification_create

    languages = email_languages(user_ids=[invitation.user_id for invitation in invitations])
    # The app's notification leads to the workplace's reflection page, never to a personal link.
    round_url = reverse("reflection:home", kwargs={"workplace_slug": round_.workplace.slug})
    sent = []
    for invitation in invitations:
        secret = _issue_link(invitation)
        if secret is None:  # answered in the meantime
            continue
        sent.append(invitation)
        with translation.override(languages[invitation.user_id]):
            context = {
                "round": round_,
                "workplace": round_.workplace,
                "leader": round_.leader,
                "url": _personal_link(invitation, secret),
                "closes": formats.date_format(round_.closes_on, "DATE_FORMAT"),
                "threshold": round_.threshold,
            }
            body = render_to_string(template, context)
            subject_line = subject() % {"workplace": round_.workplace.name}
        try:
            send_mail(subject_line, body, None, [invitation.user.email])
        except OSError:
            # Logged without the link; the person still finds the survey in the app.
            logger.exception("A survey e-mail to user %s could not be sent", invitation.user_id)
    notification_create(
        recipients=[invitation.user for invitation in sent],
        kind=kind,
        workplace=round_.workplace,
        actor=actor,
        detail=round_.workplace.name,
        target_url=round_url,
    )
    return len(sent)


def round_invitations_send(*, round_id) -> int:
    """Send every invitee of the round their personal link (the task calls this; each round once)."""
    claimed = Round.objects.filter(pk=round_id, invitations_sent_at__isnull=True).update(
        invitations_sent_at=timezone.now()
    )
    if not claimed:
        return 0
    round_ = Round.objects.select_related("workplace", "leader").get(pk=round_id)
    if round_.state() == RoundState.CLOSED:
        # Late (a worker that was down): a link to a round that has closed would only disappoint.
        return 0
    invitations = list(round_.invitations.select_related("user", "workplace").filter(answered=False))
    return _send_links(
        round_,
        invitations,
        template="reflection/email/invitation.txt",
        subject=lambda: _("Your view of the leadership at %(workplace)s (anonymous survey)"),
        kind=Kind.SURVEY_INVITATION,
        actor=round_.leader,
    )


def round_remind(*, actor, round_, today=None) -> int:
    """Remind everyone who has not answered, with a fresh link; the leader learns only how many they are."""
    today = today or timezone.localdate()
    if actor is not None:
        require_leader(user=actor, workplace=round_.workplace)
    if round_.state(today) != RoundState.OPEN:
        raise ValidationError(_("Only an open round can send reminders."))
    claimed = (
        Round.objects.filter(pk=round_.pk)
        .exclude(reminded_on=today)
        .update(reminded_on=today, invitations_sent_at=round_.invitations_sent_at or timezone.now())
    )
    if not claimed:
        raise ValidationError(_("A reminder has already gone out today. Try again tomorrow."))
    invitations = list(round_.invitations.select_related("user", "workplace").filter(answered=False))
    return _send_links(
        round_,
        invitations,
        template="reflection/email/reminder.txt",
        subject=lambda: _("Reminder: the survey at %(workplace)s closes soon"),
        kind=Kind.SURVEY_REMINDER,
        actor=actor,
    )


def rounds_remind_due(*, today=None) -> int:
    """Remind, once, the invitees of rounds that close in two days (called by the daily task)."""
    today = today or timezone.localdate()
    due = Round.objects.select_related("workplace", "leader").filter(
        closes_on__gte=today,
        closes_on__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE_CLOSE),
        closed_early_on__isnull=True,
        # Not on the day it opened: the invitation has only just gone out.
        opens_on__lt=today,
        reminded_on__isnull=True,
    )
    sent = 0
    for round_ in due:
        try:
            sent += round_remind(actor=None, round_=round_, today=today)
        except ValidationError:
            continue
        except Exception:
            # One round's trouble must not stop the morning's other work (the digests come after this).
            logger.exception("Reminders for survey round %s failed", round_.pk)
    return sent
