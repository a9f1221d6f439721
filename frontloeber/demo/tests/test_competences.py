"""The demo's digital skills: ratings over five quarters, helpers, gaps and learning activities."""

import datetime
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from frontloeber.competences import permissions, selectors
from frontloeber.competences.catalogue import SUGGESTED
from frontloeber.competences.models import (
    ActivityKind,
    LearningActivity,
    Level,
    Signup,
    Skill,
    SkillLevelChange,
    SkillProfile,
    SkillRating,
)
from frontloeber.demo import competences as demo
from frontloeber.experiments.models import AdoptionPlan, Experiment
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Membership, Role, Workplace

# The demo is seeded once for the module (conftest.py); each test reads it in a savepoint of its own.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo")]

OWN_SKILLS = {
    "boernehuset-solsikken": {"Forældreappen (Aula)", "Billeder og film af børnenes dag"},
    "praehospitalt-center": {
        "Den præhospitale patientjournal (PPJ)",
        "Telemedicin: EKG sendt til hospitalet",
    },
    "lys-og-signal": {"Trafikstyringssystemet", "Droner til inspektion"},
    "autismecenter-kastanjehuset": {"Visuel struktur på tablet (piktogrammer)", "Kommunikationsapps (ASK)"},
    "borgerservice": {"Hjælp til MitID og Digital Post", "Selvbetjeningsløsninger på borger.dk"},
}

MODELS = [
    Skill,
    SkillProfile,
    SkillRating,
    SkillLevelChange,
    LearningActivity,
    LearningActivity.skills.through,
    Signup,
    Experiment.skills.through,
    AdoptionPlan.skills.through,
    Notification,
]


def _seed():
    out = StringIO()
    call_command("seed_demo", "--quiet-logins", stdout=out)
    return out.getvalue()


def _counts():
    return {model._meta.label: model.objects.count() for model in MODELS}


def _team(workplace, role=None):
    roles = [role] if role else [Role.EMPLOYEE, Role.LEADER]
    return [
        m.user for m in Membership.objects.filter(workplace=workplace, role__in=roles).select_related("user")
    ]


def _map(workplace):
    leader = _team(workplace, Role.LEADER)[0]
    return selectors.team_map(workplace=workplace, viewer=leader, viewer_is_leader=True)


def _rows(team_map):
    return [row for _area, rows in team_map["areas"] for row in rows]


def test_every_employee_and_leader_rated_and_the_team_grew_over_the_quarters():
    now = timezone.now()
    first_quarter = timezone.make_aware(
        datetime.datetime.combine(demo._quarter_start(timezone.localdate(now), 5), datetime.time.min)
    )
    catalogue = Skill.objects.filter(workplace__isnull=True)
    assert set(catalogue.values_list("name", flat=True)) == {name for _a, name, *_rest in SUGGESTED}
    assert Skill.objects.filter(created_at__gt=now).count() == 0

    for workplace in Workplace.objects.all():
        own = Skill.objects.filter(workplace=workplace)
        assert set(own.values_list("name", flat=True)) == OWN_SKILLS[workplace.slug]
        assert all(skill.created_by and skill.created_at < now for skill in own)
        skills = list(selectors.workplace_skills(workplace=workplace))
        team = _team(workplace)

        # Every employee and leader has rated every skill; the observer nothing.
        for person in team:
            rated = SkillRating.objects.filter(user=person, skill__in=skills)
            assert rated.count() == len(skills), person.full_name
            # Two or three times, at different moments over the last fifteen months or so.
            moments = set(SkillLevelChange.objects.filter(user=person).values_list("changed_at", flat=True))
            assert len(moments) >= 2, person.full_name
            assert all(first_quarter <= at < now for at in moments)
        for observer in _team(workplace, Role.OBSERVER):
            assert not SkillRating.objects.filter(user=observer).exists()

        # A couple keep their ratings from colleagues; someone does not want to be asked for help.
        profiles = SkillProfile.objects.filter(user__in=team)
        assert profiles.count() == len(team)
        assert profiles.filter(visible_to_team=False).count() >= 2
        assert profiles.filter(willing_to_help=False).exists()

        # At least two helpers, for different skills.
        helpers = {(user.pk, row["skill"].pk) for row in _rows(_map(workplace)) for user in row["helpers"]}
        assert len({user for user, _skill in helpers}) >= 2, workplace.slug
        assert len({skill for _user, skill in helpers}) >= 2, workplace.slug
        for user_id, skill_id in helpers:
            assert SkillRating.objects.get(user_id=user_id, skill_id=skill_id).level == Level.TEACHES

        # Levels mostly rose, and the quarters show it.
        history = defaultdict(list)
        for user_id, skill_id, level in (
            SkillLevelChange.objects.filter(user__in=team)
            .order_by("changed_at", "pk")
            .values_list("user_id", "skill_id", "level")
        ):
            history[(user_id, skill_id)].append(level)
        steps = [b - a for levels in history.values() for a, b in zip(levels, levels[1:], strict=False)]
        assert sum(1 for step in steps if step > 0) > 10 * sum(1 for step in steps if step < 0)
        quarters = selectors.coverage_by_quarter(workplace=workplace)
        assert len(quarters) >= 5, workplace.slug
        first, last = quarters[0], quarters[-1]
        assert last["covered"] > first["covered"] and last["mean"] > first["mean"], workplace.slug
        assert last["ratings"] == len(team) * len(skills)
        assert len({(q["covered"], q["mean"], q["ratings"]) for q in quarters}) >= 3, workplace.slug


