"""The API's aggregate figures (issue 20): skills coverage per workplace and skill, the practice indicators
per workplace and quarter, and the survey's closed rounds, each read as the pages read them.

These lists are computed, not stored rows, so they are paged by their position in a fixed order (a cursor
names the last row given) rather than by a change time; ``updated_since`` leaves out what cannot have changed
since (each list says what that is). Every figure comes from the selectors the pages use, and what a page
withholds the API withholds:

- Skills coverage counts the workplace's employees and leaders at each level of each skill of its map
  (``competences.selectors.team_map``'s counts, for many workplaces in a fixed number of queries). No names,
  and for a team smaller than the organisation's anonymity threshold no counts at all: a small team's
  counts would point at people.
- Indicators count work (``insights``: ``count_work`` and each indicator's reading, the same figure and the
  same threshold as the overview); none is a figure about a person. A personal token reads every indicator
  of the workplaces where its person is a member (the overview page, open to every member); an organisation
  token the columns of the organisation's table for every workplace (what its admins read).
- The survey's rounds are read under the survey's rules (``reflection.selectors``): closed rounds only; a
  personal token those whose report its person may read (``readable_rounds``: a leader every round of their
  workplace, an employee or observer those the leader shared with the team or the MED committee); an
  organisation token every closed round of the organisation, as its admins do. The team's figures are the
  report's own (``round_report``): none below the threshold, and none of a round withheld from the reader
  because they added people to the workplace just before it. An organisation token is held by the
  organisation's admins together, so a round withheld from any of them (or from whoever made the token) is
  withheld from it. Free-text comments are not given through the API.
"""

import base64
import binascii
import datetime
import json
import math
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from frontloeber.accounts.models import User
from frontloeber.competences.models import Level, Skill, SkillRating
from frontloeber.competences.selectors import CONTRIBUTOR_ROLES, ENOUGH_CONFIDENT
from frontloeber.insights.counting import count_work
from frontloeber.insights.indicators import BY_KEY, DATE, INDICATORS, TABLE
from frontloeber.insights.periods import LONG_TREND_QUARTERS, Quarter, QuarterError
from frontloeber.organisations.models import Membership, MembershipChange, Workplace
from frontloeber.organisations.permissions import can_lead
from frontloeber.organisations.selectors import organisation_admin_ids
from frontloeber.reflection import eligibility
from frontloeber.reflection import selectors as survey
from frontloeber.reflection.models import Assessment, ReportShare, Response, Round, RoundState

from .problems import Problem

# --- Positions: the cursors of computed lists -----------------------------------------------------------


def _invalid(name, detail):
    return Problem(
        400,
        "invalid-parameters",
        _("Correct the parameters named in “errors” and send the request again."),
        errors=[{"name": name, "detail": detail}],
    )


def encode_position(kind, *values) -> str:
    raw = json.dumps([kind, *values], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def parse_position(value, kind, arity):
    """The position a cursor of list ``kind`` names (a tuple of ``arity`` whole numbers), or None; anything
    else is refused as the other lists refuse a cursor they did not make."""
    if value is None or value == "":
        return None
    try:
        text = str(value)
        found = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if not isinstance(found, list) or len(found) != arity + 1 or found[0] != kind:
            raise ValueError
        numbers = found[1:]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in numbers):
            raise ValueError
        return tuple(numbers)
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise _invalid(
            "cursor", _("This cursor was not made by this API. Use the “next” of the previous page.")
        ) from None


def _reach(reader, workplace_id):
    """The ids of the workplaces the reader reads (one, when asked: outside them a 404), in id order."""
    if workplace_id is not None:
        reader.workplace(workplace_id)  # a 404 outside
        return [workplace_id]
    return sorted(reader.workplace_ids())


def _local_day(moment):
    return timezone.localdate(moment) if moment is not None else None


# --- Practice indicators ------------------------------------------------------------------------------

# The columns of an indicator row, in this order (the feed's CSV and XLSX columns).
INDICATOR_COLUMNS = [
    "workplace_id",
    "workplace",
    "quarter",
    "quarter_start",
    "practice",
    "indicator",
    "label",
    "kind",
    "value",
    "date",
    "detail",
]


