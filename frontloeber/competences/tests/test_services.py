"""The skills services (issue 7): the catalogue, rating one's own skills, learning activities."""

import datetime
from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from frontloeber.competences import selectors, services
from frontloeber.competences.models import LearningActivity, Signup, Skill, SkillLevelChange, SkillRating
from frontloeber.notifications.models import Notification
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, member

from .conftest import rate

pytestmark = pytest.mark.django_db


def test_the_suggested_catalogue_starts_once_in_both_languages(workplace, leader):
    with translation.override("en"):
        installed = services.catalogue_start(actor=leader, workplace=workplace)
    assert len(installed) == 12
    video = next(s for s in installed if s.name == "Videomøder")
    assert video.name_en == "Video meetings" and video.description and video.description_en
    with translation.override("en"):
        assert (video.shown_name, video.shown_description) == (video.name_en, video.description_en)
    with translation.override("da"):
        assert (video.shown_name, video.shown_description) == ("Videomøder", video.description)
    with pytest.raises(ValidationError):
        services.catalogue_start(actor=leader, workplace=workplace)
    assert Skill.objects.count() == 12
    # A skill a leader adds is in the language it was written in, whoever reads it.
    own = services.skill_add(actor=leader, workplace=workplace, area="devices", name="Aula")
    with translation.override("en"):
        assert own.shown_name == "Aula"


def test_the_migration_gives_a_catalogue_installed_in_one_language_both(workplace, leader):
    """competences 0002: a catalogue installed in English before skills had two languages."""
    installed = services.catalogue_start(actor=leader, workplace=workplace)
    english = installed[0]
    Skill.objects.filter(pk=english.pk).update(
        name=english.name_en, description=english.description_en, name_en="", description_en=""
    )
    renamed = installed[1]
    Skill.objects.filter(pk=renamed.pk).update(name="Vores egne apps", name_en="")
    import_module("frontloeber.competences.migrations.0002_skills_in_english").both_languages(apps, None)
    english.refresh_from_db()
    renamed.refresh_from_db()
    assert (english.name, english.name_en) == (installed[0].name, installed[0].name_en)
    assert english.description == installed[0].description
    assert (renamed.name, renamed.name_en) == ("Vores egne apps", "")


def test_only_a_leader_starts_the_catalogue_or_adds_skills(workplace, team, skills):
    with pytest.raises(PermissionDenied):
        services.catalogue_start(actor=team[0], workplace=workplace)
    with pytest.raises(PermissionDenied):
        services.skill_add(actor=team[0], workplace=workplace, area="devices", name="Aula")


def test_a_workplace_skill_is_seen_only_there(workplace, leader, skills):
    sister = WorkplaceFactory(organisation=workplace.organisation)
    aula = services.skill_add(actor=leader, workplace=workplace, area="devices", name="Forældreappen (Aula)")
    assert aula in selectors.workplace_skills(workplace=workplace)
    assert aula not in selectors.workplace_skills(workplace=sister)
    assert len(selectors.workplace_skills(workplace=sister)) == 12


@pytest.mark.parametrize(
    "area, name, field",
    [
        ("nowhere", "Aula", "area"),
        ("devices", "  ", "name"),
        ("devices", "videomøder", "name"),
        ("data", "x" * 101, "name"),
    ],
)
def test_a_bad_skill_is_refused(workplace, leader, skills, area, name, field):
    with pytest.raises(ValidationError) as refused:
        services.skill_add(actor=leader, workplace=workplace, area=area, name=name)
    assert field in refused.value.error_dict
    assert Skill.objects.count() == 12


def test_retiring_keeps_the_ratings_and_adding_it_again_brings_it_back(workplace, leader, team, skills):
    aula = services.skill_add(actor=leader, workplace=workplace, area="devices", name="Aula")
    rate(team[0], workplace, {aula: 2})
    with pytest.raises(PermissionDenied):  # the organisation's catalogue is its admins'
        services.skill_retire(actor=leader, workplace=workplace, skill=skills[0])
    services.skill_retire(actor=leader, workplace=workplace, skill=aula)
    assert aula not in selectors.workplace_skills(workplace=workplace)
    assert SkillRating.objects.filter(skill=aula).exists()
    again = services.skill_add(actor=leader, workplace=workplace, area="devices", name="Aula")
    assert again.pk == aula.pk and again.retired_at is None


def test_a_person_rates_their_own_skills_and_each_change_of_level_is_logged(workplace, team, skills):
    video, ai = skills[4], skills[9]
    assert rate(team[0], workplace, {video: 1, ai: (0, True)}) == 2
    assert rate(team[0], workplace, {video: 2, ai: (0, True)}) == 1  # only the level that changed
    rating = SkillRating.objects.get(user=team[0], skill=ai)
    assert (rating.level, rating.wants_to_learn) == (0, True)
    assert list(SkillLevelChange.objects.filter(skill=video).values_list("level", flat=True)) == [1, 2]


