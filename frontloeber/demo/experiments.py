"""Load the demo's experiments, adoption plans, cases and case trials (``experiments_content.py``).

Rows are written directly, with past dates, on top of the ideas the ideas demo made; the ideas' statuses
already match their experiments there. Idempotent: what exists is left alone.
"""

import datetime

from django.utils import timezone

from frontloeber.experiments import services as experiment_services
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Checkpoint,
    Experiment,
    ExperimentState,
    LogEntry,
    SuccessCriterion,
)
from frontloeber.ideas import search
from frontloeber.ideas.models import EventKind, Idea, IdeaEvent, IdeaStatus

from .experiments_content import ADOPTION_PLANS, CASE_TRIALS, CASES, EXPERIMENTS

DPO = "Databeskyttelsesrådgiver Anne Marie Skov, Fjordby Kommune"


def seed(*, workplaces, people, now=None):
    """``workplaces``: slug → Workplace; ``people``: full name → User. Returns how many rows were created."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    created = 0
    experiments = {}
    for spec in EXPERIMENTS:
        workplace = workplaces[spec["workplace"]]
        idea = Idea.objects.filter(workplace=workplace, title=spec["idea"]).first()
        if idea is None:
            continue
        experiment = Experiment.objects.filter(idea=idea, hypothesis=spec["hypothesis"]).first()
        if experiment is None:
            experiment = _experiment(spec, workplace, idea, people, experiments, now, today)
            created += 1
            if experiment.is_planned and experiment.safety_answered and experiment.safety_roles_needed:
                # Sent to the reviewers as the leader would: the organisation's admin reviews (nobody named).
                experiment_services.experiment_safety_send(actor=experiment.created_by, experiment=experiment)
        experiments[spec["key"]] = experiment
    for spec in ADOPTION_PLANS:
        experiment = experiments.get(spec["experiment"])
        if experiment is None or AdoptionPlan.objects.filter(idea=experiment.idea).exists():
            continue
        _plan(spec, experiment, people, now, today)
        created += 1
    cases = {}
    for spec in CASES:
        workplace = workplaces[spec["workplace"]]
        idea = Idea.objects.filter(workplace=workplace, title=spec["idea"]).first()
        if idea is None:
            continue
        case = Case.objects.filter(idea=idea).first()
        if case is None:
            case = Case.objects.create(
                organisation_id=workplace.organisation_id,
                workplace=workplace,
                idea=idea,
                summary=spec["summary"],
                value_achieved=spec["value_achieved"],
                what_it_took=spec["what_it_took"],
                learnings=spec["learnings"],
                contact=people[spec["contact"]],
                published_by=_leader(workplace),
                published_at=now - datetime.timedelta(days=spec["published_days_ago"]),
            )
            created += 1
        cases[(spec["workplace"], spec["idea"])] = case
    for spec in CASE_TRIALS:
        case = cases.get((spec["case_workplace"], spec["idea"]))
        target = workplaces[spec["target_workplace"]]
        if case is None or CaseTrial.objects.filter(case=case, workplace=target).exists():
            continue
        _trial(spec, case, target, now)
        created += 1
    return created


def _leader(workplace):
    membership = workplace.memberships.filter(role="leader").select_related("user").first()
    return membership.user if membership else None


def _experiment(spec, workplace, idea, people, experiments, now, today):
    starts = today - datetime.timedelta(days=spec["start_days_ago"])
    ends = starts + datetime.timedelta(days=spec["duration_days"])
    state = ExperimentState(spec["state"])
    safety = spec.get("safety", {})
    leader = _leader(workplace)
    started_at = None
    if state != ExperimentState.PLANNED:
        started_at = timezone.make_aware(datetime.datetime.combine(starts, datetime.time(8, 30)))
    concluded_at = None
    if state == ExperimentState.CONCLUDED:
        concluded_at = min(timezone.make_aware(datetime.datetime.combine(ends, datetime.time(14))), now)
    answered = state != ExperimentState.PLANNED or spec.get("safety_answered", False)
    experiment = Experiment.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        idea=idea,
        follows=experiments.get(spec.get("follows")),
        hypothesis=spec["hypothesis"],
        starts_on=starts,
        ends_on=ends,
        hours=spec.get("hours", 0),
        budget_dkk=spec.get("budget_dkk", 0),
        equipment=spec.get("equipment", ""),
        stop_rule=spec["stop_rule"],
        state=state,
        personal_data=safety.get("personal_data") if answered else None,
        personal_data_which=safety.get("personal_data_which", ""),
        legal_basis=safety.get("legal_basis", ""),
        dpo_contact=safety.get("dpo_contact", "") or (DPO if safety.get("personal_data") else ""),
        vulnerable_citizens=safety.get("vulnerable_citizens") if answered else None,
        consent_how=safety.get("consent_how", ""),
        needs_it=safety.get("needs_it") if answered else None,
        it_what=safety.get("it_what", ""),
        safety_confirmed_by=leader if state != ExperimentState.PLANNED else None,
        safety_confirmed_at=(started_at - datetime.timedelta(days=2)) if started_at else None,
        decision=spec.get("decision") or "",
        learnings=spec.get("learnings") or "",
        started_at=started_at,
        concluded_at=concluded_at,
        # The demo's ended experiments have been asked for their evaluation already.
        evaluation_reminded_at=now
        if state in (ExperimentState.EVALUATING, ExperimentState.CONCLUDED)
        else None,
        created_by=leader,
        created_at=timezone.make_aware(datetime.datetime.combine(starts, datetime.time(9)))
        - datetime.timedelta(days=7),
    )
    experiment.participants.set([people[name] for name in spec.get("participants", []) if name in people])
    SuccessCriterion.objects.bulk_create(
        SuccessCriterion(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            experiment=experiment,
            position=position,
            axis=criterion["axis"],
            description=criterion["description"][:300],
            measure=criterion["measure"][:300],
            result=criterion.get("result") or "",
            evidence=criterion.get("evidence") or "",
        )
        for position, criterion in enumerate(spec["criteria"])
    )
    LogEntry.objects.bulk_create(
        LogEntry(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            experiment=experiment,
            author=people[name],
            entry_date=min(starts + datetime.timedelta(days=days), today),
            text=text,
        )
        for days, name, text in spec.get("log", [])
        if name in people
    )
    return experiment


def _plan(spec, experiment, people, now, today):
    workplace = experiment.workplace
    go_live = today - datetime.timedelta(days=spec["go_live_days_ago"])
    plan = AdoptionPlan.objects.create(
        organisation_id=workplace.organisation_id,
        workplace=workplace,
        idea=experiment.idea,
        experiment=experiment,
        affected=spec["affected"],
        training=spec.get("training", ""),
        communication=spec.get("communication", ""),
        go_live_on=go_live,
        responsible=people[spec["responsible"]],
        state=AdoptionState.LIVE,
        live_at=timezone.make_aware(datetime.datetime.combine(go_live, datetime.time(8))),
    )
    recorder = _leader(workplace)
    for checkpoint in spec.get("checkpoints", []):
        due = go_live + datetime.timedelta(days=checkpoint["days"])
        recorded = checkpoint.get("recorded")
        values = checkpoint.get("values", {})
        Checkpoint.objects.create(
            organisation_id=workplace.organisation_id,
            workplace=workplace,
            plan=plan,
            days=checkpoint["days"],
            due_on=due,
            users=checkpoint.get("users") if recorded else None,
            affected=checkpoint.get("affected") if recorded else None,
            value_citizens=values.get("citizens") if recorded else None,
            value_quality=values.get("quality") if recorded else None,
            value_routines=values.get("routines") if recorded else None,
            notes=checkpoint.get("notes", "") if recorded else "",
            adjusted=checkpoint.get("adjusted", "") if recorded else "",
            recorded_by=recorder if recorded else None,
            recorded_at=timezone.make_aware(datetime.datetime.combine(due, datetime.time(15)))
            if recorded
            else None,
            reminded_at=now if due <= today else None,
        )
    return plan


def _trial(spec, case, target, now):
    leader = _leader(target)
    source = case.idea
    status = IdeaStatus(spec["status"])
    when = now - datetime.timedelta(days=spec["days_ago"])
    idea = Idea.objects.create(
        organisation_id=target.organisation_id,
        workplace=target,
        author=leader,
        title=source.title,
        need=source.need,
        description=f"Taget op fra casen fra {case.workplace.name}: {case.summary}",
        **{f"value_{axis}": getattr(source, f"value_{axis}") for axis in ("citizens", "quality", "routines")},
        status=status,
        responsible=leader if status != IdeaStatus.NEW else None,
        created_at=when,
        last_activity_at=when,
        first_response_at=when if status != IdeaStatus.NEW else None,
    )
    tags = list(source.tags.all())
    idea.set_tags(tags)
    search.index(idea, [tag.name for tag in tags])
    IdeaEvent.objects.create(
        organisation_id=target.organisation_id,
        workplace=target,
        idea=idea,
        actor=leader,
        kind=EventKind.SUBMITTED,
        to_status=IdeaStatus.NEW,
        created_at=when,
    )
    if status != IdeaStatus.NEW:
        IdeaEvent.objects.create(
            organisation_id=target.organisation_id,
            workplace=target,
            idea=idea,
            actor=leader,
            kind=EventKind.MOVED,
            from_status=IdeaStatus.NEW,
            to_status=status,
            created_at=when + datetime.timedelta(days=3),
        )
    CaseTrial.objects.create(
        organisation_id=target.organisation_id,
        workplace=target,
        case=case,
        idea=idea,
        created_by=leader,
        created_at=when,
    )
    Case.objects.filter(pk=case.pk).update(trial_count=CaseTrial.objects.filter(case=case).count())
