"""Writes for the reflection survey: the question bank's lock, rounds, anonymous answers, named assessments.

Every function checks who may do it, so views, commands and tasks behave alike. The anonymity rules are in
models.py and tokens.py; the rule that figures are shown only above the threshold is in selectors.py.
"""

import datetime
import logging
import random

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.selectors import email_languages
from frontloeber.organisations.models import Organisation
from frontloeber.organisations.permissions import require_organisation_admin, require_workplace_leader
from frontloeber.organisations.selectors import organisation_admins

from . import eligibility, selectors, tokens
from .models import (
    Answer,
    Assessment,
    AssessmentAnswer,
    AssessorKind,
    PracticeComment,
    QuestionBankVersion,
    Response,
    Round,
    RoundExclusion,
    RoundInvitation,
    RoundState,
)
from .notification_kinds import Kind

ROUND_MAX_DAYS = 56
ROUND_MAX_DAYS_AHEAD = 90
REMIND_DAYS_BEFORE_CLOSE = 2
COMMENT_MAX_LENGTH = 1500
ELIGIBILITY_DAYS = (14, 365)

logger = logging.getLogger(__name__)


def question_bank_lock(*, version):
    """Freeze a version: called when the first round opens with it."""
    if version.locked_at is None:
        QuestionBankVersion.objects.filter(pk=version.pk, locked_at__isnull=True).update(
            locked_at=timezone.now()
        )
        version.refresh_from_db(fields=["locked_at"])
    return version


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
    require_workplace_leader(user=actor, workplace=workplace)
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
        to_organisation_admins=True,
    )


def _enqueue_invitations(round_):
    from .tasks import round_invitations_send

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
        require_workplace_leader(user=actor, workplace=locked.workplace)
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
    require_workplace_leader(user=actor, workplace=round_.workplace)
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
    RoundInvitation.objects.filter(round=locked).update(token_hash="")
    locked.sealed_at = timezone.now()
    locked.save(update_fields=["sealed_at"])
    return locked


def rounds_seal_due(*, today=None) -> int:
    """Seal the rounds whose last day has passed (called by the daily task and before a report is read)."""
    today = today or timezone.localdate()
    due = Round.objects.filter(sealed_at__isnull=True).filter(
        Q(closes_on__lt=today) | Q(closed_early_on__isnull=False)
    )
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
        require_workplace_leader(user=actor, workplace=round_.workplace)
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


# --- Employees' anonymous answers ---------------------------------------------------------------------


def answer_link_issue(*, user, round_, today=None) -> str:
    """A fresh personal link for someone who opens the survey in the app rather than from their e-mail."""
    today = today or timezone.localdate()
    invitation = RoundInvitation.objects.filter(round=round_, user=user).first()
    if invitation is None:
        raise PermissionDenied(_("This survey was not sent to you."))
    if round_.state(today) != RoundState.OPEN:
        raise ValidationError(_("The survey is not open."))
    if invitation.answered:
        raise ValidationError(selectors.ANSWERED_USE_YOUR_LINK)
    secret = _issue_link(invitation)
    if secret is None:
        raise ValidationError(selectors.ANSWERED_USE_YOUR_LINK)
    return secret


def _check_values(*, version, answers, comments=None):
    """``answers`` maps item ids to 1–5 or None ("don't know"); every item of the version is needed."""
    item_ids = set(version.items.values_list("pk", flat=True))
    if not isinstance(answers, dict) or set(answers) - item_ids:
        raise ValidationError(_("An answer refers to a statement that is not part of this survey."))
    missing = item_ids - set(answers)
    if missing:
        raise ValidationError(
            _("Answer every statement (“Don't know” is an answer too). %(n)d are missing.")
            % {"n": len(missing)}
        )
    for value in answers.values():
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 5
        ):
            raise ValidationError(_("Answers go from 1 to 5, or “Don't know”."))
    cleaned = {}
    if comments:
        practice_ids = set(version.practices.values_list("pk", flat=True))
        if set(comments) - practice_ids:
            raise ValidationError(_("A comment refers to a practice that is not part of this survey."))
        errors = {}
        for practice_id, text in comments.items():
            cleaned[practice_id] = clean_text(
                text,
                field=f"comment_{practice_id}",
                required=False,
                max_length=COMMENT_MAX_LENGTH,
                errors=errors,
            )
        if errors:
            raise ValidationError(errors)
    return cleaned


def _locked_invitation(*, user, workplace, secret):
    if not tokens.looks_like_secret(secret or ""):
        return None
    return (
        RoundInvitation.objects.select_for_update(of=("round", "self"))  # round first, as closing locks them
        .select_related("round__version", "round__workplace")
        .filter(workplace=workplace, user=user, token_hash=tokens.invitation_hash(secret))
        .first()
    )