@pytest.mark.parametrize("level", [4, -1, "2", 2.5])
def test_a_level_off_the_scale_is_refused_and_nothing_is_saved(workplace, team, skills, level):
    with pytest.raises(ValidationError):
        services.skills_rate(
            actor=team[0],
            user=team[0],
            workplace=workplace,
            ratings={skills[0].pk: (1, False), skills[1].pk: (level, False)},
            visible_to_team=True,
            willing_to_help=True,
        )
    assert not SkillRating.objects.exists() and not SkillLevelChange.objects.exists()


def test_nobody_rates_on_behalf_of_someone_else_not_even_a_leader(workplace, leader, team, skills):
    for actor in (leader, team[1]):
        with pytest.raises(PermissionDenied):
            services.skills_rate(
                actor=actor,
                user=team[0],
                workplace=workplace,
                ratings={skills[0].pk: (3, False)},
                visible_to_team=True,
                willing_to_help=True,
            )
    assert not SkillRating.objects.exists()


def test_an_observer_or_another_workplaces_skill_is_refused(workplace, team, skills, leader):
    observer = member(workplace, Role.OBSERVER).user
    with pytest.raises(PermissionDenied):
        rate(observer, workplace, {skills[0]: 1})
    sister = WorkplaceFactory(organisation=workplace.organisation)
    theirs = services.skill_add(
        actor=member(sister, Role.LEADER).user, workplace=sister, area="devices", name="Deres system"
    )
    with pytest.raises(ValidationError):
        rate(team[0], workplace, {theirs: 1})
    assert not SkillRating.objects.exists()


def test_the_map_counts_everyone_but_names_only_who_share(workplace, leader, team, skills):
    video = skills[4]
    rate(team[0], workplace, {video: 3})
    rate(team[1], workplace, {video: 3}, visible=False)
    rate(team[2], workplace, {video: 2}, willing=False)
    rate(team[3], workplace, {video: (0, True)})
    seen_by = {}
    for viewer, is_leader in ((team[3], False), (leader, True)):
        board = selectors.team_map(workplace=workplace, viewer=viewer, viewer_is_leader=is_leader)
        seen_by[is_leader] = next(
            row for _area, rows in board["areas"] for row in rows if row["skill"] == video
        )
    employee_view, leader_view = seen_by[False], seen_by[True]
    assert [cell["count"] for cell in employee_view["cells"]] == [1, 0, 1, 2]
    assert employee_view["cells"][3]["names"] == [team[0]]  # team[1] is counted, not named
    assert set(leader_view["cells"][3]["names"]) == {team[0], team[1]}
    assert employee_view["helpers"] == [team[0]]  # a helper is named only by sharing their ratings
    assert employee_view["unrated"] == 1 and employee_view["wants_count"] == 1  # the leader has not rated


def test_a_skill_running_work_needs_is_a_gap_until_two_use_it_confidently(workplace, leader, team, skills):
    from tests.factories import make_experiment, make_idea

    experiment = make_experiment(make_idea(workplace), actor=leader)
    experiment.skills.add(skills[9])
    gaps = selectors.team_map(workplace=workplace, viewer=leader, viewer_is_leader=True)["gaps"]
    assert [row["skill"] for row in gaps] == [skills[9]]
    assert gaps[0]["needed_by"] == [(experiment.idea.title, experiment.get_absolute_url())]
    rate(team[0], workplace, {skills[9]: 2})
    rate(team[1], workplace, {skills[9]: 3})
    assert not selectors.team_map(workplace=workplace, viewer=leader, viewer_is_leader=True)["gaps"]


def test_coverage_grows_quarter_by_quarter(workplace, team, skills):
    now = timezone.now()
    year_ago = now - datetime.timedelta(days=365)
    rate(team[0], workplace, {skills[0]: 2}, now=year_ago)
    rate(team[1], workplace, {skills[0]: 1}, now=year_ago)
    rate(team[1], workplace, {skills[0]: 2}, now=now - datetime.timedelta(days=1))
    quarters = selectors.coverage_by_quarter(workplace=workplace, now=now)
    assert 4 <= len(quarters) <= 5
    assert quarters[0]["covered"] == 0 and quarters[-1]["covered"] == 1
    assert quarters[-1]["ratings"] == 2


# --- Learning activities ---------------------------------------------------------------------------------


