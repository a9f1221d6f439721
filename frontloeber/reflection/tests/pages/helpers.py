"""Helpers shared by the pages tests (split from test_pages.py)."""

import datetime
import re

from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext, ngettext

from frontloeber.reflection import selectors, services, tokens
from frontloeber.reflection.models import (
    Answer,
    AssessorKind,
    Item,
    PracticeComment,
    Response,
    Round,
    RoundInvitation,
)
from tests.factories import (
    answer_round,
    survey_answers,
)
from tests.pages import workplace_urls

LINK = re.compile(r"/a/(?P<slug>[\w-]+)/refleksion/link/(?P<secret>[A-Za-z0-9_-]+)/")


# Sentences the pages show, by their message ids.
USE_YOUR_LINK = (
    "To change your answers, use the personal link in the e-mail we sent you when you answered: nobody, not "
    "even Frontløber, can find your answers without it."
)


ANSWERED_USE_YOUR_LINK = "You have answered. " + USE_YOUR_LINK


NO_SURVEY_OPEN = (
    "No survey is open right now. When your leader opens one, you get an e-mail with your personal link and "
    "a notification here."
)


NOT_SENT = "This survey was not sent to you. Employees of the workplace are asked when the round opens."


LINK_NOT_VALID = (
    "This survey link does not work: it may belong to someone else, or a newer link has replaced it. Use the "
    "newest link in your own e-mail, or open the survey from the workplace's Reflection page."
)


SHOWN_WHEN_CLOSED = (
    "The team's results are shown when the round has closed (%(day)s). Until then, watching the figures "
    "change could tell who answered what."
)


TOO_FEW = (
    "Too few answers: the team's results are shown only from %(n)s answers, so nobody's answers can be made "
    "out. This report shows only the leader's own assessment and, if given, the superior's."
)


THANK_YOU = (
    "Thank you. Your answers are saved anonymously. You can change them until %(day)s on this device, or "
    "with the link we have e-mailed you."
)


CLOSED_ON = "The survey closed on %(day)s; answers can no longer be given or changed."


HAVE_ANSWERED = (
    "%(answered)s of %(counter)s employee has answered.",
    "%(answered)s of %(counter)s employees have answered.",
)


url = workplace_urls("reflection")


def round_url(name, round_):
    return url(name, round_.workplace, round_id=round_.pk)


def org_url(name, organisation, **kwargs):
    return reverse(f"reflection:{name}", kwargs={"org_slug": organisation.slug, **kwargs})


def org_round_url(name, round_):
    return org_url(name, round_.organisation, round_id=round_.pk)


def html(response):
    return response.content.decode()


def da_text(msgid, **params):
    """``msgid`` as a message says it in Danish (translated when a translation exists)."""
    with translation.override("da"):
        text = gettext(msgid)
    return text % params if params else text


def da(msgid, **params):
    """``msgid`` as the page shows it in Danish, HTML-escaped."""
    return escape(da_text(msgid, **params))


def da_answered(answered, counter):
    """The sentence "2 of 6 employees have answered." as the page says it in Danish."""
    with translation.override("da"):
        return ngettext(*HAVE_ANSWERED, counter) % {"answered": answered, "counter": counter}


def da_date(day):
    with translation.override("da"):
        return formats.date_format(day, "DATE_FORMAT")


def messages_of(response):
    """The (level, text) of the messages the request left."""
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def has_error_summary(response):
    return 'id="error-summary"' in html(response)


def items(round_):
    return list(Item.objects.filter(version=round_.version).order_by("practice__position", "position"))


def form_data(round_, value="4", **by_code):
    """The answer form filled in: ``value`` for every statement, or per item code (``_1_1="x"``)."""
    return {
        f"item_{item.pk}": by_code.get("_" + item.code.replace(".", "_"), value) for item in items(round_)
    }


def personal_links(mailoutbox, user):
    """The paths of the personal links e-mailed to ``user``, oldest first."""
    found = []
    for mail in mailoutbox:
        if mail.to == [user.email]:
            found.extend(match.group(0) for match in LINK.finditer(mail.body))
    return found


def follow_link(client, mailoutbox, user):
    """``user`` logs in and opens the newest personal link from their e-mail; returns the response."""
    client.force_login(user)
    return client.get(personal_links(mailoutbox, user)[-1])


def answer_with_comments(round_, users, value=4):
    first_practice = round_.version.practices.order_by("position").first()
    for n, user in enumerate(users):
        answer_round(round_, user, value=value, comments={first_practice.pk: f"Kommentar nummer {n}"})


def past_round(workplace, leader, *, opened_days_ago, respondents, value=4, length=14):
    """A concluded round made directly in the database, with ``respondents`` anonymous responses (mostly
    ``value``, every fourth one spread over the scale; a comment each) and the leader's assessment."""
    today = timezone.localdate()
    version = selectors.current_version()
    round_ = Round.objects.create(
        organisation=workplace.organisation,
        workplace=workplace,
        version=version,
        leader=leader,
        opens_on=today - datetime.timedelta(days=opened_days_ago),
        closes_on=today - datetime.timedelta(days=opened_days_ago - length),
        threshold=5,
        invited_count=respondents + 2,
    )
    add_responses(round_, respondents, value=value)
    services.assessment_submit(
        actor=leader, round_=round_, kind=AssessorKind.LEADER, answers=survey_answers(round_, 5)
    )
    # As the daily task does for a round past its last day.
    round_.sealed_at = services.round_seal(round_=round_).sealed_at
    return round_


def add_responses(round_, count, value=4):
    base = {"organisation_id": round_.organisation_id, "workplace_id": round_.workplace_id, "round": round_}
    all_items = items(round_)
    first_practice = all_items[0].practice_id
    for n in range(count):
        response = Response.objects.create(locator=tokens.response_locator(tokens.new_secret()), **base)
        Answer.objects.bulk_create(
            Answer(response=response, item=item, value=value if n % 4 else (n % 5) + 1, **base)
            for item in all_items
        )
        PracticeComment.objects.create(
            response=response, practice_id=first_practice, text=f"Kommentar {n}", **base
        )


def snapshot(round_):
    """Everything an answer could change, to show that a refused request changed nothing."""
    return (
        sorted(Response.objects.filter(round=round_).values_list("pk", flat=True)),
        sorted(Answer.objects.filter(round=round_).values_list("response_id", "item_id", "value")),
        sorted(
            PracticeComment.objects.filter(round=round_).values_list("response_id", "practice_id", "text")
        ),
        sorted(RoundInvitation.objects.filter(round=round_).values_list("user_id", "answered", "token_hash")),
    )
