"""The benchmark's municipality (benchmarks/municipality/) holds rows the product itself could have made:
authors and supporters are members of the idea's workplace, comments carry their stored HTML, the search
text is the one the product indexes; the survey's rounds ask whom the product's eligibility rule asks and
every answer belongs to its round's questions; ratings are members' own, with their history; experiments,
plans and cases follow their ideas; and the product's selectors and pages read it all. Built small here;
PostgreSQL only, as the generator is."""

import datetime

import pytest
from django.db import transaction
from django.db.models import Count, F
from django.urls import reverse
from django.utils import timezone

from benchmarks import municipality
from frontloeber.competences.catalogue import SUGGESTED
from frontloeber.competences.models import (
    LearningActivity,
    Signup,
    Skill,
    SkillLevelChange,
    SkillProfile,
    SkillRating,
)
from frontloeber.competences.selectors import (
    coverage_by_quarter,
    past_activities,
    team_map,
    upcoming_activities,
)
from frontloeber.core.markdown import render
from frontloeber.experiments import selectors as experiment_selectors
from frontloeber.experiments.models import AdoptionPlan, Case, Experiment, ExperimentState
from frontloeber.ideas import search
from frontloeber.ideas.models import Challenge, Comment, Idea, IdeaStatus, Support
from frontloeber.organisations.models import Membership, Role, Workplace
from frontloeber.reflection import eligibility
from frontloeber.reflection.models import (
    Answer,
    Item,
    PracticeComment,
    PracticeTotal,
    QuestionBankVersion,
    Response,
    Round,
    RoundInvitation,
    RoundState,
)
from frontloeber.reflection.selectors import organisation_rollup, round_report
from frontloeber.workshops.models import (
    CODE_ALPHABET,
    CODE_LENGTH,
    Participant,
    Post,
    SessionInvitation,
    SessionOutput,
    SessionState,
    WorkshopSession,
)
from frontloeber.workshops.selectors import workplace_sessions
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db]


@pytest.fixture(scope="module")
def small(django_db_setup, django_db_blocker):
    """A small municipality, built once for the module inside a transaction rolled back after its last test;
    each test runs in a savepoint of it."""
    sizes = {"WORKPLACES": 6, "IDEAS": 2000, "BUSY_IDEAS": 400, "DISCUSSION": 12}
    with pytest.MonkeyPatch.context() as patch, django_db_blocker.unblock(), transaction.atomic():
        for name, value in sizes.items():
            patch.setattr(municipality.sizes, name, value)
        organisation = OrganisationFactory()
        yield organisation, municipality.build(stdout=lambda *_: None)
        transaction.set_rollback(True)


def test_the_counts_are_what_was_asked(small):
    _, counts = small
    assert counts["workplaces"] == 6
    assert counts["people"] == counts["memberships"] == 6 * municipality.sizes.PEOPLE_PER_WORKPLACE
    assert counts["ideas"] == 2000 and counts["ideas in the busiest workplace"] == 400
    assert counts["supports"] == 2000 * municipality.sizes.SUPPORTS_PER_IDEA
    assert counts["comments"] == Comment.objects.count() > 2000 + 12


def test_every_row_is_one_the_product_could_have_made(small):
    organisation, _ = small
    busy = Workplace.objects.get(slug=municipality.sizes.BUSY_SLUG)
    assert Membership.objects.filter(workplace=busy, role="leader").count() == 1
    members = set(Membership.objects.values_list("workplace_id", "user_id"))
    assert {(i.workplace_id, i.author_id) for i in Idea.objects.all()} <= members
    assert set(Support.objects.values_list("workplace_id", "user_id")) <= members
    assert not Support.objects.filter(user_id=F("idea__author_id")).exists()
    for comment in Comment.objects.all()[:10]:
        assert comment.body_html == str(render(comment.body))
    for idea in Idea.objects.prefetch_related("tags")[:20]:
        assert idea.search_text == search.document(idea, [t.name for t in idea.tags.all()])
    discussed = Idea.objects.order_by("-comment_count").first()
    assert discussed.comment_count == discussed.comments.count() == 12 + 1 + (discussed.pk % 18 == 0)