def test_gaps_and_learning_activities_past_and_planned():
    now = timezone.now()
    with_gaps = set()
    for workplace in Workplace.objects.all():
        rows = _rows(_map(workplace))
        # What the running work needs: a gap where fewer than two use it confidently, else not.
        for row in rows:
            if row["needed_by"]:
                assert row["gap"] == (row["confident"] < selectors.ENOUGH_CONFIDENT)
        if any(row["gap"] for row in rows):
            with_gaps.add(workplace.slug)
        assert any(row["needed_by"] and not row["gap"] for row in rows), workplace.slug

        activities = list(LearningActivity.objects.filter(workplace=workplace).prefetch_related("skills"))
        past = [a for a in activities if a.starts_at < now]
        coming = [a for a in activities if a.starts_at > now]
        assert past and coming, workplace.slug
        for activity in activities:
            assert activity.cancelled_at is None
            assert activity.created_at < activity.starts_at and activity.created_at < now
            skills = list(activity.skills.all())
            planner = activity.created_by
            assert Membership.objects.get(workplace=workplace, user=planner).role == Role.LEADER or (
                permissions.can_plan_activity(
                    membership=Membership.objects.get(workplace=workplace, user=planner), skills=skills
                )
            ), activity.title
            signups = list(activity.signups.all())
            assert signups, activity.title
            assert activity.seats is None or len(signups) <= activity.seats
            for signup in signups:
                assert activity.created_at < signup.signed_up_at < min(activity.starts_at, now)
        for activity in past:
            signups = list(activity.signups.all())
            skills = list(activity.skills.all())
            assert all(signup.attended is not None for signup in signups), activity.title
            assert any(signup.attended for signup in signups)
            assert any(signup.rating and signup.feedback for signup in signups if signup.attended)
            assert not any(signup.rating for signup in signups if not signup.attended)
            if activity.starts_at < now - datetime.timedelta(days=demo.RECENT_DAYS):
                # Those who came have looked at their ratings since.
                for signup in signups:
                    if signup.attended:
                        asked = selectors.to_update_after_learning(user=signup.user, workplace=workplace)
                        assert not set(asked) & set(skills), (activity.title, signup.user.full_name)
        for activity in coming:
            assert all(signup.attended is None for signup in activity.signups.all())
        assert any(activity.seats for activity in coming) or any(activity.seats for activity in past)
    assert len(with_gaps) >= 2

    kinds = set(LearningActivity.objects.values_list("kind", flat=True))
    assert {ActivityKind.PLAYGROUND, ActivityKind.PEER} <= kinds
    peer = LearningActivity.objects.filter(kind=ActivityKind.PEER).exclude(
        host__in=Membership.objects.filter(role=Role.LEADER).values("user")
    )
    assert any(
        permissions.can_plan_activity(
            membership=Membership.objects.get(workplace=a.workplace, user=a.host), skills=list(a.skills.all())
        )
        for a in peer
    )
    # The latest tech playground's participants are still asked to look at their ratings again.
    recent = LearningActivity.objects.filter(
        starts_at__lt=now, starts_at__gte=now - datetime.timedelta(days=demo.RECENT_DAYS)
    ).first()
    assert recent is not None
    came = [s.user for s in recent.signups.filter(attended=True)]
    assert came and all(selectors.to_update_after_learning(user=u, workplace=recent.workplace) for u in came)
    assert Notification.objects.filter(
        kind="learning_attended", detail=recent.title, read_at__isnull=True
    ).exists()
    assert not Notification.objects.filter(created_at__gt=now).exists()
    assert not Notification.objects.filter(read_at__gt=now).exists()


def test_a_second_run_changes_nothing():
    before = _counts()
    assert before["competences.LearningActivity"] >= 10
    output = _seed()
    assert _counts() == before
    assert "already in place" in output
    workplaces = {w.slug: w for w in Workplace.objects.all()}
    people = {m.user.full_name: m.user for m in Membership.objects.select_related("user")}
    assert demo.seed(workplaces=workplaces, people=people) == 0
    assert _counts() == before
