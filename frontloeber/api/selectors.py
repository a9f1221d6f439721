"""Reads of the API app: tokens, and the querysets each list endpoint pages through, already narrowed to
what the reader may read (``reader.workplace_ids()``)."""

from django.db.models import Q
from django.http import Http404

from frontloeber.core.access import at_most_one, one_or_404
from frontloeber.ideas.models import Idea
from frontloeber.organisations.models import Membership, Organisation, Workplace

from .models import ApiToken, Scope, Tombstone

# Lists a member of any workplace reads all of (the case library), and so their tombstones.
ORGANISATION_WIDE = ("cases", "case-take-ups")

# The tombstones of each list a scope reads.
SCOPE_RESOURCES = {
    Scope.IDEAS: ("ideas",),
    Scope.EXPERIMENTS: ("experiments", "adoption-plans", "checkpoints", "cases", "case-take-ups"),
    Scope.WORKSHOPS: ("workshop-sessions", "workshop-outputs"),
}


def token_find(*, secret_hash: str, now=None) -> ApiToken | None:
    """The usable token with this hash; a personal token only while its person's account is open (a
    leaver's account is closed, and their tokens stop with it)."""
    return at_most_one(
        ApiToken.objects.usable(now)
        .select_related("organisation", "user")
        .filter(Q(user__isnull=True) | Q(user__is_active=True), token_hash=secret_hash)
    )


def person_in_organisation(*, user, organisation) -> bool:
    return Membership.objects.filter(user=user, workplace__organisation=organisation).exists()


def organisation_tokens(*, organisation):
    """The organisation's tokens, newest first: its own and its people's personal ones (an admin may stop
    any token that reads the organisation), with who made each."""
    return ApiToken.objects.of(organisation).select_related("user", "created_by")


def access_organisation_token(*, organisation, token_id) -> ApiToken:
    return one_or_404(ApiToken.objects.of(organisation).select_related("organisation").filter(pk=token_id))


def personal_tokens(*, user):
    return ApiToken.objects.filter(user=user).select_related("organisation")


def access_personal_token(*, user, token_id) -> ApiToken:
    return one_or_404(ApiToken.objects.filter(user=user, pk=token_id).select_related("organisation"))


def token_organisations(*, user):
    """The organisations a person may make a personal token for: those where they are a member."""
    return Organisation.objects.filter(workplaces__memberships__user=user).distinct().order_by("name")


# --- What the lists page through ------------------------------------------------------------------------


def workplaces_for(*, reader):
    return Workplace.objects.filter(organisation_id=reader.organisation_id, pk__in=reader.workplace_ids())


def _in_reach(queryset, reader, workplace_id=None):
    """Rows of the reader's workplaces (one, when ``workplace_id`` is given: outside them a 404)."""
    queryset = queryset.filter(organisation_id=reader.organisation_id)
    if workplace_id is not None:
        if workplace_id not in reader.workplace_ids():
            raise Http404
        return queryset.filter(workplace_id=workplace_id)
    if reader.is_organisation:
        return queryset  # every workplace of the organisation: no list of ids to send
    return queryset.filter(workplace_id__in=sorted(reader.workplace_ids()))


def ideas_for(*, reader, workplace_id=None, status=None):
    ideas = _in_reach(Idea.objects.all(), reader, workplace_id)
    if status:
        ideas = ideas.filter(status=status)
    return ideas


def tombstones_for(*, reader):
    resources = ["workplaces"]
    for scope, names in SCOPE_RESOURCES.items():
        if scope in reader.token.scopes:
            resources.extend(names)
    tombstones = Tombstone.objects.filter(organisation_id=reader.organisation_id, resource__in=resources)
    if not reader.is_organisation:
        mine = Q(workplace_id__in=sorted(reader.workplace_ids()))
        if reader.workplace_ids():  # the organisation's shared lists: any workplace's rows
            mine |= Q(resource__in=ORGANISATION_WIDE)
        tombstones = tombstones.filter(mine)
    return tombstones