def test_the_rare_word_is_found_in_one_idea_of_every_997(small):
    found = search.filter_matching(Idea.objects.all(), municipality.sizes.RARE_WORD)
    assert found.count() == len(range(0, 2000, 997))


def _members(role=None):
    members = Membership.objects.all() if role is None else Membership.objects.filter(role=role)
    return set(members.values_list("workplace_id", "user_id"))


def test_the_new_counts_are_what_was_asked(small):
    _, counts = small
    rounds = 6 * municipality.sizes.ROUNDS_PER_WORKPLACE
    assert counts["survey rounds"] == rounds
    assert counts["survey invitations"] == rounds * (municipality.sizes.PEOPLE_PER_WORKPLACE - 1)
    assert counts["survey responses"] == rounds * municipality.sizes.RESPONDENTS
    assert counts["survey answers"] == counts["survey responses"] * Item.objects.count()
    assert 0.4 < counts["survey answers on the scale"] / counts["survey answers"] < 0.6
    skills = Skill.objects.filter(workplace__isnull=True).count()
    assert skills == len(SUGGESTED)  # no catalogue yet: the suggested one, as catalogue_start gives it
    assert counts["skill ratings"] == 6 * (municipality.sizes.PEOPLE_PER_WORKPLACE - 1) * skills
    assert counts["skill ratings"] < counts["skill level changes"] < 2 * counts["skill ratings"]
    # In every fourth block of 24 ideas, the six being tried out (12–14) or adopted (15–17) have one.
    assert counts["experiments"] == sum(k // 24 % 4 == 0 and 12 <= k % 24 < 18 for k in range(2000))
    assert 0 < counts["cases"] < counts["adoption plans"] < counts["experiments"]
    # A Kerneopgave-kompasset workshop (one workplace in three) made one more challenge.
    assert SessionOutput.objects.filter(kind="challenge").count() == 2
    assert counts["challenges"] == 6 * 3 + 2
    assert counts["workshop sessions"] == counts["learning activities"] == 6 * 2
    assert counts["learning sign-ups"] == 6 * 2 * 6


def test_the_survey_is_one_the_product_could_have_made(small):
    organisation, _ = small
    busy = Workplace.objects.get(slug=municipality.sizes.BUSY_SLUG)
    employees, leaders = _members(Role.EMPLOYEE), _members(Role.LEADER)
    rounds = list(Round.objects.select_related("version", "workplace__organisation"))
    assert {(r.workplace_id, r.leader_id) for r in rounds} <= leaders
    invitations = RoundInvitation.objects.all()
    assert set(invitations.values_list("workplace_id", "user_id")) <= employees
    assert (
        not invitations.exclude(token_hash="").exists()
        and not Response.objects.exclude(locator=None).exists()
    )
    answered = dict(
        invitations.filter(answered=True).values("round").annotate(n=Count("pk")).values_list("round", "n")
    )
    responses = dict(Response.objects.values("round").annotate(n=Count("pk")).values_list("round", "n"))
    assert answered == responses == {r.pk: municipality.sizes.RESPONDENTS for r in rounds}
    for round_ in rounds:
        assert round_.state() == RoundState.CLOSED and round_.sealed_at.date() > round_.closes_on
        assert round_.invited_count == round_.invitations.count()
        # The product's own rule asks exactly the people who were invited.
        found = eligibility.survey_eligibility(
            workplace=round_.workplace,
            leader=round_.leader,
            at=round_.created_at,
            days=round_.eligibility_days,
        )
        assert sorted(found.asked) == sorted(round_.invitations.values_list("user_id", flat=True))
        assert not found.not_asked
    # Every response answers every statement of its round's version, once, on the scale or "don't know".
    items = {r.pk: set(Item.objects.filter(version=r.version).values_list("pk", flat=True)) for r in rounds}
    given = {}
    for response_id, round_id, item_id, value in Answer.objects.values_list(
        "response", "round", "item", "value"
    ):
        given.setdefault((response_id, round_id), []).append(item_id)
        assert value is None or 1 <= value <= 5
    assert all(sorted(ids) == sorted(items[round_id]) for (_, round_id), ids in given.items())
    assert not PracticeComment.objects.exclude(practice__version=F("round__version")).exists()
    assert QuestionBankVersion.objects.get().locked_at <= min(r.created_at for r in rounds)
    # The report and the organisation's roll-up read them.
    latest = Round.objects.filter(workplace=busy).order_by("-opens_on").first()
    report = round_report(round_=latest)
    assert report.shown and report.respondents == municipality.sizes.RESPONDENTS and report.has_leader
    assert [p.practice.code for p in report.practices] == ["P1", "P2", "P3", "P4", "P5"]
    assert len(report.earlier) == municipality.sizes.ROUNDS_PER_WORKPLACE - 1
    rollup = organisation_rollup(organisation=organisation)
    assert sum(row.shown for row in rollup["rows"]) == 6
    # The totals kept for each sealed round are its answers added up, as round_seal keeps them.
    kept = {(t.round_id, t.practice_id): (t.total, t.answers) for t in PracticeTotal.objects.all()}
    added = {}
    for round_id, practice_id, value in Answer.objects.exclude(value=None).values_list(
        "round", "item__practice", "value"
    ):
        total, n = added.get((round_id, practice_id), (0, 0))
        added[(round_id, practice_id)] = (total + value, n + 1)
    assert kept == added and len(kept) == 5 * len(rounds)


def test_the_skills_are_rated_as_the_product_would(small):
    busy = Workplace.objects.get(slug=municipality.sizes.BUSY_SLUG)
    contributors = {user for _, user in _members(Role.EMPLOYEE) | _members(Role.LEADER)}
    ratings = list(SkillRating.objects.values_list("user_id", "skill_id", "level", "updated_at"))
    assert {user for user, *_ in ratings} <= contributors
    assert all(0 <= level <= 3 for _, _, level, _ in ratings)
    history = {}
    for user, skill, level, at in SkillLevelChange.objects.order_by("changed_at").values_list(
        "user_id", "skill_id", "level", "changed_at"
    ):
        history.setdefault((user, skill), []).append((level, at))
    # Every rating's history ends in its level, changed when the rating was last saved.
    assert all(history[(user, skill)][-1] == (level, at) for user, skill, level, at in ratings)
    assert len(history) == len(ratings)
    assert SkillProfile.objects.count() == len({user for user, *_ in ratings})
    leader = Membership.objects.get(workplace=busy, role=Role.LEADER).user
    found = team_map(workplace=busy, viewer=leader, viewer_is_leader=True)
    assert found["members"] == municipality.sizes.PEOPLE_PER_WORKPLACE
    assert found["rated_members"] == municipality.sizes.PEOPLE_PER_WORKPLACE - 1
    assert coverage_by_quarter(workplace=busy, skills=found["skills"])


def test_experiments_cases_and_plans_follow_their_ideas(small):
    organisation, _ = small
    members = _members()
    experiments = list(Experiment.objects.select_related("idea"))
    assert all(e.workplace_id == e.idea.workplace_id for e in experiments)
    assert {e.idea.status for e in experiments} == {IdeaStatus.EXPERIMENTING, IdeaStatus.ADOPTED}
    for experiment in experiments:
        started = experiment.state != ExperimentState.PLANNED
        assert experiment.safety_answered == started == (experiment.started_at is not None)
        if started:
            assert experiment.safety_confirmed_at <= experiment.started_at
            assert experiment.created_at <= experiment.started_at
        assert experiment.criteria.count() == 2
        if experiment.state == ExperimentState.CONCLUDED:
            assert experiment.decision == "adopt" and not experiment.criteria.filter(result="").exists()
        if experiment.idea.status == IdeaStatus.ADOPTED:
            assert experiment.decision == "adopt" and experiment.idea.adoption_plan.state == "live"
    assert (
        set(Experiment.participants.through.objects.values_list("experiment__workplace", "user")) <= members
    )
    plans = AdoptionPlan.objects.select_related("experiment", "idea")
    assert all(p.experiment.idea_id == p.idea_id and p.experiment.decision == "adopt" for p in plans)
    assert set(plans.values_list("workplace_id", "responsible_id")) <= members
    for plan in plans.filter(state="live"):
        assert sorted(c.due_on for c in plan.checkpoints.all()) == [
            plan.go_live_on + datetime.timedelta(days=d)
            for d in (plan.first_checkpoint_days, plan.second_checkpoint_days)
        ]
    cases = Case.objects.select_related("idea")
    assert all(c.idea.status == IdeaStatus.ADOPTED and c.workplace_id == c.idea.workplace_id for c in cases)
    assert set(cases.values_list("workplace_id", "contact_id")) <= members
    # The product's lists and the skills map's needs read them.
    busy = Workplace.objects.get(slug=municipality.sizes.BUSY_SLUG)
    assert experiment_selectors.experiments(workplace=busy).count() == busy.experiments.count() > 0
    assert experiment_selectors.cases(organisation=organisation).count() == cases.count()
    assert experiment_selectors.skill_needs(workplace=busy)


def test_challenges_workshops_and_learning_are_the_workplaces_own(small):
    members = _members()
    leaders = _members(Role.LEADER)
    assert set(Challenge.objects.values_list("workplace_id", "created_by_id")) <= leaders
    sessions = WorkshopSession.objects.all()
    assert set(sessions.values_list("workplace_id", "facilitator_id")) <= leaders
    assert set(SessionInvitation.objects.values_list("workplace_id", "user_id")) <= members
    assert set(Participant.objects.values_list("workplace_id", "user_id")) <= members
    assert not Post.objects.exclude(author__session=F("session")).exists()
    codes = [s.join_code for s in sessions.filter(state=SessionState.ENDED)]
    assert len(set(codes)) == len(codes) and all(
        len(c) == CODE_LENGTH and set(c) <= set(CODE_ALPHABET) for c in codes
    )
    assert not sessions.filter(state=SessionState.PLANNED).exclude(join_code=None).exists()
    for output in SessionOutput.objects.select_related("challenge", "session", "post"):
        assert output.challenge.workplace_id == output.session.workplace_id == output.post.workplace_id
        assert output.challenge.opens_on == timezone.localdate(output.session.ended_at)
    activities = LearningActivity.objects.prefetch_related("skills")
    assert set(activities.values_list("workplace_id", "host_id")) <= members
    assert set(Signup.objects.values_list("workplace_id", "user_id")) <= members
    assert not Signup.objects.filter(user=F("activity__host")).exists()
    for activity in activities:
        (skill,) = activity.skills.all()
        assert activity.title.endswith(skill.name) and activity.created_at < activity.starts_at
    busy = Workplace.objects.get(slug=municipality.sizes.BUSY_SLUG)
    assert len(upcoming_activities(workplace=busy)) == len(past_activities(workplace=busy)) == 1
    assert len(workplace_sessions(workplace=busy)) == 2


def test_the_busiest_workplaces_pages_show_them(small, client):
    busy = Workplace.objects.get(slug=municipality.sizes.BUSY_SLUG)
    client.force_login(Membership.objects.get(workplace=busy, role=Role.LEADER).user)
    pages = [
        "experiments:experiment_list",
        "experiments:case_list",
        "competences:map",
        "competences:activity_list",
        "workshops:session_list",
        "reflection:home",
        "ideas:challenge_list",
    ]
    for page in pages:
        assert client.get(reverse(page, kwargs={"workplace_slug": busy.slug})).status_code == 200, page
    latest = Round.objects.filter(workplace=busy).order_by("-opens_on").first()
    response = client.get(latest.get_absolute_url())
    assert response.status_code == 200 and response.context["report"].shown
