"""Feeds: a whole table as a file, for Excel and Power BI (/api/v1/feeds/<feed>.csv and .xlsx).

Excel's "From Web" cannot send a header, so a feed token (one feed, nothing else) goes in the address as
``?token=``; any API token with the feed's scope may read it through ``Authorization: Bearer`` instead. An API
token in the address is refused (400), and a feed token anywhere else, or for another feed, is unknown (401).

The CSV is as Danish Excel opens it with a double-click: UTF-8 with a byte-order mark, ``;`` between cells,
decimal commas, times in Danish time as ``2026-12-01 08:30:00``. The XLSX has real numbers, booleans and
times. The column names are the API's field names, the same in every language, so a report built on them
survives a change of language. A feed is not paged: the rows are read in chunks (``iterator``) and written as
they come, the CSV streamed and the XLSX through openpyxl's write-only workbook into a temporary file, so
memory stays bounded at 300,000 ideas and the queries are the same few whatever the number of rows.
``updated_since`` narrows a feed as it narrows a list, and the ETag (from the rows' count and last change)
answers an unchanged feed with a 304 before a row is read.
"""

import csv
import datetime
import hashlib
import json
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth.decorators import login_not_required
from django.db.models import Count, Max
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from frontloeber.insights.exports import XLSX_TYPE

from . import figures, paging, selectors, services
from .models import FEED_SCOPES, Feed
from .problems import Problem, problem_response
from .reader import Reader, rate_limit
from .schemas import pseudonym

CHUNK = 2000
FORMATS = ("csv", "xlsx")
# Changed whenever a feed's columns change, so a client's ETag of the old columns is not taken for the new.
VERSION = 1


@dataclass
class FeedTable:
    """One feed's answer: its columns, the rows (an iterator, read as they are written), and what its ETag is
    made of (cheap aggregates, asked before any row)."""

    title: str
    columns: list
    rows: object
    fingerprint: list = field(default_factory=list)


# --- Who reads --------------------------------------------------------------------------------------------


def _unauthorised(detail=None):
    return Problem(
        401,
        "unauthorised",
        detail
        or _(
            "Send a feed token of this feed in the address (?token=…), or an API token with the feed's "
            "scope in the Authorization header."
        ),
        headers={"WWW-Authenticate": 'Bearer realm="frontloeber"'},
    )


def feed_reader(request, feed) -> Reader:
    """The reader of ``feed``: a feed token of it in the address, or an API token in the header."""
    in_address = "token" in request.GET or "access_token" in request.GET
    if in_address:
        secret = request.GET.get("token") or request.GET.get("access_token") or ""
        token = services.token_use(secret=secret) if secret else None
        if token is not None and not token.is_feed:
            raise Problem(
                400,
                "token-in-address",
                _(
                    "This is an API token: send it in the Authorization header, not in the address. Only a "
                    "feed token goes in a feed's address. Revoke this token and make a new one: addresses "
                    "end up in logs."
                ),
            )
        if token is None or token.feed != feed:
            raise _unauthorised(
                _("The address has no valid feed token of this feed: it may be revoked or expired.")
            )
    else:
        kind, _space, secret = request.headers.get("Authorization", "").partition(" ")
        token = services.token_use(secret=secret.strip()) if kind.lower() == "bearer" and secret else None
        if token is None or token.is_feed:
            raise _unauthorised()
    rate_limit(token)
    reader = Reader(token)
    reader.require(FEED_SCOPES[feed])
    return reader


# --- The feeds --------------------------------------------------------------------------------------------

IDEA_FIELDS = [
    "pk",
    "workplace_id",
    "challenge_id",
    "title",
    "status",
    "value_citizens",
    "value_quality",
    "value_routines",
    "ready_to_test",
    "support_count",
    "comment_count",
    "organisation_id",
    "author_id",
    "created_at",
    "first_response_at",
    "updated_at",
]


def idea_columns(*, with_text: bool) -> list[str]:
    """The ideas feed's columns: those of /api/v1/ideas, the values spread over three, and the workplace's
    name beside its id; the title for a personal token only."""
    return [
        "id",
        "workplace_id",
        "workplace",
        "challenge_id",
        *(["title"] if with_text else []),
        "status",
        "value_citizens",
        "value_quality",
        "value_routines",
        "ready_to_test",
        "support_count",
        "comment_count",
        "author",
        "created_at",
        "first_response_at",
        "updated_at",
    ]