def quarter_name(quarter) -> str:
    return f"{quarter.year}-Q{quarter.number}"


def parse_quarter(text, *, today=None):
    """``2026-Q3`` (or ``2026-K3``, as the pages write it) as a Quarter; a clear problem for anything else."""
    if text is None or text == "":
        return None
    try:
        return Quarter.parse(str(text), today=today or timezone.localdate())
    except QuarterError as error:
        raise _invalid("quarter", str(error)) from None


def indicator_quarters(*, since=None, quarter=None, now=None):
    """The quarters the indicators are given for, oldest first: the current one and the seven before (the
    quarters the pages offer), or the one asked for. With ``since``, only those that had not ended by then:
    a quarter that ended before ``since`` is left out."""
    today = timezone.localdate(now or timezone.now())
    quarters = [quarter] if quarter is not None else Quarter.current(today).back(LONG_TREND_QUARTERS)
    if since is not None:
        day = _local_day(since)
        quarters = [q for q in quarters if q.end > day]
    return quarters


def indicator_keys(reader):
    """What the reader reads: every indicator of the overview (a personal token: its person is a member of
    each workplace it reads), or the organisation's table's columns (an organisation token)."""
    if reader.is_organisation:
        return list(TABLE)
    return [indicator.key for indicator in INDICATORS]


def _number(value):
    if isinstance(value, float):
        return round(value, 2)
    return value


def _indicator_row(workplace, quarter, key, tally, today, threshold):
    indicator = BY_KEY[key]
    reading = indicator.reading(tally, today, threshold)
    is_date = indicator.kind == DATE
    return {
        "workplace_id": workplace.pk,
        "workplace": workplace.name,
        "quarter": quarter_name(quarter),
        "quarter_start": quarter.start,
        "practice": indicator.practice,
        "indicator": key,
        "label": str(indicator.label),
        "kind": indicator.kind,
        "value": None if is_date else _number(reading.value),
        "date": reading.value if is_date else None,
        "detail": str(reading.detail),
    }


def _indicator_workplaces(reader, ids, *, from_id=0, count=None):
    workplaces = Workplace.objects.filter(organisation_id=reader.organisation_id, pk__gte=from_id)
    if not reader.is_organisation or len(ids) == 1:
        workplaces = workplaces.filter(pk__in=ids)
    workplaces = workplaces.order_by("pk").only("pk", "name", "response_target_days")
    return list(workplaces if count is None else workplaces[:count])


def indicator_page(*, reader, position=None, since=None, limit, workplace_id=None, quarter=None, now=None):
    """A page of indicator rows (dicts of ``INDICATOR_COLUMNS``) after ``position`` (workplace id, year,
    quarter number, indicator index), ordered by workplace, quarter and indicator, and the position of its
    last row when more follow. The work is counted for the page's workplaces only, in a fixed number of
    queries."""
    now = now or timezone.now()
    quarters = indicator_quarters(since=since, quarter=quarter, now=now)
    keys = indicator_keys(reader)
    ids = _reach(reader, workplace_id)
    per_workplace = len(quarters) * len(keys)
    if not quarters or not ids:
        return [], None
    from_id, skipped = 0, 0
    if position is not None:
        from_id = position[0]
        skipped = sum(
            1 for q in quarters for index in range(len(keys)) if (q.year, q.number, index) <= position[1:]
        )
    needed = math.ceil((limit + 1 + skipped) / per_workplace)
    workplaces = _indicator_workplaces(reader, ids, from_id=from_id, count=needed)
    if not workplaces:
        return [], None
    work = count_work(organisation=reader.organisation, workplaces=workplaces, quarters=quarters, now=now)
    threshold = reader.organisation.reflection_threshold
    rows, last = [], None
    for workplace in workplaces:
        today = work.today[workplace.pk]
        for q in quarters:
            tally = work.tally(workplace.pk, q)
            for index, key in enumerate(keys):
                here = (workplace.pk, q.year, q.number, index)
                if position is not None and here <= position:
                    continue
                if len(rows) == limit:
                    return rows, last
                rows.append(_indicator_row(workplace, q, key, tally, today, threshold))
                last = here
    return rows, None


