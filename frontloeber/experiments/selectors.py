"""Reads for experiments, adoption plans and cases, scoped to a workplace or an organisation."""

from collections import defaultdict

from django.db.models import Prefetch, Q
from django.http import Http404

from frontloeber.core.addresses import url_for_ids
from frontloeber.ideas import search
from frontloeber.ideas.models import Idea, IdeaStatus

from . import permissions
from .models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)


def _experiments(workplace):
    return Experiment.objects.of(workplace)


def experiments(*, workplace, state=""):
    queryset = _experiments(workplace).select_related("idea", "workplace")
    if state in ExperimentState.values:
        queryset = queryset.filter(state=state)
    return queryset.order_by("-starts_on", "-pk")


def learned(*, workplace):
    """Concluded experiments, whatever the decision: what the workplace learned. Stopping is a result too."""
    return (
        _experiments(workplace)
        .filter(state=ExperimentState.CONCLUDED)
        .select_related("idea", "workplace")
        .order_by("-concluded_at", "-pk")
    )


def access_experiment(*, workplace, experiment_id):
    """An experiment of this workplace with all its page shows, in a fixed number of queries."""
    experiment = (
        _experiments(workplace)
        .select_related("idea__responsible", "idea__workplace", "workplace", "follows", "safety_confirmed_by")
        .prefetch_related(
            "participants",
            Prefetch("criteria", queryset=SuccessCriterion.objects.order_by("position", "pk")),
            Prefetch(
                "log_entries",
                queryset=LogEntry.objects.select_related("author", "workplace").order_by("entry_date", "pk"),
            ),
            Prefetch("followed_by", queryset=Experiment.objects.select_related("workplace")),
        )
        .filter(pk=experiment_id)
        .first()
    )
    if experiment is None:
        raise Http404
    return experiment


def access_log_entry(*, experiment, entry_id):
    entry = LogEntry.objects.filter(experiment=experiment, pk=entry_id).exclude(photo="").first()
    if entry is None:
        raise Http404
    return entry


def experiments_for_idea(*, idea):
    return list(Experiment.objects.filter(idea=idea).select_related("workplace").order_by("starts_on", "pk"))


def adopting_experiment(*, idea):
    return (
        Experiment.objects.filter(idea=idea, state=ExperimentState.CONCLUDED, decision=Decision.ADOPT)
        .order_by("-concluded_at")
        .first()
    )


def adoption_plans(*, workplace):
    return (
        AdoptionPlan.objects.of(workplace)
        .select_related("idea", "workplace", "responsible")
        .order_by("-go_live_on", "-pk")
    )