@transaction.atomic
def response_submit(*, user, workplace, secret, answers, comments=None, today=None):
    """Save (or replace) the answers given with this personal link. Returns (response, first_time)."""
    today = today or timezone.localdate()
    invitation = _locked_invitation(user=user, workplace=workplace, secret=secret)
    if invitation is None:
        raise PermissionDenied(selectors.LINK_NOT_VALID)
    round_ = invitation.round
    state = round_.state(today)
    if state == RoundState.CLOSED:
        raise ValidationError(
            _("The survey closed on %(day)s; answers can no longer be given or changed.")
            % {"day": formats.date_format(round_.last_day, "DATE_FORMAT")}
        )
    if state == RoundState.SCHEDULED:
        raise ValidationError(_("The survey has not opened yet."))
    cleaned_comments = _check_values(version=round_.version, answers=answers, comments=comments)
    response, created = Response.objects.get_or_create(
        locator=tokens.response_locator(secret),
        defaults={
            "organisation_id": round_.organisation_id,
            "workplace_id": round_.workplace_id,
            "round": round_,
        },
    )
    if response.round_id != round_.pk:
        raise PermissionDenied(selectors.LINK_NOT_VALID)
    response.answers.all().delete()
    response.comments.all().delete()
    base = {"organisation_id": round_.organisation_id, "workplace_id": round_.workplace_id, "round": round_}
    Answer.objects.bulk_create(
        Answer(response=response, item_id=item_id, value=value, **base) for item_id, value in answers.items()
    )
    PracticeComment.objects.bulk_create(
        PracticeComment(response=response, practice_id=practice_id, text=text, **base)
        for practice_id, text in cleaned_comments.items()
        if text
    )
    first_time = not invitation.answered
    if first_time:
        RoundInvitation.objects.filter(pk=invitation.pk).update(answered=True)
        link = _personal_link(invitation, secret)
        # Sent from this process, never through the task queue, so the link is stored nowhere.
        transaction.on_commit(lambda: _send_receipt(user=user, round_=round_, link=link))
    return response, first_time


def _send_receipt(*, user, round_, link):
    try:
        _compose_and_send_receipt(user=user, round_=round_, link=link)
    except OSError:
        # The answers are saved; only the receipt is lost. Logged without the link.
        logger.exception("A survey receipt to user %s could not be sent", user.pk)


def _compose_and_send_receipt(*, user, round_, link):
    language = email_languages(user_ids=[user.pk])[user.pk]
    with translation.override(language):
        body = render_to_string(
            "reflection/email/receipt.txt",
            {
                "round": round_,
                "workplace": round_.workplace,
                "url": link,
                "closes": formats.date_format(round_.closes_on, "DATE_FORMAT"),
            },
        )
        subject = _("Thank you: your answers to the survey at %(workplace)s are saved") % {
            "workplace": round_.workplace.name
        }
    send_mail(subject, body, None, [user.email])


# --- The leader's and the superior's named assessments -----------------------------------------------


@transaction.atomic
def assessment_submit(*, actor, round_, kind, answers) -> Assessment:
    """The round's leader assesses themself, or an organisation admin assesses the leader."""
    if kind == AssessorKind.LEADER:
        if actor.pk != round_.leader_id:
            raise PermissionDenied(_("Only the leader the round is about can answer the self-assessment."))
        require_workplace_leader(user=actor, workplace=round_.workplace)
    elif kind == AssessorKind.SUPERIOR:
        require_organisation_admin(user=actor, organisation=round_.organisation)
    else:
        raise ValidationError(_("Unknown kind of assessment."))
    _check_values(version=round_.version, answers=answers)
    assessment, _created = Assessment.objects.select_for_update().get_or_create(
        round=round_,
        kind=kind,
        defaults={
            "organisation_id": round_.organisation_id,
            "workplace_id": round_.workplace_id,
            "author": actor,
        },
    )
    assessment.author = actor
    assessment.updated_at = timezone.now()
    assessment.save(update_fields=["author", "updated_at"])
    assessment.answers.all().delete()
    AssessmentAnswer.objects.bulk_create(
        AssessmentAnswer(assessment=assessment, item_id=item_id, value=value)
        for item_id, value in answers.items()
    )
    return assessment


# --- The organisation's setting ------------------------------------------------------------------------


def organisation_threshold_update(*, actor, organisation, threshold, eligibility_days=None) -> Organisation:
    """The organisation's anonymity rules for its rounds: the threshold, and how long a person the round's
    leadership added stays out of its rounds (eligibility.py). Rounds keep the rules they were made with."""
    require_organisation_admin(user=actor, organisation=organisation)
    errors = {}
    if not isinstance(threshold, int) or isinstance(threshold, bool) or not 3 <= threshold <= 10:
        errors["threshold"] = _("Choose a number from 3 to 10.")
    if eligibility_days is not None and (
        not isinstance(eligibility_days, int)
        or isinstance(eligibility_days, bool)
        or not ELIGIBILITY_DAYS[0] <= eligibility_days <= ELIGIBILITY_DAYS[1]
    ):
        errors["eligibility_days"] = _("Give a number of days from 14 to 365.")
    if errors:
        raise ValidationError(errors)
    organisation.reflection_threshold = threshold
    fields = ["reflection_threshold"]
    if eligibility_days is not None:
        organisation.survey_eligibility_days = eligibility_days
        fields.append("survey_eligibility_days")
    organisation.save(update_fields=fields)
    return organisation