def indicator_rows(*, reader, since=None, now=None):
    """Every indicator row the reader reads (dicts of ``INDICATOR_COLUMNS``): every workplace in its reach,
    the current quarter and the seven before (with ``since``: those not ended by then), counted at once. For
    the feed (CSV, XLSX); the caller checks the token's scope (``insights``)."""
    now = now or timezone.now()
    quarters = indicator_quarters(since=since, now=now)
    if not quarters:
        return []
    keys = indicator_keys(reader)
    workplaces = _indicator_workplaces(reader, _reach(reader, None))
    if not workplaces:
        return []
    work = count_work(organisation=reader.organisation, workplaces=workplaces, quarters=quarters, now=now)
    threshold = reader.organisation.reflection_threshold
    return [
        _indicator_row(workplace, q, key, work.tally(workplace.pk, q), work.today[workplace.pk], threshold)
        for workplace in workplaces
        for q in quarters
        for key in keys
    ]


# --- Skills coverage -----------------------------------------------------------------------------------


def _skills_changed(reader, since):
    """The ids of the workplaces whose coverage may have changed at or after ``since``: one of their
    members rated a skill, or they gained, lost or changed a member, or a skill of theirs was added or
    retired (a skill of the organisation's catalogue: every workplace)."""
    org = reader.organisation_id
    changed = set(
        MembershipChange.objects.filter(organisation_id=org, at__gte=since).values_list(
            "workplace_id", flat=True
        )
    )
    raters = SkillRating.objects.filter(organisation_id=org, updated_at__gte=since).values("user_id")
    changed |= set(
        Membership.objects.filter(workplace__organisation_id=org, user_id__in=raters).values_list(
            "workplace_id", flat=True
        )
    )
    skills = set(
        Skill.objects.filter(organisation_id=org)
        .filter(Q(created_at__gte=since) | Q(retired_at__gte=since))
        .values_list("workplace_id", flat=True)
    )
    if None in skills:
        return None  # the catalogue changed: every workplace
    return changed | skills


@dataclass
class CoverageRow:
    workplace_id: int
    skill: Skill
    members: int
    shown: bool
    levels: list | None = None  # people at each level, 0–3
    unrated: int | None = None
    confident: int | None = None
    covered: bool | None = None
    wants_to_learn: int | None = None


def _skills_of(reader, ids, from_id):
    """The skills each workplace's map holds (the organisation's catalogue and the workplace's own, not
    retired: ``workplace_skills``), as (catalogue, {workplace id: own}), in id order, in one query."""
    skills = Skill.objects.filter(organisation_id=reader.organisation_id, retired_at__isnull=True)
    own = Q(workplace_id__gte=from_id)
    if not reader.is_organisation or len(ids) == 1:
        own &= Q(workplace_id__in=ids)
    catalogue, by_workplace = [], defaultdict(list)
    for skill in skills.filter(Q(workplace__isnull=True) | own).order_by("pk"):
        if skill.workplace_id is None:
            catalogue.append(skill)
        else:
            by_workplace[skill.workplace_id].append(skill)
    return catalogue, by_workplace


