"""Reads for experiments, adoption plans and cases, scoped to a workplace or an organisation."""

from collections import defaultdict

from django.db.models import Case as Case_
from django.db.models import Prefetch, Q, When
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frontloeber.core.access import one_or_404
from frontloeber.core.addresses import url_for_ids
from frontloeber.ideas import search
from frontloeber.ideas.models import Idea, IdeaStatus, ValueAxis
from frontloeber.organisations.models import SafetyRole
from frontloeber.organisations.selectors import may_be_reviewed, may_review_safety, workplace_leader_ids

from . import permissions
from .models import (
    MAX_CRITERIA,
    TEXT_MAX,
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
    ReviewState,
    SafetyReview,
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


def _adopting(*, organisation_id, idea_id, with_skills=True):
    criteria = Prefetch("criteria", queryset=SuccessCriterion.objects.order_by("position", "pk"))
    return (
        Experiment.objects.filter(
            organisation_id=organisation_id,
            idea_id=idea_id,
            state=ExperimentState.CONCLUDED,
            decision=Decision.ADOPT,
        )
        .prefetch_related(criteria, *(["skills"] if with_skills else []))
        .order_by("-concluded_at", "-pk")
        .first()
    )


def adopting_experiment(*, idea):
    """The (latest) experiment that decided to adopt the idea, with its criteria and skills, or None."""
    return _adopting(organisation_id=idea.organisation_id, idea_id=idea.pk)


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
    return _adopting(organisation_id=case.organisation_id, idea_id=case.idea_id, with_skills=False)


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


# The steps from an idea to practice, as the idea's page shows where it stands.
CHAIN = [
    ("idea", gettext_lazy("Idea")),
    ("qualification", gettext_lazy("Qualification")),
    ("experiment", gettext_lazy("Experiment")),
    ("implementation", gettext_lazy("Implementation")),
    ("case", gettext_lazy("Case")),
]
# Ideas on their way: a parked, declined, withdrawn or merged idea says so by its status alone.
CHAIN_STATUSES = {
    IdeaStatus.NEW,
    IdeaStatus.NEEDS_INFO,
    IdeaStatus.QUALIFYING,
    IdeaStatus.EXPERIMENTING,
    IdeaStatus.ADOPTED,
}


def idea_chain(*, idea, experiments, plan, case):
    """The chain's steps as (key, label, state), state "done", "current" or "todo"; empty for an idea that
    is not on its way."""
    if idea.status not in CHAIN_STATUSES:
        return []
    adopted = any(e.decision == Decision.ADOPT for e in experiments)
    if case is not None:
        current = 4
    elif idea.status == IdeaStatus.ADOPTED or adopted or plan is not None:
        current = 3
    elif experiments or idea.status == IdeaStatus.EXPERIMENTING:
        current = 2
    elif idea.status == IdeaStatus.QUALIFYING or idea.has_qualification:
        current = 1
    else:
        current = 0
    return [
        (key, label, "done" if n < current else "current" if n == current else "todo")
        for n, (key, label) in enumerate(CHAIN)
    ]


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
    chain = idea_chain(
        idea=idea, experiments=found["experiments"], plan=found["adoption_plan"], case=published
    )
    return {**found, **steps, "chain": chain, "taken_from": taken_from, "taken_from_copied": copied}


def experiment_next(*, membership, experiment):
    """What a concluded experiment's page offers next: the adoption plan to make (after "adopt"), or the one
    made from it."""
    if not experiment.is_concluded:
        return {}
    plan = plan_for_idea(idea=experiment.idea)
    adopted = experiment.decision == Decision.ADOPT
    return {
        "adoption_plan": plan,
        "can_plan_adoption": permissions.can_plan_adoption(
            membership=membership, idea=experiment.idea, adopted=adopted, plan=plan
        ),
    }


def plan_next(*, membership, plan):
    """What the adoption plan's page offers next: sharing the adopted idea as a case, or the case shared."""
    published, _taken_from = cases_about_idea(idea=plan.idea)
    return {
        "case": published,
        "can_publish_case": permissions.can_publish_case(
            membership=membership, idea=plan.idea, case=published
        ),
    }


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


# --- One chain, carried forward: each step's form starts from what the steps before it know -------------

CRITERION_MAX = SuccessCriterion._meta.get_field("description").max_length


def _clip(text, limit):
    text = text.strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _lines(*parts):
    return "\n".join(part for part in parts if part)


def experiment_plan_seed(*, idea):
    """A first draft of the idea's experiment plan from its qualification and its values: the hypothesis
    from who benefits, the equipment from what it takes, the stop rule from what could go wrong, a success
    criterion for each value axis the idea was rated on (strongest first, with the reason given), measured as
    the qualification says; the idea's author among the participants."""
    benefit = idea.qualification_benefit.strip()
    if benefit:
        hypothesis = _("We believe that “%(title)s” will help: %(benefit)s") % {
            "title": idea.title,
            "benefit": benefit,
        }
    else:
        hypothesis = _("We believe that “%(title)s” will lead to …") % {"title": idea.title}
    rated = sorted((row for row in enumerate(idea.values) if row[1][2]), key=lambda row: (-row[1][2], row[0]))
    measure = _clip(idea.qualification_measures, CRITERION_MAX)
    criteria = [
        {"axis": axis.value, "description": _clip(why, CRITERION_MAX), "measure": ""}
        for _position, (axis, _label, _score, why) in rated[:MAX_CRITERIA]
    ] or [{"axis": ValueAxis.CITIZENS.value, "description": "", "measure": ""}]
    # How the qualification measures goes with each criterion that says what success is (with the first
    # when none does): a criterion with an axis alone is left out when saved, one with half its text is not.
    described = [c for c in criteria if c["description"]] or criteria[:1]
    for criterion in described:
        criterion["measure"] = measure
    risks = idea.qualification_risks.strip()
    return {
        "hypothesis": _clip(hypothesis, TEXT_MAX),
        "equipment": _clip(idea.qualification_requirements, TEXT_MAX),
        "stop_rule": _clip(_("We stop early if this happens: %(risks)s") % {"risks": risks}, TEXT_MAX)
        if risks
        else "",
        "criteria": criteria,
        "participants": [idea.author_id] if idea.author_id else [],
    }


def adoption_plan_seed(*, idea, experiment):
    """The adoption plan's first draft from the experiment that decided to adopt: its skills carried over
    and named under training, the idea's responsible person. The form shows the experiment's results
    beside it."""
    seed = {"responsible": idea.responsible_id}
    if experiment is None:
        return seed
    skills = list(experiment.skills.all())
    seed["skills"] = [skill.pk for skill in skills]
    if skills:
        names = ", ".join(skill.shown_name for skill in skills)
        seed["training"] = _("Skills the experiment needed: %(skills)s.") % {"skills": names}
    return seed


def _result_line(criterion):
    line = f"• {criterion.get_axis_display()}: {criterion.description}"
    line += f" ({criterion.get_result_display().lower()})"
    return line + (f" – {criterion.evidence}" if criterion.evidence else "")


def case_seed(*, idea, experiment, plan):
    """The case's first draft from the whole chain: the summary from the hypothesis and the go-live, the
    value from the criteria's results and the checkpoints, what it took from the experiment's frames and the
    plan's training, the learnings from the experiment and what the checkpoints adjusted."""
    seed = {"contact": (plan.responsible_id if plan else None) or idea.responsible_id}
    if experiment is None:
        return seed
    checkpoints = list(plan.checkpoints.filter(recorded_at__isnull=False).order_by("days")) if plan else []
    live = plan.live_at if plan and plan.live_at else None
    summary = _lines(
        experiment.hypothesis,
        _("Tried from %(start)s to %(end)s and in use since %(live)s.")
        % {
            "start": formats.date_format(experiment.starts_on, "DATE_FORMAT"),
            "end": formats.date_format(experiment.ends_on, "DATE_FORMAT"),
            "live": formats.date_format(timezone.localdate(live), "DATE_FORMAT"),
        }
        if live
        else "",
    )
    results = [_result_line(criterion) for criterion in experiment.criteria.all() if criterion.result]
    in_use = [
        _("After %(days)d days %(users)d of %(affected)d used it.")
        % {"days": c.days, "users": c.users, "affected": c.affected}
        for c in checkpoints
        if c.users is not None and c.affected
    ]
    frames = [
        _("%(hours)d hours and %(budget)d kr. in the experiment.")
        % {"hours": experiment.hours, "budget": experiment.budget_dkk},
        _("Equipment: %(equipment)s") % {"equipment": experiment.equipment} if experiment.equipment else "",
        _("Skills: %(skills)s.") % {"skills": ", ".join(s.shown_name for s in experiment.skills.all())}
        if experiment.skills.all()
        else "",
        _("Training: %(training)s") % {"training": plan.training} if plan and plan.training else "",
    ]
    adjusted = [c.adjusted for c in checkpoints if c.adjusted]
    seed.update(
        {
            "summary": _clip(summary, TEXT_MAX),
            "value_achieved": _clip(_lines(*results, *in_use), TEXT_MAX),
            "what_it_took": _clip(_lines(*frames), TEXT_MAX),
            "learnings": _clip(_lines(experiment.learnings, *adjusted), TEXT_MAX),
        }
    )
    return seed


# --- The safety check's reviews ---------------------------------------------------------------------------


def own_leadership_ids(experiment):
    """Who may not review the experiment's safety check: its workplace's leaders, who made it, and the
    idea's responsible person (they would approve their own plan)."""
    ids = workplace_leader_ids(workplace=experiment.workplace)
    return ids | {pk for pk in (experiment.created_by_id, experiment.idea.responsible_id) if pk}


def may_decide_review(*, user, review):
    """Whether the person may approve or ask for changes: a reviewer of its role outside the experiment's
    own leadership, while it waits on the experiment's current version."""
    experiment = review.experiment
    return (
        review.is_waiting
        and review.version == experiment.safety_version
        and experiment.is_planned
        and may_review_safety(
            user=user,
            organisation_id=experiment.organisation_id,
            role=review.role,
            exclude_ids=own_leadership_ids(experiment),
        )
    )


def _roles_reviewed(*, user, organisation):
    return [
        role
        for role in SafetyRole.values
        if may_review_safety(user=user, organisation_id=organisation.pk, role=role)
    ]


def safety_reviews_for(*, user, organisation):
    """The reviews of the roles the person reviews in the organisation: those waiting first, then the
    decided and replaced; newest first within each."""
    roles = _roles_reviewed(user=user, organisation=organisation)
    return (
        SafetyReview.objects.filter(organisation=organisation, role__in=roles)
        .select_related("experiment__idea", "workplace", "decided_by")
        .annotate(waiting=Case_(When(state=ReviewState.ASKED, then=0), default=1))
        .order_by("waiting", "-asked_at", "-pk")
    )


def access_safety_review(*, user, organisation, review_id):
    """A review of the organisation in a role the person reviews; 404 for any other, as for a missing one."""
    roles = _roles_reviewed(user=user, organisation=organisation)
    return one_or_404(
        SafetyReview.objects.filter(organisation=organisation, role__in=roles, pk=review_id).select_related(
            "experiment__idea", "experiment__workplace", "workplace", "decided_by"
        ),
        _("No such safety check to review."),
    )


def access_experiment_review(*, experiment, review_id):
    return one_or_404(
        SafetyReview.objects.filter(
            organisation_id=experiment.organisation_id, experiment=experiment, pk=review_id
        ).select_related("decided_by", "workplace")
    )


def experiment_reviews(*, experiment):
    """The experiment's reviews, newest version first, and those of its current version: what its page
    shows of them."""
    reviews = list(
        SafetyReview.objects.filter(organisation_id=experiment.organisation_id, experiment=experiment)
        .select_related("decided_by")
        .order_by("-version", "role")
    )
    current = [review for review in reviews if review.version == experiment.safety_version]
    # Whether anybody outside the experiment's own leadership can decide each waiting review.
    leadership = own_leadership_ids(experiment) if any(r.is_waiting for r in current) else set()
    for review in current:
        review.has_reviewers = not review.is_waiting or may_be_reviewed(
            organisation_id=experiment.organisation_id, role=review.role, exclude_ids=leadership
        )
    return {"reviews": reviews, "current_reviews": current}
