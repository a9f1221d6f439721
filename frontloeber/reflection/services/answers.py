from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from frontloeber.core.text import clean_text
from frontloeber.notifications.selectors import email_languages

from .. import selectors, tokens
from ..models import (
    Answer,
    PracticeComment,
    Response,
    RoundInvitation,
    RoundState,
)
from .base import COMMENT_MAX_LENGTH, logger
from .rounds import _issue_link, _personal_link

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