def ideas_feed(reader, since) -> FeedTable:
    with_text = not reader.is_organisation
    workplaces = list(selectors.workplaces_for(reader=reader).values_list("pk", "name", "updated_at"))
    names = {pk: name for pk, name, _changed in workplaces}
    ideas = selectors.ideas_for(reader=reader)
    if since is not None:
        ideas = ideas.filter(updated_at__gte=since)
    summary = ideas.aggregate(n=Count("pk"), changed=Max("updated_at"), last=Max("pk"))
    fingerprint = [
        with_text,
        sorted(names),
        max((changed for _pk, _name, changed in workplaces), default=None),
        summary["n"],
        summary["changed"],
        summary["last"],
    ]
    authors = {}

    def author(organisation_id, user_id):
        if user_id not in authors:
            authors[user_id] = pseudonym(organisation_id, user_id)
        return authors[user_id]

    def rows():
        found = ideas.order_by("updated_at", "pk").values_list(*IDEA_FIELDS).iterator(chunk_size=CHUNK)
        for (
            pk,
            workplace_id,
            challenge_id,
            title,
            status,
            citizens,
            quality,
            routines,
            ready,
            supports,
            comments,
            organisation_id,
            author_id,
            created_at,
            first_response_at,
            updated_at,
        ) in found:
            yield [
                pk,
                workplace_id,
                names.get(workplace_id, ""),
                challenge_id,
                *([title] if with_text else []),
                status,
                citizens,
                quality,
                routines,
                ready,
                supports,
                comments,
                author(organisation_id, author_id),
                created_at,
                first_response_at,
                updated_at,
            ]

    return FeedTable(_("Ideas"), idea_columns(with_text=with_text), rows(), fingerprint)


def indicators_feed(reader, since) -> FeedTable:
    """The practice indicators per workplace and quarter, as ``figures`` counts them for the reader (the
    overview's for a personal token, the organisation table's columns for an organisation token); with
    ``updated_since``, the quarters that had not ended by then. Computed at once (a thousand workplaces
    times eight quarters is a few hundred thousand cells at most), so the ETag is of the rows themselves."""
    rows = figures.indicator_rows(reader=reader)
    if since is not None:
        kept = {figures.quarter_name(q) for q in figures.indicator_quarters(since=since)}
        rows = [row for row in rows if row["quarter"] in kept]
    columns = list(figures.INDICATOR_COLUMNS)
    found = [[row[column] for column in columns] for row in rows]
    return FeedTable(_("Practice indicators"), columns, iter(found), [_fingerprint_of(found)])


def _fingerprint_of(rows):
    digest = hashlib.sha256()
    for row in rows:
        digest.update(json.dumps(row, default=str).encode())
    return digest.hexdigest()


FEEDS = {Feed.IDEAS: ideas_feed, Feed.INDICATORS: indicators_feed}


# --- As files ---------------------------------------------------------------------------------------------


def _local(moment):
    return timezone.localtime(moment) if timezone.is_aware(moment) else moment


def _text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def csv_cell(value):
    """A cell as Danish Excel reads it: decimal commas, 1/0 for yes/no, times without a zone (Danish time),
    and text that Excel would take for a formula kept as text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (float, Decimal)):
        text = f"{value:.4f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(value, datetime.datetime):
        return _local(value).strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, datetime.date):
        return value.isoformat()
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


class _Line:
    def write(self, value):
        return value


def csv_lines(table: FeedTable):
    """The feed's CSV, a few hundred rows at a time."""
    writer = csv.writer(_Line(), delimiter=";", lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(table.columns)
    batch = []
    for row in table.rows:
        batch.append(writer.writerow([csv_cell(value) for value in row]))
        if len(batch) >= 500:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _xlsx_value(sheet, value):
    if isinstance(value, datetime.datetime):
        cell = WriteOnlyCell(sheet, value=_local(value).replace(tzinfo=None))
        cell.number_format = "yyyy-mm-dd hh:mm"
        return cell
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, str):
        value = _text(value)
        if value.startswith("="):
            cell = WriteOnlyCell(sheet, value=value)
            cell.data_type = "s"  # text, never a formula
            return cell
    return value


def xlsx_file(table: FeedTable):
    """The feed as a workbook of one sheet, in a temporary file (openpyxl's write-only mode keeps rows out of
    memory); the caller streams and closes it."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=str(table.title)[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for name in table.columns:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row in table.rows:
        sheet.append([_xlsx_value(sheet, value) for value in row])
    out = tempfile.TemporaryFile()
    workbook.save(out)
    out.seek(0)
    return out


def _etag(feed, fmt, table):
    raw = json.dumps([VERSION, feed, fmt, table.columns, table.fingerprint], default=str).encode()
    return '"' + hashlib.sha256(raw).hexdigest()[:32] + '"'


def _not_modified(request, etag):
    sent = [tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")]
    return etag in sent or "*" in sent


@login_not_required
@require_safe
def feed_view(request, feed, fmt):
    try:
        if feed not in Feed.values or fmt not in FORMATS:
            raise Problem(
                404,
                "not-found",
                _("No such feed. The feeds are %(feeds)s, as .csv or .xlsx.")
                % {"feeds": ", ".join(Feed.values)},
            )
        reader = feed_reader(request, feed)
        since = paging.parse_since(request.GET.get("updated_since"))
        table = FEEDS[feed](reader, since)
    except Problem as exc:
        return problem_response(exc.status, exc.kind, exc.detail, errors=exc.errors, headers=exc.headers)
    etag = _etag(feed, fmt, table)
    if _not_modified(request, etag):
        response = HttpResponse(status=304)
    elif fmt == "csv":
        response = StreamingHttpResponse(csv_lines(table), content_type="text/csv; charset=utf-8")
    else:
        response = FileResponse(xlsx_file(table), content_type=XLSX_TYPE)
    if response.status_code == 200:
        response["Content-Disposition"] = f'attachment; filename="frontloeber-{feed}.{fmt}"'
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    response["Vary"] = "Authorization"
    response["X-Content-Type-Options"] = "nosniff"
    return response