def _count_coverage(reader, pairs):
    """``team_map``'s counts for the (workplace id, skill) pairs: the employees and leaders of the workplace
    at each level, unrated, confident (level 2 or 3), whether at least ``ENOUGH_CONFIDENT`` are, and how
    many want to learn it. Two queries, however many workplaces."""
    org = reader.organisation_id
    workplace_ids = sorted({wid for wid, _skill in pairs})
    team = defaultdict(set)
    for wid, uid in Membership.objects.filter(
        workplace__organisation_id=org, workplace_id__in=workplace_ids, role__in=CONTRIBUTOR_ROLES
    ).values_list("workplace_id", "user_id"):
        team[wid].add(uid)
    people = set().union(*team.values()) if team else set()
    ratings = defaultdict(dict)  # skill id -> {user id: (level, wants)}
    if people:
        for uid, sid, level, wants in SkillRating.objects.filter(
            organisation_id=org, user_id__in=sorted(people), skill_id__in=sorted({s.pk for _w, s in pairs})
        ).values_list("user_id", "skill_id", "level", "wants_to_learn"):
            ratings[sid][uid] = (level, wants)
    threshold = reader.organisation.reflection_threshold
    rows = []
    for wid, skill in pairs:
        members = team[wid]
        row = CoverageRow(
            workplace_id=wid, skill=skill, members=len(members), shown=len(members) >= threshold
        )
        if row.shown:
            counts = [0] * len(Level)
            wants = 0
            for uid, (level, wanted) in ratings[skill.pk].items():
                if uid in members:
                    counts[level] += 1
                    wants += bool(wanted)
            row.levels = counts
            row.unrated = len(members) - sum(counts)
            row.confident = counts[Level.CONFIDENT] + counts[Level.TEACHES]
            row.covered = row.confident >= ENOUGH_CONFIDENT
            row.wants_to_learn = wants
        rows.append(row)
    return rows


def skills_coverage_page(*, reader, position=None, since=None, limit, workplace_id=None):
    """A page of coverage rows after ``position`` (workplace id, skill id), by workplace and skill id, and
    the position of its last row when more follow. With ``since``, only the workplaces whose coverage may
    have changed at or after it (``_skills_changed``): replace every row you hold of those workplaces."""
    ids = _reach(reader, workplace_id)
    if since is not None:
        changed = _skills_changed(reader, since)
        if changed is not None:
            ids = [wid for wid in ids if wid in changed]
    from_id = position[0] if position is not None else 0
    ids = [wid for wid in ids if wid >= from_id]
    if not ids:
        return [], None
    catalogue, own = _skills_of(reader, ids, from_id)
    pairs, more = [], False
    for wid in ids:
        for skill in sorted(catalogue + own.get(wid, []), key=lambda s: s.pk):
            if position is not None and (wid, skill.pk) <= position:
                continue
            if len(pairs) == limit:
                more = True
                break
            pairs.append((wid, skill))
        if more:
            break
    if not pairs:
        return [], None
    last = (pairs[-1][0], pairs[-1][1].pk) if more else None
    return _count_coverage(reader, pairs), last


# --- The survey's closed rounds -----------------------------------------------------------------------


def _viewers(reader):
    """Whom an organisation token reads as when the survey asks from whom a round is withheld: every admin
    of the organisation, and whoever made the token."""
    ids = organisation_admin_ids(organisation_id=reader.organisation_id)
    if reader.token.created_by_id is not None:
        ids.add(reader.token.created_by_id)
    return [User(pk=pk) for pk in sorted(ids)]


def _readable(reader, rounds):
    """``rounds`` narrowed to those whose report the reader may read (``readable_rounds`` for each of the
    person's memberships; every round for an organisation token), in one query."""
    if reader.is_organisation:
        return rounds
    by_role = defaultdict(list)
    for wid, membership in reader.memberships().items():
        by_role[membership.role].append((wid, membership))
    readable = Q(pk__in=[])
    for members in by_role.values():
        wids = sorted(wid for wid, _m in members)
        found = survey.readable_rounds(
            membership=members[0][1], rounds=Round.objects.filter(workplace_id__in=wids)
        )
        readable |= Q(pk__in=found.values("pk"))
    return rounds.filter(readable)