def access_plan(*, workplace, plan_id):
    plan = (
        adoption_plans(workplace=workplace)
        .select_related("idea__workplace", "experiment__workplace")
        .prefetch_related(
            Prefetch(
                "checkpoints", queryset=Checkpoint.objects.select_related("recorded_by").order_by("due_on")
            )
        )
        .filter(pk=plan_id)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def access_checkpoint(*, plan, checkpoint_id):
    checkpoint = Checkpoint.objects.select_related("plan").filter(plan=plan, pk=checkpoint_id).first()
    if checkpoint is None:
        raise Http404
    return checkpoint


def plan_for_idea(*, idea):
    return AdoptionPlan.objects.filter(idea=idea).select_related("workplace").first()


# --- Cases: shared across the organisation ----------------------------------------------------------------


def cases(*, organisation, query=""):
    """The organisation's case library; a search uses the ideas' full-text index."""
    queryset = Case.objects.filter(organisation=organisation).select_related("workplace", "idea", "contact")
    if query.strip():
        matching = search.filter_matching(
            Idea.objects.filter(organisation=organisation, case__isnull=False), query
        )
        # The ids first: on SQLite the full-text match is a join that cannot sit inside a subquery.
        ids = list(matching.values_list("pk", flat=True))
        # The case's own words count too: its summary and learnings are what other workplaces search for.
        queryset = queryset.filter(
            Q(idea_id__in=ids) | Q(summary__icontains=query.strip()) | Q(learnings__icontains=query.strip())
        )
    return queryset.order_by("-published_at", "-pk")


def access_case(*, organisation, case_id):
    case = (
        Case.objects.filter(organisation=organisation, pk=case_id)
        .select_related("workplace", "idea__workplace", "contact")
        .prefetch_related(
            Prefetch(
                "trials",
                queryset=CaseTrial.objects.select_related("workplace", "idea").order_by("created_at"),
            ),
            "idea__images",
        )
        .first()
    )
    if case is None:
        raise Http404
    return case


def cases_about_idea(*, idea):
    """The case published from the idea and the case the idea was taken up from ("Try the idea here"), in one
    read: (published, taken_from), either None."""
    taken_up = CaseTrial.objects.filter(organisation_id=idea.organisation_id, idea=idea).values("case_id")
    found = list(
        Case.objects.filter(Q(idea=idea) | Q(pk__in=taken_up), organisation_id=idea.organisation_id)
        .select_related("workplace", "idea")
        .order_by()
    )
    published = next((c for c in found if c.idea_id == idea.pk), None)
    taken_from = next((c for c in found if c.idea_id != idea.pk), None)
    return published, taken_from


def case_results(*, case):
    """What the experiment that decided to adopt the case's idea measured: its criteria with their results
    and evidence, and what it learned (the latest such experiment)."""
    experiment = (
        Experiment.objects.filter(
            organisation_id=case.organisation_id,
            idea_id=case.idea_id,
            state=ExperimentState.CONCLUDED,
            decision=Decision.ADOPT,
        )
        .prefetch_related(Prefetch("criteria", queryset=SuccessCriterion.objects.order_by("position", "pk")))
        .order_by("-concluded_at", "-pk")
        .first()
    )
    return experiment


def similar_cases(*, organisation, text, exclude_workplace=None, limit=3):
    """Published cases that share words with ``text``: shown beside the idea form, to take up what works."""
    ideas = Idea.objects.filter(organisation=organisation, case__isnull=False)
    if exclude_workplace is not None:
        ideas = ideas.exclude(workplace=exclude_workplace)
    ranked = list(search.rank_similar(ideas, text).values_list("pk", flat=True)[:limit])
    found = {
        case.idea_id: case
        for case in Case.objects.filter(idea_id__in=ranked).select_related("workplace", "idea")
    }
    return [found[pk] for pk in ranked if pk in found]


def idea_page_panel(*, membership, idea):
    """What the idea page shows of the idea's experiments, adoption plan and cases (three reads): the case
    published from it, and the case it was taken up from."""
    published, taken_from = cases_about_idea(idea=idea)
    found = {
        "experiments": experiments_for_idea(idea=idea),
        "adoption_plan": plan_for_idea(idea=idea),
        "case": published,
    }
    steps = permissions.next_steps(
        membership=membership,
        idea=idea,
        experiments=found["experiments"],
        plan=found["adoption_plan"],
        case=found["case"],
    )
    # While the idea is new, its text is the case's, copied: the page says it is a draft to adapt.
    copied = taken_from is not None and idea.status == IdeaStatus.NEW
    return {**found, **steps, "taken_from": taken_from, "taken_from_copied": copied}


def similar_cases_beside_the_idea_form(*, workplace, text):
    # The workplace's own adopted ideas are among the similar ideas already.
    return {
        "similar_cases": similar_cases(
            organisation=workplace.organisation_id, text=text, exclude_workplace=workplace
        )
    }


def skill_needs(*, workplace):
    """Which skills the workplace's running experiments and adoption plans need: skill id → [(label, url)].

    Two queries; the skills map asks it through ``competences.registry.skill_needs``."""

    # Only the ids and the ideas' titles: the busiest workplaces have hundreds of these links. Each link's
    # address is its kind's, made once, with the id put in (a reverse() each took 11 ms for 273 links).
    needs = defaultdict(list)
    experiment_url = url_for_ids(
        "experiments:experiment_detail", "experiment_id", workplace_slug=workplace.slug
    )
    experiments = (
        Experiment.skills.through.objects.filter(
            experiment__organisation_id=workplace.organisation_id,
            experiment__workplace=workplace,
            experiment__state__in=[ExperimentState.PLANNED, ExperimentState.RUNNING],
        )
        .values_list("skill_id", "experiment_id", "experiment__idea__title")
        .order_by("experiment__idea__title", "pk")
    )
    for skill_id, experiment_id, title in experiments:
        needs[skill_id].append((title, experiment_url(experiment_id)))
    plan_url = url_for_ids("experiments:adoption_detail", "plan_id", workplace_slug=workplace.slug)
    plans = (
        AdoptionPlan.skills.through.objects.filter(
            adoptionplan__organisation_id=workplace.organisation_id,
            adoptionplan__workplace=workplace,
            adoptionplan__state__in=[AdoptionState.PLANNED, AdoptionState.LIVE],
        )
        .values_list("skill_id", "adoptionplan_id", "adoptionplan__idea__title")
        .order_by("adoptionplan__idea__title", "pk")
    )
    for skill_id, plan_id, title in plans:
        needs[skill_id].append((title, plan_url(plan_id)))
    return needs
