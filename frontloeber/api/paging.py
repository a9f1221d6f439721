"""Incremental loads: every list is ordered by its rows' last change, then id, and paged by a cursor.

A client loads a list once, keeps the greatest ``updated_at`` it saw, and later asks with
``updated_since`` for what changed after; ``next`` (in the body and the ``Link`` header) is the cursor of the
next page, absent on the last. A cursor is the last row's (updated_at, id): keyset paging, so a page costs
the same at row 300,000 as at row 1, and a row changed while a client pages moves behind it and is read
again rather than skipped. Each answer carries an ETag; sending it back as ``If-None-Match`` gets a 304 while
the page is unchanged.
"""

import base64
import binascii
import hashlib
import json
from datetime import UTC, datetime, time

from django.db.models import Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .problems import Problem

LIMIT_DEFAULT = 100
LIMIT_MAX = 500


def _invalid(name, detail):
    return Problem(
        400,
        "invalid-parameters",
        _("Correct the parameters named in “errors” and send the request again."),
        errors=[{"name": name, "detail": detail}],
    )


def parse_limit(value) -> int:
    if value is None or value == "":
        return LIMIT_DEFAULT
    try:
        limit = int(value)
    except (TypeError, ValueError):
        limit = 0
    if not 1 <= limit <= LIMIT_MAX:
        raise _invalid("limit", _("Ask for 1 to %(n)s rows a page.") % {"n": LIMIT_MAX})
    return limit


def _in_utc(moment):
    """``moment`` in UTC, as the databases are sent it, or None when it has no UTC time in Python (0001-01-01
    with an offset east of UTC, 9999-12-31 west of it) or no Danish one (the feeds and the figures read
    Danish days). PostgreSQL refuses an offset beyond 15:59, which Python takes up to 23:59: in UTC it has
    none."""
    try:
        moment = moment.astimezone(UTC)
        timezone.localtime(moment)
    except OverflowError:
        return None
    return moment


def parse_since(value, *, now=None):
    """``updated_since`` as an aware time: an ISO 8601 time (without a zone: Danish time) or a date (its
    midnight); a time in the future is refused, since nothing can have changed after it."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    try:
        moment = parse_datetime(text.replace(" ", "+")) if "T" in text or " " in text else None
        if moment is None and (day := parse_date(text)) is not None:
            moment = datetime.combine(day, time.min)
    except ValueError:
        moment = None
    if moment is None:
        raise _invalid(
            "updated_since",
            _("Give a date (2026-12-01) or a time in ISO 8601 (2026-12-01T08:30:00+01:00)."),
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    moment = _in_utc(moment)
    if moment is None:
        raise _invalid("updated_since", _("Give a time after the year 1 and before the year 9999."))
    if moment > (now or timezone.now()):
        raise _invalid("updated_since", _("This time is in the future: nothing has changed after it yet."))
    return moment


def encode_cursor(changed_at, pk) -> str:
    raw = json.dumps([changed_at.isoformat(), pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_cursor(value):
    """The (changed_at, id) a cursor stands for, or None; anything but a cursor this API made is refused."""
    if value is None or value == "":
        return None
    try:
        text = str(value)
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        changed, pk = json.loads(raw)
        moment = parse_datetime(changed)
        if moment is None or timezone.is_naive(moment) or not isinstance(pk, int) or isinstance(pk, bool):
            raise ValueError
        moment = _in_utc(moment)
        if moment is None:
            raise ValueError
        return moment, pk
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise _invalid(
            "cursor", _("This cursor was not made by this API. Use the “next” of the previous page.")
        ) from None


class Page:
    """One page of a list: its rows and the cursor after them."""

    def __init__(self, rows, next_cursor):
        self.rows, self.next_cursor = rows, next_cursor


def page(queryset, *, cursor=None, since=None, limit=LIMIT_DEFAULT, changed="updated_at"):
    """The page of ``queryset`` after ``cursor``, changed at or after ``since``, ordered by (changed, id)."""
    if since is not None:
        queryset = queryset.filter(**{f"{changed}__gte": since})
    if cursor is not None:
        moment, pk = cursor
        # The range first, so the index on (organisation, changed, id) bounds the scan; then the tie-break.
        queryset = queryset.filter(**{f"{changed}__gte": moment}).filter(
            Q(**{f"{changed}__gt": moment}) | Q(pk__gt=pk)
        )
    rows = list(queryset.order_by(changed, "pk")[: limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = encode_cursor(getattr(rows[-1], changed), rows[-1].pk) if more else None
    return Page(rows, next_cursor)


def next_address(request, next_cursor):
    if not next_cursor:
        return None
    query = {key: value for key, value in request.GET.items() if key != "cursor"}
    query["cursor"] = next_cursor
    return request.build_absolute_uri(request.path) + "?" + urlencode(query)


def respond(request, body) -> HttpResponse:
    """``body`` (a schema instance) as JSON with an ETag of its bytes, or a 304 when the client has them."""
    content = body.model_dump_json(by_alias=True).encode()
    etag = '"' + hashlib.sha256(content).hexdigest()[:32] + '"'
    sent = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
    if etag in sent or "*" in sent:
        response = HttpResponse(status=304)
    else:
        response = HttpResponse(content, content_type="application/json; charset=utf-8")
        nxt = getattr(body, "next", None)
        if nxt:
            response["Link"] = f'<{nxt}>; rel="next"'
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Authorization, Accept-Language"
    return response