def survey_rounds(*, reader, since=None, workplace_id=None, today=None):
    """The closed rounds of the reader's workplaces whose report the reader may read, as a queryset. With
    ``since``, only those whose figures may have changed at or after it: closed since (their last day on or
    after the day before it), or their leader's or superior's assessment changed, or their report shared."""
    today = today or timezone.localdate()
    ids = _reach(reader, workplace_id)
    rounds = Round.objects.filter(organisation_id=reader.organisation_id).filter(Round.closed_by(today))
    if not reader.is_organisation or workplace_id is not None:
        rounds = rounds.filter(workplace_id__in=ids)
    rounds = _readable(reader, rounds)
    if since is not None:
        day = _local_day(since)
        # The day before (none comes before 0001-01-01: then every day is on or after it).
        day = day - datetime.timedelta(days=1) if day > datetime.date.min else day
        ours = {"organisation_id": reader.organisation_id}
        rounds = rounds.filter(
            Q(closed_early_on__gte=day)
            | Q(closed_early_on__isnull=True, closes_on__gte=day)
            | Q(pk__in=Assessment.objects.filter(**ours, updated_at__gte=since).values("round_id"))
            | Q(pk__in=ReportShare.objects.filter(**ours, shared_at__gte=since).values("round_id"))
        )
    return rounds.select_related("organisation")


def _withheld(reader, rounds):
    """The ids of ``rounds`` whose team figures are withheld from the reader (``eligibility.withheld_from``):
    for a personal token, as the person reads the report (a leader of the workplace: nothing); for an
    organisation token, from any of its admins."""
    if reader.is_organisation:
        return eligibility.withheld_from_any(viewers=_viewers(reader), rounds=rounds)
    memberships = reader.memberships()
    not_leading = [r for r in rounds if not can_lead(membership=memberships.get(r.workplace_id))]
    return eligibility.withheld_from(viewer=reader.user, rounds=not_leading)


@dataclass
class RoundFacts:
    round: Round
    respondents: int
    threshold: int
    withheld: bool

    @property
    def shown(self):
        """As the report decides (``round_report``): at least the threshold's answers, not withheld."""
        return self.respondents >= self.threshold and not self.withheld


def survey_round_page(*, reader, position=None, since=None, limit, workplace_id=None, today=None):
    """A page of the reader's closed rounds by id after ``position`` (a round id), with the facts the report
    shows every reader of it, and the position of its last row when more follow."""
    rounds = survey_rounds(reader=reader, since=since, workplace_id=workplace_id, today=today)
    if position is not None:
        rounds = rounds.filter(pk__gt=position[0])
    found = list(rounds.order_by("pk")[: limit + 1])
    more = len(found) > limit
    found = found[:limit]
    if not found:
        return [], None
    answered = dict(
        Response.objects.filter(round_id__in=[r.pk for r in found])
        .values("round_id")
        .annotate(n=Count("id"))
        .values_list("round_id", "n")
    )
    withheld = _withheld(reader, found)
    facts = [
        RoundFacts(
            round=r,
            respondents=answered.get(r.pk, 0),
            threshold=survey.effective_threshold(r),
            withheld=r.pk in withheld,
        )
        for r in found
    ]
    return facts, ((found[-1].pk,) if more else None)


def survey_round_report(*, reader, round_id, today=None):
    """The report of a closed round the reader may read, as the reader's page shows it (``round_report``
    with the same viewer and audience); a 404 for any other round, as on the pages."""
    today = today or timezone.localdate()
    not_found = Problem(404, "not-found", _("No such closed survey round, or this token may not read it."))
    if reader.is_organisation:
        round_ = survey.access_organisation_round(organisation=reader.organisation, round_id=round_id)
        withheld_by = [v for v in _viewers(reader) if eligibility.withheld_from(viewer=v, rounds=[round_])]
        viewer, audience = (withheld_by[0] if withheld_by else None), None
    else:
        workplace_id = (
            Round.objects.filter(
                organisation_id=reader.organisation_id,
                pk=round_id,
                workplace_id__in=sorted(reader.workplace_ids()),
            )
            .values_list("workplace_id", flat=True)
            .first()
        )
        if workplace_id is None:
            raise not_found
        membership = reader.memberships()[workplace_id]
        membership.user = reader.user
        workplace = reader.workplace(workplace_id)
        round_ = survey.access_report(workplace=workplace, membership=membership, round_id=round_id)
        viewer = None if can_lead(membership=membership) else reader.user
        audience = survey.report_audience(membership=membership)
    if round_.state(today) != RoundState.CLOSED:
        raise not_found
    return survey.round_report(round_=round_, today=today, viewer=viewer, audience=audience)
