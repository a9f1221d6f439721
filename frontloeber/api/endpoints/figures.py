"""Aggregate figures: skills coverage, the practice indicators and the survey's closed rounds (figures.py
says what each token reads of them)."""

import datetime

from ninja import Query, Router, Schema
from pydantic import Field

from frontloeber.competences.models import Level

from .. import figures, paging, schemas
from ..models import Scope
from .common import ListParams

router = Router(tags=["Figures"])


def _answer(request, schema, items, position, kind):
    cursor = figures.encode_position(kind, *position) if position is not None else None
    # The rows are schema instances already: the page is made without validating them again.
    body = schema.model_construct(items=items, next=paging.next_address(request, cursor), next_cursor=cursor)
    return paging.respond(request, body)


class WorkplaceFilter(ListParams):
    workplace_id: schemas.Id | None = Field(None, description="Only this workplace's rows.")


# --- Skills coverage --------------------------------------------------------------------------------------


class LevelCounts(Schema):
    not_yet: int
    getting_started: int
    confident: int
    teaches: int


class SkillCoverageOut(Schema):
    workplace_id: int
    skill_id: int
    skill: str = Field(description="The skill's name (in English where the catalogue has it).")
    area: str
    own: bool = Field(
        description="A skill the workplace added itself, not one of the organisation's catalogue."
    )
    members: int = Field(description="The workplace's employees and leaders today.")
    shown: bool = Field(
        description="False for a team smaller than the organisation's anonymity threshold: then no counts."
    )
    levels: LevelCounts | None = Field(description="How many are at each level.")
    unrated: int | None
    confident: int | None = Field(description="How many use it confidently or can teach it (level 2 or 3).")
    covered: bool | None = Field(description="At least two use it confidently, as the skills map counts it.")
    wants_to_learn: int | None


SkillCoveragePage = schemas.page_of(SkillCoverageOut, "SkillCoveragePage")


def _coverage_shape(row) -> SkillCoverageOut:
    skill = row.skill
    return SkillCoverageOut(
        workplace_id=row.workplace_id,
        skill_id=skill.pk,
        skill=skill.shown_name,
        area=skill.area,
        own=skill.workplace_id is not None,
        members=row.members,
        shown=row.shown,
        levels=LevelCounts(
            not_yet=row.levels[Level.NOT_YET],
            getting_started=row.levels[Level.STARTING],
            confident=row.levels[Level.CONFIDENT],
            teaches=row.levels[Level.TEACHES],
        )
        if row.shown
        else None,
        unrated=row.unrated,
        confident=row.confident,
        covered=row.covered,
        wants_to_learn=row.wants_to_learn,
    )


@router.get(
    "/skills-coverage",
    response={200: SkillCoveragePage, **schemas.PROBLEMS},
    summary="Skills coverage per workplace and skill",
)
def skills_coverage(request, params: Query[WorkplaceFilter]):
    """Per workplace and skill of its map, how many of its employees and leaders are at each level: never who.
    A personal token reads its person's workplaces, an organisation token every workplace. A team smaller
    than the organisation's anonymity threshold gets no counts (``shown`` false). Ordered by workplace and
    skill id. ``updated_since``: only the workplaces whose coverage may have changed at or after it (a member
    rated a skill, joined, left or changed role, or a skill was added or retired): replace every row you
    hold of the workplaces in the answer."""
    reader = request.auth
    reader.require(Scope.SKILLS)
    rows, position = figures.skills_coverage_page(
        reader=reader,
        position=figures.parse_position(params.cursor, "s", 2),
        since=paging.parse_since(params.updated_since),
        limit=paging.parse_limit(params.limit),
        workplace_id=params.workplace_id,
    )
    return _answer(request, SkillCoveragePage, [_coverage_shape(r) for r in rows], position, "s")


# --- Practice indicators ----------------------------------------------------------------------------------


class IndicatorOut(Schema):
    workplace_id: int
    workplace: str
    quarter: str = Field(
        description="The quarter, such as 2026-Q3.", json_schema_extra={"example": "2026-Q3"}
    )
    quarter_start: datetime.date
    practice: str = Field(description="P1–P5.")
    indicator: str = Field(description="The indicator's code, the same in every language.")
    label: str
    kind: str = Field(description="percent, count, days, rate, score or date.")
    value: int | float | None = Field(description="The figure; null where there is none, or it is withheld.")
    date: datetime.date | None = Field(description="For an indicator of kind date: the day.")
    detail: str = Field(description="What the figure rests on, or why there is none.")


IndicatorPage = schemas.page_of(IndicatorOut, "IndicatorPage")


class IndicatorFilter(WorkplaceFilter):
    quarter: str | None = Field(None, description="Only this quarter (2026-Q3); else the last eight.")


