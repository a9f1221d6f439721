"""Factories shared by every app's tests."""

import uuid
from datetime import timedelta

import factory
from django.utils import timezone

from frontloeber.accounts.models import User
from frontloeber.organisations.models import (
    Invitation,
    Membership,
    Organisation,
    OrganisationAdmin,
    Role,
    Sector,
    Workplace,
)

PASSWORD = "correct-horse-battery"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.dk")
    full_name = factory.Faker("name", locale="da_DK")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Kommune {n}")
    slug = factory.Sequence(lambda n: f"kommune-{n}")


class WorkplaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workplace

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Arbejdsplads {n}")
    slug = factory.Sequence(lambda n: f"arbejdsplads-{n}")
    sector = Sector.DAYCARE
    core_task = "Vi giver børn en tryg hverdag med leg og læring."


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    workplace = factory.SubFactory(WorkplaceFactory)
    organisation = factory.LazyAttribute(lambda m: m.workplace.organisation)
    user = factory.SubFactory(UserFactory)
    role = Role.EMPLOYEE


class OrganisationAdminFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OrganisationAdmin

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    workplace = factory.SubFactory(WorkplaceFactory)
    organisation = factory.LazyAttribute(lambda i: i.workplace.organisation)
    email = factory.Sequence(lambda n: f"invitee{n}@example.dk")
    role = Role.EMPLOYEE
    created_at = factory.LazyFunction(timezone.now)
    expires_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))


def member(workplace, role=Role.EMPLOYEE, **user_kwargs):
    """A new person with the given role in the workplace; returns the membership."""
    return MembershipFactory(workplace=workplace, role=role, user=UserFactory(**user_kwargs))


# --- Ideas: made through the services, so the search index, history and follows are as in real use ----------


def png_bytes(size=(8, 8), color=(200, 30, 30)):
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", size, color).save(out, format="PNG")
    return out.getvalue()


def png_upload(name="billede.png", **kwargs):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, png_bytes(**kwargs), content_type="image/png")


def make_challenge(
    workplace, *, leader=None, title="Hvordan kan vi give forældrene et bedre indblik?", **kwargs
):
    from frontloeber.ideas import services

    today = timezone.localdate()
    leader = leader or member(workplace, Role.LEADER).user
    return services.challenge_create(
        actor=leader,
        workplace=workplace,
        title=title,
        description=kwargs.pop("description", ""),
        opens_on=kwargs.pop("opens_on", today - timedelta(days=1)),
        closes_on=kwargs.pop("closes_on", today + timedelta(days=30)),
    )


