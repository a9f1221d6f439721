"""Experiments, adoption plans and their checkpoints, cases and who took them up (scope ``experiments``).

A personal token reads what its person reads on the pages: every experiment, plan and checkpoint of their
workplaces (observers too), with the text written there; and the organisation's published cases and their
take-ups, as the case library shows every member. An organisation token reads every workplace's, as states,
dates, figures and pseudonyms, without the text a workplace wrote.
"""

from ninja import Query, Router
from pydantic import Field

from frontloeber.experiments.models import AdoptionState, ExperimentState

from .. import schemas, selectors, shapes
from ..models import Scope
from .common import ListParams, list_answer

router = Router(tags=["Experiments"])


class WorkplaceFilter(ListParams):
    workplace_id: schemas.Id | None = Field(None, description="Only this workplace's rows.")


class ExperimentFilters(WorkplaceFilter):
    state: ExperimentState | None = None


class AdoptionPlanFilters(WorkplaceFilter):
    state: AdoptionState | None = None


class CheckpointFilters(WorkplaceFilter):
    plan_id: schemas.Id | None = Field(None, description="Only this adoption plan's checkpoints.")


class TakeUpFilters(WorkplaceFilter):
    workplace_id: schemas.Id | None = Field(None, description="Only the take-ups of this workplace.")
    case_id: schemas.Id | None = Field(None, description="Only this case's take-ups.")


class CaseFilters(WorkplaceFilter):
    workplace_id: schemas.Id | None = Field(None, description="Only the cases this workplace published.")


def _reader(request):
    reader = request.auth
    reader.require(Scope.EXPERIMENTS)
    return reader


@router.get("/experiments", response={200: schemas.ExperimentPage, **schemas.PROBLEMS}, summary="Experiments")
def experiments(request, params: Query[ExperimentFilters]):
    reader = _reader(request)
    rows = selectors.experiments_for(reader=reader, workplace_id=params.workplace_id, state=params.state)
    with_text = not reader.is_organisation
    return list_answer(
        request,
        params,
        rows,
        lambda row: shapes.experiment_shape(row, with_text=with_text),
        schemas.ExperimentPage,
    )


@router.get(
    "/adoption-plans",
    response={200: schemas.AdoptionPlanPage, **schemas.PROBLEMS},
    summary="Adoption plans",
)
def adoption_plans(request, params: Query[AdoptionPlanFilters]):
    reader = _reader(request)
    rows = selectors.adoption_plans_for(reader=reader, workplace_id=params.workplace_id, state=params.state)
    with_text = not reader.is_organisation
    return list_answer(
        request,
        params,
        rows,
        lambda row: shapes.adoption_plan_shape(row, with_text=with_text),
        schemas.AdoptionPlanPage,
    )


@router.get(
    "/checkpoints",
    response={200: schemas.CheckpointPage, **schemas.PROBLEMS},
    summary="Adoption plans' checkpoints",
)
def checkpoints(request, params: Query[CheckpointFilters]):
    reader = _reader(request)
    rows = selectors.checkpoints_for(reader=reader, workplace_id=params.workplace_id, plan_id=params.plan_id)
    with_text = not reader.is_organisation
    return list_answer(
        request,
        params,
        rows,
        lambda row: shapes.checkpoint_shape(row, with_text=with_text),
        schemas.CheckpointPage,
    )


@router.get("/cases", response={200: schemas.CasePage, **schemas.PROBLEMS}, summary="Cases")
def cases(request, params: Query[CaseFilters]):
    """The organisation's published cases, from every workplace: what it shares with all its members."""
    reader = _reader(request)
    rows = selectors.cases_for(reader=reader, workplace_id=params.workplace_id)
    with_text = not reader.is_organisation
    return list_answer(
        request,
        params,
        rows,
        lambda row: shapes.case_shape(row, with_text=with_text),
        schemas.CasePage,
        changed="changed_at",
    )


@router.get(
    "/case-take-ups",
    response={200: schemas.CaseTakeUpPage, **schemas.PROBLEMS},
    summary="Cases taken up by other workplaces",
)
def case_take_ups(request, params: Query[TakeUpFilters]):
    reader = _reader(request)
    rows = selectors.case_take_ups_for(
        reader=reader, workplace_id=params.workplace_id, case_id=params.case_id
    )
    return list_answer(
        request, params, rows, shapes.case_take_up_shape, schemas.CaseTakeUpPage, changed="changed_at"
    )
