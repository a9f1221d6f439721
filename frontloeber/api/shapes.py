"""Rows as the API shows them (``schemas``), for the endpoints, the feeds and the webhooks alike."""

from contextlib import contextmanager
from contextvars import ContextVar

from . import schemas

_checking = ContextVar("frontloeber_api_shapes_checking", default=False)


def _out(schema, /, **values):
    """``schema`` holding ``values``. A list's rows come from the database already as the schema's types,
    so they are not validated field by field again: ninja's validation of each row (through its
    ``DjangoGetter``) was most of the time a page of 100 experiments took (``make bench-pages``), and the
    JSON is the same. Within ``checking()`` (a webhook's subject, an idea just written: what a service has
    just set may be an enum or a string) every field is validated as before."""
    if _checking.get():
        return schema(**values)
    return schema.model_construct(**values)


@contextmanager
def checking():
    """Shapes made within are validated field by field."""
    token = _checking.set(True)
    try:
        yield
    finally:
        _checking.reset(token)


def workplace_shape(workplace) -> schemas.WorkplaceOut:
    return _out(
        schemas.WorkplaceOut,
        id=workplace.pk,
        name=workplace.name,
        sector=workplace.sector,
        core_task=workplace.core_task,
        created_at=workplace.created_at,
        updated_at=workplace.updated_at,
    )


def idea_shape(idea, *, with_text: bool) -> schemas.IdeaOut:
    return _out(
        schemas.IdeaOut,
        id=idea.pk,
        workplace_id=idea.workplace_id,
        challenge_id=idea.challenge_id,
        title=idea.title if with_text else None,
        status=idea.status,
        values=_out(
            schemas.Values,
            citizens=idea.value_citizens,
            quality=idea.value_quality,
            routines=idea.value_routines,
        ),
        ready_to_test=idea.ready_to_test,
        support_count=idea.support_count,
        comment_count=idea.comment_count,
        author=schemas.pseudonym(idea.organisation_id, idea.author_id),
        created_at=idea.created_at,
        first_response_at=idea.first_response_at,
        updated_at=idea.updated_at,
    )


# The shape of each kind of subject an event may be about, as an organisation token reads it: a webhook goes
# to a system of the organisation, not to a person. Higher apps' subjects are added as they get shapes.
_EVENT_SHAPES = {
    "ideas.idea": lambda idea: idea_shape(idea, with_text=False),
    "organisations.workplace": workplace_shape,
}


def event_shape(subject) -> dict:
    """``subject`` (a row an event is about) as the API shows it to an organisation token, as JSON-ready
    data."""
    with checking():
        shape = _EVENT_SHAPES[subject._meta.label_lower](subject)
    return shape.model_dump(mode="json")


def register_event_shape(label, shape):
    _EVENT_SHAPES[label] = shape


# --- Experiments, adoption plans, checkpoints, cases and take-ups ---------------------------------------


def _text(value, with_text):
    return value if with_text else None


def experiment_shape(experiment, *, with_text: bool) -> schemas.ExperimentOut:
    org = experiment.organisation_id
    return _out(
        schemas.ExperimentOut,
        id=experiment.pk,
        workplace_id=experiment.workplace_id,
        idea_id=experiment.idea_id,
        follows_id=experiment.follows_id,
        state=experiment.state,
        decision=experiment.decision,
        starts_on=experiment.starts_on,
        ends_on=experiment.ends_on,
        hours=experiment.hours,
        budget_dkk=experiment.budget_dkk,
        criteria=[
            _out(
                schemas.CriterionOut,
                axis=criterion.axis,
                result=criterion.result,
                description=_text(criterion.description, with_text),
                measure=_text(criterion.measure, with_text),
                evidence=_text(criterion.evidence, with_text),
            )
            for criterion in experiment.criteria.all()
        ],
        safety=_out(
            schemas.SafetyOut,
            personal_data=experiment.personal_data,
            vulnerable_citizens=experiment.vulnerable_citizens,
            needs_it=experiment.needs_it,
            confirmed_at=experiment.safety_confirmed_at,
            personal_data_which=_text(experiment.personal_data_which, with_text),
            legal_basis=_text(experiment.legal_basis, with_text),
            data_protection_contact=_text(experiment.dpo_contact, with_text),
            consent_how=_text(experiment.consent_how, with_text),
            it_what=_text(experiment.it_what, with_text),
        ),
        hypothesis=_text(experiment.hypothesis, with_text),
        equipment=_text(experiment.equipment, with_text),
        stop_rule=_text(experiment.stop_rule, with_text),
        learnings=_text(experiment.learnings, with_text),
        created_by=schemas.pseudonym(org, experiment.created_by_id),
        created_at=experiment.created_at,
        started_at=experiment.started_at,
        concluded_at=experiment.concluded_at,
        updated_at=experiment.updated_at,
    )