def idea_form_data(**overrides):
    """What a person types into the idea form (its field names), with ``overrides``."""
    data = {
        "title": "Tablet med billeder til forældrene",
        "need": "Forældrene vil gerne se, hvad børnene har lavet i dag.",
        "description": "Vi tager billeder på en tablet og viser dem ved afhentning.",
        "value_citizens": "2",
        "value_citizens_why": "Forældrene ser dagen",
        "value_quality": "1",
        "value_quality_why": "",
        "value_routines": "0",
        "value_routines_why": "",
        "concerns": "",
        "tags": "tablet, app",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def make_idea(workplace, *, author=None, title="Tablet til billeder af børnenes dag", **kwargs):
    from frontloeber.ideas import services

    author = author or member(workplace, Role.EMPLOYEE).user
    return services.idea_create(
        actor=author,
        workplace=workplace,
        title=title,
        need=kwargs.pop("need", "Forældrene spørger, hvad børnene har lavet i dag."),
        description=kwargs.pop("description", "Vi tager billeder på en tablet og deler dem med forældrene."),
        values=kwargs.pop(
            "values", {"citizens": (2, "Forældrene ser dagen"), "quality": (1, ""), "routines": (0, "")}
        ),
        tag_names=kwargs.pop("tag_names", ["tablet"]),
        **kwargs,
    )


# --- Experiments, adoption and cases: made through the services -------------------------------------------

CRITERIA = [
    {"axis": "citizens", "description": "Forældrene ser dagen", "measure": "Spørgeskema til forældre"}
]


def make_experiment(idea, *, actor, participants=(), **kwargs):
    from frontloeber.experiments import services

    today = timezone.localdate()
    return services.experiment_create(
        actor=actor,
        idea=idea,
        hypothesis=kwargs.pop("hypothesis", "Vi tror, at billeder på tablet vil føre til mere tryghed."),
        starts_on=kwargs.pop("starts_on", today),
        ends_on=kwargs.pop("ends_on", today + timedelta(days=28)),
        stop_rule=kwargs.pop("stop_rule", "Vi stopper, hvis det tager tid fra børnene."),
        criteria=kwargs.pop("criteria", CRITERIA),
        participants=participants,
        **kwargs,
    )


def run_experiment(experiment, *, leader):
    """Answer and confirm the safety check, and start the experiment."""
    from frontloeber.experiments import services

    services.experiment_safety_update(
        actor=leader, experiment=experiment, personal_data=False, vulnerable_citizens=False, needs_it=False
    )
    services.experiment_safety_confirm(actor=leader, experiment=experiment)
    return services.experiment_start(actor=leader, experiment=experiment)


def conclude_experiment(experiment, *, leader, decision="adopt", learnings="Det virkede for de fleste."):
    from frontloeber.experiments import services

    results = {c.pk: ("met", "Svarene viser det") for c in experiment.criteria.all()}
    return services.experiment_conclude(
        actor=leader, experiment=experiment, results=results, decision=decision, learnings=learnings
    )


def adopt_idea(idea, *, leader):
    """Take an idea through an experiment that says "adopt" and a plan that goes live. Returns the plan."""
    from frontloeber.experiments import services

    experiment = make_experiment(idea, actor=leader)
    run_experiment(experiment, leader=leader)
    conclude_experiment(experiment, leader=leader)
    plan = services.adoption_plan_create(
        actor=leader,
        idea=idea,
        affected="Pædagogerne på stuerne",
        training="En legestue",
        communication="Forældremøde",
        go_live_on=timezone.localdate(),
        responsible=leader,
        first_checkpoint_days=30,
        second_checkpoint_days=90,
    )
    plan = services.adoption_plan_go_live(actor=leader, plan=plan)
    idea.refresh_from_db()
    return plan


def publish_case(idea, *, leader, **kwargs):
    from frontloeber.experiments import services

    return services.case_publish(
        actor=leader,
        idea=idea,
        summary=kwargs.pop("summary", "Billeder af dagen til forældrene på en tablet."),
        value_achieved=kwargs.pop("value_achieved", "Forældrene spørger mindre og ved mere."),
        what_it_took=kwargs.pop("what_it_took", "To tablets og en legestue."),
        learnings=kwargs.pop("learnings", "Start med én stue."),
        contact=kwargs.pop("contact", leader),
    )


def open_round(workplace, *, leader, days=14):
    from frontloeber.reflection import services as reflection_services

    today = timezone.localdate()
    return reflection_services.round_open(
        actor=leader, workplace=workplace, opens_on=today, closes_on=today + timedelta(days=days)
    )


def close_round(round_):
    """Close an open round before its last day, as an organisation admin approving it (the round's leader may
    close early only once everyone asked has answered). Returns the closed round."""
    from frontloeber.reflection import services as reflection_services

    approver = OrganisationAdminFactory(organisation=round_.workplace.organisation).user
    return reflection_services.round_close(actor=approver, round_=round_)


def survey_answers(round_, value=4, **by_code):
    """An answer to every statement of the round's version: ``value``, or per item code (``by_code``,
    with dots as underscores: ``_1_1=2``); None is "don't know"."""
    return {
        item.pk: by_code.get("_" + item.code.replace(".", "_"), value) for item in round_.version.items.all()
    }


def answer_round(round_, user, value=4, comments=None, **by_code):
    """``user`` answers the round through a personal link; returns the link's secret."""
    from frontloeber.reflection import services as reflection_services

    secret = reflection_services.answer_link_issue(user=user, round_=round_)
    reflection_services.response_submit(
        user=user,
        workplace=round_.workplace,
        secret=secret,
        answers=survey_answers(round_, value, **by_code),
        comments=comments,
    )
    return secret


def restore_content():
    """Transactional tests end by emptying every table, also the product content that data migrations
    loaded (the survey's question bank, the workshop library); load it again. Each loader skips what is
    there, so this does nothing when nothing was emptied."""
    import importlib

    from django.apps import apps

    for loader in (
        "frontloeber.reflection.migrations.0002_question_bank_v1",
        "frontloeber.workshops.migrations.0002_library_v1",
    ):
        importlib.import_module(loader).load(apps, None)


def plan_session(workplace, *, leader, slug="idevinduet", facilitator=None, **kwargs):
    """A planned workshop session of the format ``slug``, starting in an hour."""
    import datetime

    from django.utils import timezone

    from frontloeber.workshops import services as workshop_services
    from frontloeber.workshops.models import WorkshopFormat

    return workshop_services.session_plan(
        actor=leader,
        workplace=workplace,
        format=WorkshopFormat.objects.get(slug=slug),
        starts_at=timezone.now() + datetime.timedelta(hours=1),
        facilitator=facilitator or leader,
        **kwargs,
    )


def live_session(workplace, *, leader, slug="idevinduet", **kwargs):
    """A session started by its leader: it has a join code and is on its first step."""
    from frontloeber.workshops import services as workshop_services

    session = plan_session(workplace, leader=leader, slug=slug, **kwargs)
    return workshop_services.session_start(actor=leader, session=session)