def plan(workplace, actor, skills, starts_at, **kwargs):
    return services.activity_plan(
        actor=actor,
        workplace=workplace,
        kind=kwargs.pop("kind", "peer"),
        title=kwargs.pop("title", "Videomøder for begyndere"),
        skills=skills,
        starts_at=starts_at,
        host=kwargs.pop("host", actor),
        **kwargs,
    )


def test_a_leader_plans_and_those_who_want_to_learn_hear_of_it(workplace, leader, team, skills, soon):
    rate(team[0], workplace, {skills[4]: (0, True)})
    activity = plan(workplace, leader, [skills[4]], soon, host=team[1], seats=3)
    assert list(activity.skills.all()) == [skills[4]]
    told = set(Notification.objects.filter(kind="learning_activity").values_list("recipient", flat=True))
    assert told == {team[0].pk, team[1].pk}


def test_a_helper_plans_only_for_what_they_can_teach(workplace, team, skills, soon):
    rate(team[0], workplace, {skills[4]: 3})
    plan(workplace, team[0], [skills[4]], soon)
    with pytest.raises(PermissionDenied):
        plan(workplace, team[0], [skills[9]], soon)
    with pytest.raises(PermissionDenied):
        plan(workplace, team[1], [skills[4]], soon)
    assert LearningActivity.objects.count() == 1


@pytest.mark.parametrize(
    "change, field",
    [
        ({"kind": "party"}, "kind"),
        ({"title": ""}, "title"),
        ({"skills": []}, "skills"),
        ({"starts_at": timezone.now() - datetime.timedelta(hours=1)}, "starts_at"),
        ({"minutes": 5}, "minutes"),
        ({"seats": 0}, "seats"),
        ({"host": None}, "host"),
    ],
)
def test_a_bad_activity_is_refused(workplace, leader, skills, soon, change, field):
    values = {
        "kind": "course",
        "title": "Kursus",
        "skills": [skills[0]],
        "starts_at": soon,
        "host": leader,
        **change,
    }
    with pytest.raises(ValidationError) as refused:
        services.activity_plan(actor=leader, workplace=workplace, **values)
    assert field in refused.value.error_dict and not LearningActivity.objects.exists()


def test_signing_up_stops_at_the_seats_and_at_the_start(workplace, leader, team, skills, soon):
    activity = plan(workplace, leader, [skills[0]], soon, seats=2)
    services.signup_create(actor=team[0], activity=activity)
    with pytest.raises(ValidationError):  # once
        services.signup_create(actor=team[0], activity=activity)
    services.signup_create(actor=team[1], activity=activity)
    with pytest.raises(ValidationError):  # full
        services.signup_create(actor=team[2], activity=activity)
    services.signup_cancel(actor=team[1], activity=activity)
    services.signup_create(actor=team[2], activity=activity)
    with pytest.raises(ValidationError):  # begun
        services.signup_cancel(actor=team[2], activity=activity, now=soon + datetime.timedelta(minutes=1))
    later = plan(workplace, leader, [skills[0]], soon)
    with pytest.raises(ValidationError):
        services.signup_create(actor=team[3], activity=later, now=soon + datetime.timedelta(minutes=5))
    assert set(Signup.objects.values_list("user", flat=True)) == {team[0].pk, team[2].pk}


def test_another_workplaces_people_cannot_sign_up(workplace, leader, skills, soon):
    activity = plan(workplace, leader, [skills[0]], soon)
    stranger = member(WorkplaceFactory(organisation=workplace.organisation)).user
    with pytest.raises(PermissionDenied):
        services.signup_create(actor=stranger, activity=activity)
    assert not Signup.objects.exists()


def test_attendance_after_the_start_asks_those_who_came_to_rate_again(workplace, leader, team, skills, soon):
    rate(team[0], workplace, {skills[0]: 1}, now=timezone.now())
    activity = plan(workplace, leader, [skills[0]], soon)
    for person in team[:2]:
        services.signup_create(actor=person, activity=activity)
    with pytest.raises(ValidationError):  # not begun
        services.attendance_record(actor=leader, activity=activity, attended_ids=[team[0].pk])
    after = soon + datetime.timedelta(hours=2)
    with pytest.raises(PermissionDenied):
        services.attendance_record(actor=team[1], activity=activity, attended_ids=[team[0].pk], now=after)
    with pytest.raises(ValidationError):  # not signed up
        services.attendance_record(actor=leader, activity=activity, attended_ids=[team[3].pk], now=after)
    assert (
        services.attendance_record(actor=leader, activity=activity, attended_ids=[team[0].pk], now=after) == 1
    )
    assert list(
        Notification.objects.filter(kind="learning_attended").values_list("recipient", flat=True)
    ) == [team[0].pk]
    assert selectors.to_update_after_learning(user=team[0], workplace=workplace) == [skills[0]]
    rate(team[0], workplace, {skills[0]: 1}, now=after + datetime.timedelta(hours=1))  # looked at, kept
    assert selectors.to_update_after_learning(user=team[0], workplace=workplace) == []