def adoption_plan_shape(plan, *, with_text: bool) -> schemas.AdoptionPlanOut:
    return _out(
        schemas.AdoptionPlanOut,
        id=plan.pk,
        workplace_id=plan.workplace_id,
        idea_id=plan.idea_id,
        experiment_id=plan.experiment_id,
        state=plan.state,
        go_live_on=plan.go_live_on,
        live_at=plan.live_at,
        first_checkpoint_days=plan.first_checkpoint_days,
        second_checkpoint_days=plan.second_checkpoint_days,
        responsible=schemas.pseudonym(plan.organisation_id, plan.responsible_id),
        affected=_text(plan.affected, with_text),
        training=_text(plan.training, with_text),
        communication=_text(plan.communication, with_text),
        created_at=plan.created_at,
        updated_at=plan.updated_at,
    )


def checkpoint_shape(checkpoint, *, with_text: bool) -> schemas.CheckpointOut:
    return _out(
        schemas.CheckpointOut,
        id=checkpoint.pk,
        workplace_id=checkpoint.workplace_id,
        plan_id=checkpoint.plan_id,
        days=checkpoint.days,
        due_on=checkpoint.due_on,
        done=checkpoint.recorded_at is not None,
        users=checkpoint.users,
        affected=checkpoint.affected,
        values=_out(
            schemas.Values,
            citizens=checkpoint.value_citizens,
            quality=checkpoint.value_quality,
            routines=checkpoint.value_routines,
        ),
        recorded_at=checkpoint.recorded_at,
        recorded_by=schemas.pseudonym(checkpoint.organisation_id, checkpoint.recorded_by_id),
        notes=_text(checkpoint.notes, with_text),
        adjusted=_text(checkpoint.adjusted, with_text),
        updated_at=checkpoint.updated_at,
    )


def case_shape(case, *, with_text: bool) -> schemas.CaseOut:
    org = case.organisation_id
    return _out(
        schemas.CaseOut,
        id=case.pk,
        workplace_id=case.workplace_id,
        idea_id=case.idea_id,
        published_at=case.published_at,
        take_up_count=case.trial_count,
        contact=schemas.pseudonym(org, case.contact_id),
        published_by=schemas.pseudonym(org, case.published_by_id),
        title=case.idea.title if with_text else None,
        summary=_text(case.summary, with_text),
        value_achieved=_text(case.value_achieved, with_text),
        what_it_took=_text(case.what_it_took, with_text),
        learnings=_text(case.learnings, with_text),
        # The list pages on the later of the case's and its idea's change (its title is the idea's).
        updated_at=getattr(case, "changed_at", case.updated_at),
    )


def case_take_up_shape(trial) -> schemas.CaseTakeUpOut:
    return _out(
        schemas.CaseTakeUpOut,
        id=trial.pk,
        workplace_id=trial.workplace_id,
        case_id=trial.case_id,
        idea_id=trial.idea_id,
        idea_status=trial.idea.status,
        created_at=trial.created_at,
        updated_at=getattr(trial, "changed_at", trial.updated_at),
    )


def barrier_shape(barrier) -> schemas.BarrierOut:
    return _out(
        schemas.BarrierOut,
        id=barrier.pk,
        workplace_id=barrier.workplace_id,
        kind=barrier.kind,
        status=barrier.status,
        escalation=barrier.escalation,
        raised_kind=barrier.raised_kind,
        raised_at=barrier.raised_at,
        answer_due_on=barrier.answer_due_on,
        answered_at=barrier.answered_at,
        created_at=barrier.created_at,
        updated_at=barrier.updated_at,
    )


# --- Workshop sessions and their outputs ----------------------------------------------------------------

_ABOUT = ("challenge", "idea", "experiment", "adoption_plan")


def workshop_session_shape(session, *, with_text: bool) -> schemas.WorkshopSessionOut:
    about = next((kind for kind in _ABOUT if getattr(session, f"{kind}_id")), None)
    return _out(
        schemas.WorkshopSessionOut,
        id=session.pk,
        workplace_id=session.workplace_id,
        format=session.format.slug,
        practice=session.format.practice,
        state=session.state,
        starts_at=session.starts_at,
        started_at=session.started_at,
        ended_at=session.ended_at,
        about=about,
        about_id=getattr(session, f"{about}_id") if about else None,
        facilitator=schemas.pseudonym(session.organisation_id, session.facilitator_id),
        participant_count=session.participant_count,
        post_count=session.post_count,
        output_count=session.output_count,
        place=_text(session.place, with_text),
        created_at=session.created_at,
        updated_at=session.updated_at,
    )


def workshop_output_shape(output, *, with_text: bool) -> schemas.WorkshopOutputOut:
    return _out(
        schemas.WorkshopOutputOut,
        id=output.pk,
        workplace_id=output.workplace_id,
        session_id=output.session_id,
        kind=output.kind,
        record_id=getattr(output, f"{output.kind}_id", None),
        post_id=output.post_id,
        post_text=output.post.text if with_text and output.post_id else None,
        created_by=schemas.pseudonym(output.organisation_id, output.created_by_id),
        created_at=output.created_at,
        updated_at=output.updated_at,
    )


register_event_shape("experiments.experiment", lambda row: experiment_shape(row, with_text=False))
register_event_shape("experiments.adoptionplan", lambda row: adoption_plan_shape(row, with_text=False))
register_event_shape("experiments.case", lambda row: case_shape(row, with_text=False))
register_event_shape("actions.barrier", barrier_shape)
