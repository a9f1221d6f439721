"""What every list endpoint takes and does: the paging parameters, checked with clear problems, and the
answer with its ETag."""

from ninja import Schema
from pydantic import Field

from .. import paging


class ListParams(Schema):
    cursor: str | None = Field(None, description="The “next_cursor” of the previous page.")
    updated_since: str | None = Field(
        None,
        description="Only rows changed at or after this date or ISO 8601 time (not in the future).",
        json_schema_extra={"example": "2026-11-01T00:00:00+01:00"},
    )
    limit: str | None = Field(
        None, description=f"Rows a page: 1–{paging.LIMIT_MAX}, {paging.LIMIT_DEFAULT} if left out."
    )


def list_answer(request, params: ListParams, queryset, shape, page_schema, *, changed="updated_at"):
    """One page of ``queryset`` as ``page_schema`` (each row through ``shape``), with its ETag."""
    found = paging.page(
        queryset,
        cursor=paging.parse_cursor(params.cursor),
        since=paging.parse_since(params.updated_since),
        limit=paging.parse_limit(params.limit),
        changed=changed,
    )
    # Made without validating again what the shapes made (see shapes._out).
    body = page_schema.model_construct(
        items=[shape(row) for row in found.rows],
        next=paging.next_address(request, found.next_cursor),
        next_cursor=found.next_cursor,
    )
    return paging.respond(request, body)