@router.get(
    "/indicators",
    response={200: IndicatorPage, **schemas.PROBLEMS},
    summary="Practice indicators per workplace and quarter",
)
def indicators(request, params: Query[IndicatorFilter]):
    """The practice indicators of each workplace in the current quarter and the seven before, ordered by
    workplace, quarter and indicator. They count work; none is a figure about a person, and a share of people
    is given only for a group as large as the anonymity threshold. A personal token reads every indicator of
    its person's workplaces (their overview page); an organisation token reads the organisation's table's
    columns for every workplace. ``updated_since``: only the quarters that had not ended by then. A quarter's
    figures barely move once it has ended, but those counted against today's team (ideas per 10, skills) do:
    load everything again now and then."""
    reader = request.auth
    reader.require(Scope.INSIGHTS)
    rows, position = figures.indicator_page(
        reader=reader,
        position=figures.parse_position(params.cursor, "i", 4),
        since=paging.parse_since(params.updated_since),
        limit=paging.parse_limit(params.limit),
        workplace_id=params.workplace_id,
        quarter=figures.parse_quarter(params.quarter),
    )
    # Counted rows of plain numbers, dates and strings (figures._indicator_row): made without ninja's
    # validation of each field, which took six times as long as making them (14 ms a page against 2).
    items = [IndicatorOut.model_construct(**row) for row in rows]
    return _answer(request, IndicatorPage, items, position, "i")


# --- The survey's closed rounds ---------------------------------------------------------------------------


class SurveyRoundOut(Schema):
    id: int
    workplace_id: int
    opens_on: datetime.date
    last_day: datetime.date = Field(
        description="The day it closed (its last day, or the day it was closed early)."
    )
    invited: int = Field(description="The employees asked.")
    respondents: int
    threshold: int = Field(description="The answers needed before the team's figures are shown.")
    shown: bool = Field(description="Whether the team's figures are shown to this token.")
    withheld: bool = Field(
        description="Withheld from this token because its reader added people to the workplace just before "
        "the round, whatever the number of answers."
    )


SurveyRoundPage = schemas.page_of(SurveyRoundOut, "SurveyRoundPage")


def _round_shape(round_, *, respondents, threshold, withheld, shown) -> SurveyRoundOut:
    return SurveyRoundOut(
        id=round_.pk,
        workplace_id=round_.workplace_id,
        opens_on=round_.opens_on,
        last_day=round_.last_day,
        invited=round_.invited_count,
        respondents=respondents,
        threshold=threshold,
        shown=shown,
        withheld=withheld,
    )


@router.get("/survey-rounds", response={200: SurveyRoundPage, **schemas.PROBLEMS}, summary="Survey rounds")
def survey_rounds(request, params: Query[WorkplaceFilter]):
    """The closed survey rounds whose report this token may read, by id: a personal token those its person
    reads on the pages (a leader every round of their workplace; an employee or observer those the leader
    shared with the team or the MED committee); an organisation token every closed round. A round still open
    or planned is never listed. ``updated_since``: only rounds that closed since, or whose assessments or
    sharing changed since; a round no longer shared with you is not listed again: load everything again now
    and then."""
    reader = request.auth
    reader.require(Scope.SURVEY)
    facts, position = figures.survey_round_page(
        reader=reader,
        position=figures.parse_position(params.cursor, "r", 1),
        since=paging.parse_since(params.updated_since),
        limit=paging.parse_limit(params.limit),
        workplace_id=params.workplace_id,
    )
    items = [
        _round_shape(
            f.round, respondents=f.respondents, threshold=f.threshold, withheld=f.withheld, shown=f.shown
        )
        for f in facts
    ]
    return _answer(request, SurveyRoundPage, items, position, "r")


class ItemFiguresOut(Schema):
    code: str
    statement: str
    team: float | None = Field(description="The team's mean, 1–5; null when not shown.")
    distribution: list[int] | None = Field(
        description="How many answered 1, 2, 3, 4 and 5; null when not shown."
    )
    dont_know: int | None
    leader: int | None = Field(description="The leader's own answer.")
    superior: int | None = Field(description="The superior's answer.")


class PracticeFiguresOut(Schema):
    code: str
    name: str
    team: float | None
    leader: float | None
    superior: float | None
    items: list[ItemFiguresOut]


class SurveyFiguresOut(Schema):
    round: SurveyRoundOut
    practices: list[PracticeFiguresOut]


def _mean(value):
    return None if value is None else round(value, 2)


@router.get(
    "/survey-rounds/{round_id}/figures",
    response={200: SurveyFiguresOut, **schemas.PROBLEMS},
    summary="A survey round's figures",
)
def survey_round_figures(request, round_id: schemas.Id):
    """The round's figures as its report shows them to this token's reader: the team's means and
    distributions only when the round has as many answers as its threshold and is not withheld from the
    reader; the leader's own assessment and the superior's as the report shows them. Free-text comments are
    not given through the API. A round the reader may not read, or one not closed yet, is a 404."""
    reader = request.auth
    reader.require(Scope.SURVEY)
    report = figures.survey_round_report(reader=reader, round_id=round_id)
    body = SurveyFiguresOut(
        round=_round_shape(
            report.round,
            respondents=report.respondents,
            threshold=report.threshold,
            withheld=report.withheld,
            shown=report.shown,
        ),
        practices=[
            PracticeFiguresOut(
                code=p.practice.code,
                name=p.practice.name,
                team=_mean(p.team),
                leader=_mean(p.leader),
                superior=_mean(p.superior),
                items=[
                    ItemFiguresOut(
                        code=i.item.code,
                        statement=i.item.wording("employee"),
                        team=_mean(i.team),
                        distribution=i.distribution,
                        dont_know=i.dont_know,
                        leader=i.leader,
                        superior=i.superior,
                    )
                    for i in p.items
                ],
            )
            for p in report.practices
        ],
    )
    return paging.respond(request, body)
