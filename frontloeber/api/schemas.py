"""The shapes the API answers with, and the webhooks send: the OpenAPI schema is made from these.

People appear only as a pseudonym (``P-`` and 12 hexadecimal digits), the same for one person in one
organisation across every list and every call, and another for them in another organisation; never a name
or an e-mail address. Free text a workplace wrote (an idea's title) is given only to a personal token whose
person may read it on the pages; an organisation token reads figures, states and dates, as its admins'
roll-ups do.
"""

import functools
from datetime import date, datetime
from typing import Annotated

from django.conf import settings
from django.utils.crypto import salted_hmac
from ninja import Schema
from pydantic import ConfigDict, Field, create_model

# A row's id as a parameter. The databases keep 64-bit ids: a larger number reached them as an error (a 500:
# PostgreSQL's "bigint out of range", SQLite's "too large to convert"), so it is refused as not valid.
ID_MAX = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=ID_MAX)]


def pseudonym(organisation_id, user_id) -> str | None:
    if user_id is None:
        return None
    return _pseudonym(settings.SECRET_KEY, organisation_id, user_id)


# A page of 100 rows names up to 300 people, mostly the same few, and a feed 30,000: each HMAC (a key
# derived, then a digest: 10–15 µs) is made once per worker, for as many people as a large municipality has
# (about 260 bytes each: 8 MB at most). Keyed by the secret too: a changed SECRET_KEY gives new pseudonyms.
@functools.lru_cache(maxsize=32_768)
def _pseudonym(secret, organisation_id, user_id) -> str:
    digest = salted_hmac(
        "frontloeber.api.person", f"{organisation_id}:{user_id}", secret=secret, algorithm="sha256"
    )
    return "P-" + digest.hexdigest()[:12].upper()


class Problem(Schema):
    type: str = Field(description="The kind of problem, explained on the documentation page.")
    title: str
    status: int
    detail: str | None = None
    errors: list[dict] | None = None


class Values(Schema):
    """The idea's place on the three value axes of the core task, 0–3 each, or null where not rated."""

    # In a write, an axis misspelt is refused, not dropped without a word.
    model_config = ConfigDict(extra="forbid")

    citizens: int | None = Field(None, description="A better offer for citizens.")
    quality: int | None = Field(None, description="Stronger professional quality.")
    routines: int | None = Field(None, description="Easier daily routines.")


class WorkplaceOut(Schema):
    id: int
    name: str
    sector: str
    core_task: str
    created_at: datetime
    updated_at: datetime


class IdeaOut(Schema):
    id: int
    workplace_id: int
    challenge_id: int | None
    title: str | None = Field(description="Only for a personal token whose person may read the idea.")
    status: str
    values: Values
    ready_to_test: bool
    support_count: int
    comment_count: int
    author: str = Field(description="The author's pseudonym in this organisation.")
    created_at: datetime
    first_response_at: datetime | None
    updated_at: datetime


class IdeaIn(Schema):
    """An idea submitted as the token's person (a personal token with the scope ``ideas:write``)."""

    model_config = ConfigDict(extra="forbid")

    title: str = Field(max_length=200)
    need: str = Field(max_length=4000, description="The need or problem, seen from the core task.")
    description: str = Field(max_length=8000)
    concerns: str = Field("", max_length=4000)
    values: Values | None = None
    challenge_id: Id | None = None
    tags: list[str] = Field(default_factory=list, max_length=10)


class TombstoneOut(Schema):
    resource: str = Field(description="The list the row was in: ideas, experiments, workplaces, …")
    id: int
    workplace_id: int | None
    deleted_at: datetime


def page_of(item, name):
    """The schema of one page of ``item`` rows."""
    return create_model(
        name,
        __base__=Schema,
        items=(list[item], ...),
        next=(str | None, Field(None, description="The address of the next page; absent on the last.")),
        next_cursor=(str | None, None),
    )


WorkplacePage = page_of(WorkplaceOut, "WorkplacePage")
IdeaPage = page_of(IdeaOut, "IdeaPage")
TombstonePage = page_of(TombstoneOut, "TombstonePage")

# Errors every endpoint may answer with, each a problem detail.
PROBLEMS = {400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem}


# --- Experiments, adoption plans, checkpoints, cases and take-ups (scope "experiments") ------------------

_TEXT = "Only for a personal token: what the workplace wrote."


class CriterionOut(Schema):
    axis: str = Field(description="The value axis: citizens, quality or routines.")
    result: str = Field(description="met, partly or not_met; empty until the experiment is evaluated.")
    description: str | None = Field(description=_TEXT)
    measure: str | None = Field(description=_TEXT)
    evidence: str | None = Field(description=_TEXT)


class SafetyOut(Schema):
    """The safety check's answers (null: not answered yet) and the leader's confirmation."""

    personal_data: bool | None
    vulnerable_citizens: bool | None
    needs_it: bool | None
    confirmed_at: datetime | None
    personal_data_which: str | None = Field(description=_TEXT)
    legal_basis: str | None = Field(description=_TEXT)
    data_protection_contact: str | None = Field(description=_TEXT)
    consent_how: str | None = Field(description=_TEXT)
    it_what: str | None = Field(description=_TEXT)


