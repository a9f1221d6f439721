"""The token itself, the workplaces it reads, ideas (read and submitted), and deletions."""

import uuid
from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Header, Query, Router, Schema, Status
from pydantic import Field

from frontloeber.ideas.models import Challenge, IdeaStatus

from .. import schemas, selectors, services, shapes
from ..models import Scope
from ..paging import respond
from ..problems import Problem
from .common import ListParams, list_answer

router = Router(tags=["Core"])


class TokenOut(Schema):
    name: str
    organisation: str
    kind: str = Field(description="organisation or personal")
    person: str | None = Field(description="The pseudonym of the person a personal token acts as.")
    scopes: list[str]
    expires_at: datetime


@router.get("/token", response={200: TokenOut, **schemas.PROBLEMS}, summary="The token you send")
def token(request):
    reader = request.auth
    return respond(
        request,
        TokenOut(
            name=reader.token.name,
            organisation=reader.organisation.name,
            kind="organisation" if reader.is_organisation else "personal",
            person=schemas.pseudonym(reader.organisation_id, reader.token.user_id),
            scopes=reader.token.scopes,
            expires_at=reader.token.expires_at,
        ),
    )


@router.get("/workplaces", response={200: schemas.WorkplacePage, **schemas.PROBLEMS}, summary="Workplaces")
def workplaces(request, params: Query[ListParams]):
    reader = request.auth
    return list_answer(
        request,
        params,
        selectors.workplaces_for(reader=reader),
        shapes.workplace_shape,
        schemas.WorkplacePage,
    )


class IdeaFilters(ListParams):
    workplace_id: schemas.Id | None = Field(None, description="Only this workplace's ideas.")
    status: IdeaStatus | None = None


@router.get("/ideas", response={200: schemas.IdeaPage, **schemas.PROBLEMS}, summary="Ideas")
def ideas(request, params: Query[IdeaFilters]):
    reader = request.auth
    reader.require(Scope.IDEAS)
    rows = selectors.ideas_for(reader=reader, workplace_id=params.workplace_id, status=params.status)
    with_text = not reader.is_organisation
    return list_answer(
        request, params, rows, lambda idea: shapes.idea_shape(idea, with_text=with_text), schemas.IdeaPage
    )


@router.post(
    "/workplaces/{workplace_id}/ideas",
    response={201: schemas.IdeaOut, **schemas.PROBLEMS, 413: schemas.Problem},
    summary="Submit an idea as the token's person",
)
def idea_create(
    request,
    workplace_id: schemas.Id,
    payload: schemas.IdeaIn,
    idempotency_key: str | None = Header(None, alias="Idempotency-Key"),
):
    reader = request.auth
    reader.require(Scope.IDEAS_WRITE)
    workplace = reader.workplace(workplace_id)
    key = None
    if idempotency_key:
        try:
            key = uuid.UUID(idempotency_key)
        except ValueError:
            raise Problem(
                400,
                "invalid-parameters",
                errors=[{"name": "Idempotency-Key", "detail": "A UUID, such as 0c6b1b9e-…"}],
            ) from None
    values = payload.model_dump()
    if payload.values is not None:
        values["values"] = {axis: (score, "") for axis, score in payload.values.model_dump().items()}
    if payload.challenge_id is not None:
        values["challenge"] = get_object_or_404(Challenge.objects.of(workplace), pk=payload.challenge_id)
    idea = services.api_idea_create(reader=reader, workplace=workplace, values=values, idempotency_key=key)
    with shapes.checking():  # the idea as the service left it in memory: validated field by field
        shape = shapes.idea_shape(idea, with_text=True)
    return Status(201, shape)


@router.get("/deletions", response={200: schemas.TombstonePage, **schemas.PROBLEMS}, summary="Deletions")
def deletions(request, params: Query[ListParams]):
    """Rows deleted from the lists this token reads, oldest first: drop them from what you loaded."""
    reader = request.auth
    return list_answer(
        request,
        params,
        selectors.tombstones_for(reader=reader),
        lambda t: schemas.TombstoneOut.model_construct(
            resource=t.resource, id=t.object_id, workplace_id=t.workplace_id, deleted_at=t.deleted_at
        ),
        schemas.TombstonePage,
        changed="deleted_at",
    )