# --- Experiments, adoption plans, checkpoints, cases and take-ups (scope "experiments") ------------------
# Every member of a workplace reads its experiments, plans and checkpoints on the pages, observers too, the
# safety check's answers included (experiments.views: ``workplace_view`` without roles). A published case
# and who took it up are the organisation's: every member of any of its workplaces reads them in the case
# library (experiments.selectors.cases / access_case), so those two lists are not narrowed to the reader's
# workplaces, only to the organisation (and, for a personal token, to a person who is still a member).


def _organisation_wide(queryset, reader, workplace_id=None):
    """Rows the whole organisation reads: any of its workplaces (``workplace_id`` outside it: a 404)."""
    queryset = queryset.filter(organisation_id=reader.organisation_id)
    if not reader.is_organisation and not reader.workplace_ids():
        return queryset.none()
    if workplace_id is not None:
        if not Workplace.objects.filter(organisation_id=reader.organisation_id, pk=workplace_id).exists():
            raise Http404
        queryset = queryset.filter(workplace_id=workplace_id)
    return queryset


def experiments_for(*, reader, workplace_id=None, state=None):
    from django.db.models import Prefetch

    from frontloeber.experiments.models import Experiment, SuccessCriterion

    rows = _in_reach(Experiment.objects.all(), reader, workplace_id)
    if state:
        rows = rows.filter(state=state)
    return rows.prefetch_related(
        Prefetch("criteria", queryset=SuccessCriterion.objects.order_by("position", "pk"))
    )


def adoption_plans_for(*, reader, workplace_id=None, state=None):
    from frontloeber.experiments.models import AdoptionPlan

    rows = _in_reach(AdoptionPlan.objects.all(), reader, workplace_id)
    return rows.filter(state=state) if state else rows


def checkpoints_for(*, reader, workplace_id=None, plan_id=None):
    from frontloeber.experiments.models import Checkpoint

    rows = _in_reach(Checkpoint.objects.all(), reader, workplace_id)
    return rows.filter(plan_id=plan_id) if plan_id is not None else rows


def _changed_with_idea(queryset):
    """A row that shows its idea (a case its title, a take-up its idea's status) has changed when the idea
    has: ``changed_at`` is the later of the two, and the list pages on it."""
    from django.db.models.functions import Greatest

    return queryset.annotate(changed_at=Greatest("updated_at", "idea__updated_at"))


def cases_for(*, reader, workplace_id=None):
    from frontloeber.experiments.models import Case

    rows = _organisation_wide(Case.objects.all(), reader, workplace_id)
    return _changed_with_idea(rows.select_related("idea"))


def case_take_ups_for(*, reader, workplace_id=None, case_id=None):
    from frontloeber.experiments.models import CaseTrial

    rows = _organisation_wide(CaseTrial.objects.all(), reader, workplace_id)
    if case_id is not None:
        rows = rows.filter(case_id=case_id)
    return _changed_with_idea(rows.select_related("idea"))


# --- Workshop sessions and what their posts became (scope "workshops") ----------------------------------
# Every member of the workplace reads its sessions, their summaries (the posts) and what the posts became
# (workshops.views: ``workplace_view`` without roles); the list gives counts, never who was in the room.


def workshop_sessions_for(*, reader, workplace_id=None, state=None):
    from django.db.models import Count, OuterRef, Subquery
    from django.db.models.functions import Coalesce

    from frontloeber.workshops.models import Participant, Post, SessionOutput, WorkshopSession

    def count(model, **filters):
        found = (
            model.objects.filter(session=OuterRef("pk"), **filters)
            .order_by()
            .values("session")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return Coalesce(Subquery(found), 0)

    rows = _in_reach(WorkshopSession.objects.all(), reader, workplace_id)
    if state:
        rows = rows.filter(state=state)
    return rows.select_related("format").annotate(
        participant_count=count(Participant, removed_at__isnull=True),
        post_count=count(Post),
        output_count=count(SessionOutput),
    )


def workshop_outputs_for(*, reader, workplace_id=None, session_id=None):
    from frontloeber.workshops.models import SessionOutput

    rows = _in_reach(SessionOutput.objects.all(), reader, workplace_id)
    if session_id is not None:
        rows = rows.filter(session_id=session_id)
    return rows if reader.is_organisation else rows.select_related("post")