class ExperimentOut(Schema):
    id: int
    workplace_id: int
    idea_id: int
    follows_id: int | None = Field(description="The experiment this one adjusts and tries again.")
    state: str
    decision: str = Field(description="adopt, adjust or stop once concluded; empty before.")
    starts_on: date
    ends_on: date
    hours: int
    budget_dkk: int
    criteria: list[CriterionOut]
    safety: SafetyOut
    hypothesis: str | None = Field(description=_TEXT)
    equipment: str | None = Field(description=_TEXT)
    stop_rule: str | None = Field(description=_TEXT)
    learnings: str | None = Field(description=_TEXT)
    created_by: str | None = Field(description="A pseudonym.")
    created_at: datetime
    started_at: datetime | None
    concluded_at: datetime | None
    updated_at: datetime


class AdoptionPlanOut(Schema):
    id: int
    workplace_id: int
    idea_id: int
    experiment_id: int | None
    state: str = Field(description="planned or live.")
    go_live_on: date
    live_at: datetime | None
    first_checkpoint_days: int
    second_checkpoint_days: int
    responsible: str | None = Field(description="A pseudonym.")
    affected: str | None = Field(description=_TEXT)
    training: str | None = Field(description=_TEXT)
    communication: str | None = Field(description=_TEXT)
    created_at: datetime
    updated_at: datetime


class CheckpointOut(Schema):
    id: int
    workplace_id: int
    plan_id: int
    days: int = Field(description="Days after the plan went live.")
    due_on: date
    done: bool
    users: int | None = Field(description="How many use it.")
    affected: int | None = Field(description="Of how many it affects.")
    values: Values
    recorded_at: datetime | None
    recorded_by: str | None = Field(description="A pseudonym.")
    notes: str | None = Field(description=_TEXT)
    adjusted: str | None = Field(description=_TEXT)
    updated_at: datetime


class CaseOut(Schema):
    """A case the organisation published: every member of the organisation reads it."""

    id: int
    workplace_id: int
    idea_id: int
    published_at: datetime
    take_up_count: int
    contact: str | None = Field(description="A pseudonym.")
    published_by: str | None = Field(description="A pseudonym.")
    title: str | None = Field(description=_TEXT)
    summary: str | None = Field(description=_TEXT)
    value_achieved: str | None = Field(description=_TEXT)
    what_it_took: str | None = Field(description=_TEXT)
    learnings: str | None = Field(description=_TEXT)
    updated_at: datetime = Field(description="The case's or its idea's last change.")


class CaseTakeUpOut(Schema):
    """A workplace trying a case: its idea there shows how far it got."""

    id: int
    workplace_id: int
    case_id: int
    idea_id: int
    idea_status: str
    created_at: datetime
    updated_at: datetime = Field(description="The take-up's or its idea's last change.")


class BarrierOut(Schema):
    """A barrier (in webhooks' events: one raised to the organisation)."""

    id: int
    workplace_id: int
    kind: str
    status: str
    escalation: str
    raised_kind: str
    raised_at: datetime | None
    answer_due_on: date | None
    answered_at: datetime | None
    created_at: datetime
    updated_at: datetime


ExperimentPage = page_of(ExperimentOut, "ExperimentPage")
AdoptionPlanPage = page_of(AdoptionPlanOut, "AdoptionPlanPage")
CheckpointPage = page_of(CheckpointOut, "CheckpointPage")
CasePage = page_of(CaseOut, "CasePage")
CaseTakeUpPage = page_of(CaseTakeUpOut, "CaseTakeUpPage")


# --- Workshop sessions and their outputs (scope "workshops") --------------------------------------------


class WorkshopSessionOut(Schema):
    id: int
    workplace_id: int
    format: str = Field(description="The workshop format's slug in the library.")
    practice: str = Field(description="The practice the format trains: P1–P5.")
    state: str
    starts_at: datetime
    started_at: datetime | None
    ended_at: datetime | None
    about: str | None = Field(description="challenge, idea, experiment or adoption_plan, or null.")
    about_id: int | None
    facilitator: str | None = Field(description="A pseudonym.")
    participant_count: int = Field(description="Members and guests in the room; never who.")
    post_count: int
    output_count: int
    place: str | None = Field(description=_TEXT)
    created_at: datetime
    updated_at: datetime


class WorkshopOutputOut(Schema):
    """What a session's post became in the product, and the id of that record."""

    id: int
    workplace_id: int
    session_id: int
    kind: str = Field(
        description="challenge, idea, barrier, action_item, experiment, adoption_plan or learning_activity."
    )
    record_id: int | None = Field(description="The id of what it became (an idea's id for kind idea, …).")
    post_id: int | None
    post_text: str | None = Field(description=_TEXT)
    created_by: str | None = Field(description="A pseudonym.")
    created_at: datetime
    updated_at: datetime


WorkshopSessionPage = page_of(WorkshopSessionOut, "WorkshopSessionPage")
WorkshopOutputPage = page_of(WorkshopOutputOut, "WorkshopOutputPage")
