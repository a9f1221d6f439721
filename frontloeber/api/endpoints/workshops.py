"""Workshop sessions and what their posts became (scope ``workshops``).

A session shows its format, state, times and how many took part, posted and what came of it: never who was
in the room, and guests not at all. A personal token reads its person's workplaces' sessions with their
place and the text of each post that became something, as the session's summary shows every member; an
organisation token reads every workplace's without that text.
"""

from ninja import Query, Router
from pydantic import Field

from frontloeber.workshops.models import SessionState

from .. import schemas, selectors, shapes
from ..models import Scope
from .common import ListParams, list_answer

router = Router(tags=["Workshops"])


class SessionFilters(ListParams):
    workplace_id: schemas.Id | None = Field(None, description="Only this workplace's sessions.")
    state: SessionState | None = None


class OutputFilters(ListParams):
    workplace_id: schemas.Id | None = Field(None, description="Only this workplace's outputs.")
    session_id: schemas.Id | None = Field(None, description="Only this session's outputs.")


@router.get(
    "/workshop-sessions",
    response={200: schemas.WorkshopSessionPage, **schemas.PROBLEMS},
    summary="Workshop sessions",
)
def workshop_sessions(request, params: Query[SessionFilters]):
    reader = request.auth
    reader.require(Scope.WORKSHOPS)
    rows = selectors.workshop_sessions_for(
        reader=reader, workplace_id=params.workplace_id, state=params.state
    )
    with_text = not reader.is_organisation
    return list_answer(
        request,
        params,
        rows,
        lambda row: shapes.workshop_session_shape(row, with_text=with_text),
        schemas.WorkshopSessionPage,
    )


@router.get(
    "/workshop-outputs",
    response={200: schemas.WorkshopOutputPage, **schemas.PROBLEMS},
    summary="What workshop sessions' posts became",
)
def workshop_outputs(request, params: Query[OutputFilters]):
    reader = request.auth
    reader.require(Scope.WORKSHOPS)
    rows = selectors.workshop_outputs_for(
        reader=reader, workplace_id=params.workplace_id, session_id=params.session_id
    )
    with_text = not reader.is_organisation
    return list_answer(
        request,
        params,
        rows,
        lambda row: shapes.workshop_output_shape(row, with_text=with_text),
        schemas.WorkshopOutputPage,
    )