def test_only_those_who_came_rate_the_activity_from_1_to_5(workplace, leader, team, skills, soon):
    activity = plan(workplace, leader, [skills[0]], soon)
    services.signup_create(actor=team[0], activity=activity)
    services.signup_create(actor=team[1], activity=activity)
    after = soon + datetime.timedelta(hours=2)
    services.attendance_record(actor=leader, activity=activity, attended_ids=[team[0].pk], now=after)
    for rating in (0, 6, "5"):
        with pytest.raises(ValidationError):
            services.activity_feedback(actor=team[0], activity=activity, rating=rating, now=after)
    with pytest.raises(ValidationError):  # did not come
        services.activity_feedback(actor=team[1], activity=activity, rating=5, now=after)
    with pytest.raises(PermissionDenied):
        services.activity_feedback(actor=team[2], activity=activity, rating=5, now=after)
    services.activity_feedback(actor=team[0], activity=activity, rating=4, feedback="Godt", now=after)
    assert list(Signup.objects.exclude(rating=None).values_list("rating", flat=True)) == [4]


def test_cancelling_tells_those_signed_up_and_closes_it(workplace, leader, team, skills, soon):
    activity = plan(workplace, leader, [skills[0]], soon)
    services.signup_create(actor=team[0], activity=activity)
    with pytest.raises(PermissionDenied):
        services.activity_cancel(actor=team[1], activity=activity)
    services.activity_cancel(actor=leader, activity=activity)
    assert Notification.objects.filter(kind="learning_cancelled", recipient=team[0]).exists()
    with pytest.raises(ValidationError):
        services.signup_create(actor=team[1], activity=activity)


def test_seats_cannot_drop_below_those_signed_up(workplace, leader, team, skills, soon):
    activity = plan(workplace, leader, [skills[0]], soon, seats=5)
    for person in team[:3]:
        services.signup_create(actor=person, activity=activity)
    values = {"kind": "peer", "title": "T", "skills": [skills[0]], "starts_at": soon, "host": leader}
    with pytest.raises(ValidationError):
        services.activity_update(actor=leader, activity=activity, seats=2, **values)
    assert LearningActivity.objects.get().seats == 5


def test_wanting_to_learn_a_skill_needs_a_level_too(workplace, team, skills):
    with pytest.raises(ValidationError):
        rate(team[0], workplace, {skills[9]: (None, True)})
    assert not SkillRating.objects.exists()


def test_a_host_who_is_no_helper_cannot_turn_the_activity_to_other_skills(
    workplace, leader, team, skills, soon
):
    rate(team[0], workplace, {skills[4]: 3})
    activity = plan(workplace, team[0], [skills[4]], soon)
    values = {"kind": "peer", "title": "T", "starts_at": soon, "host": team[0]}
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=team[0], activity=activity, skills=[skills[9]], **values)
    services.activity_update(actor=team[0], activity=activity, skills=[skills[4], skills[10]], **values)
    services.activity_update(actor=leader, activity=activity, skills=[skills[9]], **values)
    assert list(LearningActivity.objects.get().skills.all()) == [skills[9]]


def test_help_for_counts_each_sign_up_once(workplace, leader, team, skills, soon):
    activity = plan(workplace, leader, [skills[4], skills[9]], soon)
    for person in team[:3]:
        services.signup_create(actor=person, activity=activity)
    found = selectors.help_for(workplace=workplace, skills=[skills[4], skills[9]])["activities"]
    assert [(a.pk, a.signed_up) for a in found] == [(activity.pk, 3)]


def test_a_helper_hosts_what_they_plan_and_is_told_what_they_may_plan(workplace, leader, team, skills, soon):
    rate(team[0], workplace, {skills[9]: 3})
    with pytest.raises(ValidationError) as refused:
        plan(workplace, team[0], [skills[9]], soon, host=team[1])
    assert "host" in refused.value.error_dict
    with pytest.raises(PermissionDenied) as denied:
        plan(workplace, team[0], [skills[10]], soon)
    assert skills[9].name in str(denied.value)
    plan(workplace, leader, [skills[10]], soon, host=team[1])  # a leader may make anyone the host
    assert LearningActivity.objects.count() == 1


def test_the_same_name_in_other_letters_is_the_same_skill(workplace, leader, skills):
    with pytest.raises(ValidationError):
        services.skill_add(actor=leader, workplace=workplace, area="data", name="ai-VÆRKTØJER")
    assert Skill.objects.count() == 12
