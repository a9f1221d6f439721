"""The skills pages (issue 7): the map, rating on a phone, the catalogue and learning activities, each
with a fixed number of queries however many people, skills and activities there are."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils import timezone

from frontloeber.competences import selectors, services
from frontloeber.competences.models import LearningActivity, Signup, Skill, SkillRating
from frontloeber.organisations.models import Role
from tests.factories import make_experiment, make_idea, member
from tests.pages import workplace_urls

from .conftest import rate

pytestmark = pytest.mark.django_db


url = workplace_urls("competences")


def grow(workplace, leader, people, skills, n):
    """Up to ``n`` extra people who rate every skill, one extra workplace skill each, an activity each."""
    while len(people) < n:
        person = member(workplace).user
        people.append(person)
        extra = services.skill_add(
            actor=leader, workplace=workplace, area="data", name=f"System {len(people)}"
        )
        skills.append(extra)
        rate(
            person,
            workplace,
            {s: (len(people) % 4, len(people) % 2 == 0) for s in skills},
            visible=len(people) % 3 > 0,
        )
        activity = services.activity_plan(
            actor=leader,
            workplace=workplace,
            kind="peer",
            title=f"Læring {len(people)}",
            skills=skills[-2:],
            starts_at=timezone.now() + datetime.timedelta(days=len(people)),
            host=person,
            seats=10,
        )
        services.signup_create(actor=person, activity=activity)
        make_experiment(make_idea(workplace, author=person), actor=leader).skills.add(extra)


# The map reads the skills, the team, ratings, profiles, what running work needs, the planned learning and
# the level history; an employee's map also asks whether they are a helper, to offer planning.
# 16 before the page asked the membership instead of a query (issue 15); 15 before the header's switcher and
# counts took one query each (issue 16).
MAP_QUERIES = 13
RATE_QUERIES = 10
LIST_QUERIES = 12  # 14 before, likewise; 13 before the header's one query
DETAIL_QUERIES = 8


@pytest.mark.parametrize(
    "name, queries, who",
    [
        ("map", MAP_QUERIES, "leader"),
        ("map", MAP_QUERIES + 3, "employee"),
        ("rate", RATE_QUERIES, "employee"),
        ("activity_list", LIST_QUERIES, "employee"),
    ],
)
def test_the_pages_cost_the_same_queries_for_few_and_many(
    client, workplace, leader, team, skills, django_assert_num_queries, name, queries, who
):
    people, skills = list(team), list(skills)
    client.force_login(leader if who == "leader" else team[0])
    for n in (5, 12):
        grow(workplace, leader, people, skills, n)
        with django_assert_num_queries(queries):
            response = client.get(url(name, workplace))
        assert response.status_code == 200


def test_the_activity_page_costs_the_same_queries_for_few_and_many(
    client, workplace, leader, team, skills, django_assert_num_queries
):
    activity = services.activity_plan(
        actor=leader,
        workplace=workplace,
        kind="course",
        title="Kursus",
        skills=skills[:3],
        starts_at=timezone.now() + datetime.timedelta(days=2),
        host=leader,
    )
    client.force_login(leader)
    people = list(team)
    for n in (2, 9):
        while len(people) < n:
            people.append(member(workplace).user)
        for person in people:
            if not Signup.objects.filter(activity=activity, user=person).exists():
                services.signup_create(actor=person, activity=activity)
        with django_assert_num_queries(DETAIL_QUERIES):
            response = client.get(url("activity_detail", workplace, activity_id=activity.pk))
        assert response.content.decode().count("<li>") >= n


def test_an_employee_rates_on_the_page_and_the_map_shows_it(client, workplace, leader, team, skills):
    client.force_login(team[0])
    page = client.get(url("rate", workplace)).content.decode()
    assert "Videomøder" in page and "Kan lære andre det" in page
    data = {
        f"level_{skills[4].pk}": "3",
        f"learn_{skills[9].pk}": "on",
        f"level_{skills[9].pk}": "0",
        "visible_to_team": "on",
        "willing_to_help": "on",
    }
    response = client.post(url("rate", workplace), data)
    assert response.status_code == 302 and response["Location"] == url("map", workplace)
    assert SkillRating.objects.get(user=team[0], skill=skills[4]).level == 3
    client.force_login(leader)
    page = client.get(url("map", workplace)).content.decode()
    assert "1 af 5 personer har vurderet" in page and team[0].full_name in page


def test_the_kept_heat_map_never_outlives_what_it_shows(client, workplace, leader, team, skills):
    """The map's table is kept rendered ({% kept %}, core/fragments.py): a new rating, a new name, a person
    who stops sharing their ratings, the reader's language and a reader who sees fewer names show at once."""
    def table(person):
        client.force_login(person)
        page = client.get(url("map", workplace)).content.decode()
        return re.search(r'<table class="table table--compact fl-heatmap">.*?</table>', page, re.S).group(0)

    rate(team[0], workplace, {skills[0]: 3})
    first = table(leader)
    assert table(leader) == first and team[0].full_name in first
    rate(team[1], workplace, {skills[0]: 2})
    assert team[1].full_name in table(leader)
    team[0].full_name = "Bente Omdøbt"
    team[0].save()
    assert "Bente Omdøbt" in table(leader)
    # A colleague sees the names of those who share; once Bente stops sharing, only the leader does.
    assert "Bente Omdøbt" in table(team[2])
    rate(team[0], workplace, {skills[0]: 3}, visible=False)
    assert "Bente Omdøbt" not in table(team[2]) and "Bente Omdøbt" in table(leader)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "Can teach others" in table(leader)


def test_the_suggested_skills_read_in_the_persons_language(client, workplace, leader, team, skills):
    rate(team[0], workplace, {skills[0]: 3})
    client.force_login(leader)
    assert "Videomøder" in client.get(url("map", workplace)).content.decode()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english_map = client.get(url("map", workplace)).content.decode()
    assert "Video meetings" in english_map and "Videomøder" not in english_map
    client.force_login(team[1])
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    rate_page = client.get(url("rate", workplace)).content.decode()
    assert "Video meetings" in rate_page and "Videomøder" not in rate_page


@pytest.mark.parametrize("value", ["7", "-1", "tre"])
def test_a_level_off_the_scale_on_the_page_is_refused_clearly(client, workplace, team, skills, value):
    client.force_login(team[0])
    response = client.post(
        url("rate", workplace), {f"level_{skills[0].pk}": value, f"level_{skills[1].pk}": "2"}
    )
    assert response.status_code == 400 and "Vælg et niveau fra 0 til 3" in response.content.decode()
    assert not SkillRating.objects.exists()


def test_the_rate_page_cannot_rate_someone_else(client, workplace, team, skills):
    client.force_login(team[0])
    client.post(
        url("rate", workplace), {f"level_{skills[0].pk}": "3", "user": team[1].pk, "user_id": team[1].pk}
    )
    assert list(SkillRating.objects.values_list("user", flat=True)) == [team[0].pk]


def test_an_observer_reads_the_map_but_rates_nothing(client, workplace, skills):
    observer = member(workplace, Role.OBSERVER).user
    client.force_login(observer)
    assert client.get(url("map", workplace)).status_code == 200
    assert client.post(url("rate", workplace), {f"level_{skills[0].pk}": "3"}).status_code == 403
    assert not SkillRating.objects.exists()


def test_an_empty_catalogue_leads_the_leader_to_the_suggestions(client, workplace, leader, team):
    client.force_login(team[0])
    assert "Din leder sætter det op" in client.get(url("map", workplace)).content.decode()
    client.force_login(leader)
    assert "Start med de foreslåede færdigheder" in client.get(url("catalogue", workplace)).content.decode()
    client.post(url("catalogue_start", workplace))
    assert Skill.objects.count() == 12
    response = client.post(url("catalogue", workplace), {"area": "devices", "name": "Forældreappen (Aula)"})
    assert response.status_code == 302 and Skill.objects.filter(workplace=workplace).count() == 1
    response = client.post(url("catalogue", workplace), {"area": "devices", "name": "Forældreappen (aula)"})
    assert response.status_code == 400 and "findes allerede" in response.content.decode()


def test_retiring_a_skill_asks_first(client, workplace, leader, skills):
    aula = services.skill_add(actor=leader, workplace=workplace, area="devices", name="Aula")
    client.force_login(leader)
    address = url("skill_retire", workplace, skill_id=aula.pk)
    assert "Fjern færdigheden?" in client.get(address).content.decode()
    assert client.post(address).status_code == 302
    assert Skill.objects.get(pk=aula.pk).retired_at is not None
    assert (
        client.get(url("skill_retire", workplace, skill_id=skills[0].pk)).status_code == 404
    )  # the catalogue's


def test_a_gap_on_the_map_leads_to_planning_for_it_and_the_employee_signs_up(
    client, workplace, leader, team, skills
):
    experiment = make_experiment(make_idea(workplace), actor=leader)
    experiment.skills.add(skills[9])
    client.force_login(leader)
    page = client.get(url("map", workplace)).content.decode()
    create = url("activity_create", workplace) + f"?faerdighed={skills[9].pk}"
    assert "Mangler: færdigheder vores arbejde kræver" in page and create.replace("&", "&amp;") in page
    form = client.get(create).content.decode()
    assert f'value="{skills[9].pk}" checked' in form or f'value="{skills[9].pk}"checked' in form
    starts = (timezone.localtime() + datetime.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    data = {
        "kind": "playground",
        "title": "Legestue med AI",
        "skills": [skills[9].pk],
        "starts_at": starts,
        "minutes": 90,
        "host": leader.pk,
        "seats": 1,
    }
    assert (
        client.post(create, {**data, "seats": 0}).status_code == 400 and not LearningActivity.objects.exists()
    )
    response = client.post(create, data)
    activity = LearningActivity.objects.get()
    assert response.status_code == 302 and response["Location"] == activity.get_absolute_url()
    client.force_login(team[0])
    signup = url("signup", workplace, activity_id=activity.pk)
    client.post(signup, {"action": "join"})
    assert Signup.objects.filter(user=team[0]).exists()
    client.force_login(team[1])
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Alle pladser er taget" in page
    client.post(signup, {"action": "join"})
    assert Signup.objects.count() == 1


def test_an_employee_who_is_no_helper_is_not_offered_planning(client, workplace, team, skills):
    client.force_login(team[0])
    assert "Planlæg en læringsaktivitet" not in client.get(url("activity_list", workplace)).content.decode()
    assert client.get(url("activity_create", workplace)).status_code == 403
    rate(team[0], workplace, {skills[4]: 3})
    assert "Planlæg en læringsaktivitet" in client.get(url("activity_list", workplace)).content.decode()


def test_after_the_activity_the_host_records_attendance_and_the_attendee_rates_it(
    client, workplace, leader, team, skills
):
    activity = services.activity_plan(
        actor=leader,
        workplace=workplace,
        kind="peer",
        title="Videomøder",
        skills=[skills[4]],
        starts_at=timezone.now() + datetime.timedelta(minutes=30),
        host=leader,
    )
    services.signup_create(actor=team[0], activity=activity)
    LearningActivity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(leader)
    assert "Hvem deltog?" in client.get(activity.get_absolute_url()).content.decode()
    client.post(url("attendance", workplace, activity_id=activity.pk), {"attended": [str(team[0].pk)]})
    assert Signup.objects.get().attended is True
    client.force_login(team[0])
    assert "Videomøder" in client.get(url("rate", workplace)).content.decode()
    client.post(url("feedback", workplace, activity_id=activity.pk), {"rating": "9"})
    assert Signup.objects.get().rating is None
    client.post(url("feedback", workplace, activity_id=activity.pk), {"rating": "4", "feedback": "Nyttigt"})
    assert Signup.objects.get().rating == 4


def test_cancelling_an_activity_asks_first(client, workplace, leader, skills):
    activity = services.activity_plan(
        actor=leader,
        workplace=workplace,
        kind="course",
        title="Kursus",
        skills=[skills[0]],
        starts_at=timezone.now() + datetime.timedelta(days=2),
        host=leader,
    )
    client.force_login(leader)
    address = url("activity_cancel", workplace, activity_id=activity.pk)
    assert "Aflys læringsaktiviteten?" in client.get(address).content.decode()
    assert LearningActivity.objects.get().cancelled_at is None
    client.post(address)
    assert LearningActivity.objects.get().cancelled_at is not None


@pytest.mark.parametrize("query", ["faerdighed=²", "faerdighed=-1", "faerdighed=abc"])
def test_odd_numbers_in_the_address_never_give_a_500(client, workplace, leader, skills, query):
    client.force_login(leader)
    assert client.get(url("activity_create", workplace) + "?" + query).status_code == 200


def test_odd_attendance_values_change_nothing(client, workplace, leader, team, skills):
    activity = services.activity_plan(
        actor=leader,
        workplace=workplace,
        kind="course",
        title="Kursus",
        skills=[skills[0]],
        starts_at=timezone.now() + datetime.timedelta(minutes=5),
        host=leader,
    )
    services.signup_create(actor=team[0], activity=activity)
    LearningActivity.objects.filter(pk=activity.pk).update(
        starts_at=timezone.now() - datetime.timedelta(hours=1)
    )
    client.force_login(leader)
    response = client.post(url("attendance", workplace, activity_id=activity.pk), {"attended": ["²", "x"]})
    assert response.status_code == 302 and not Signup.objects.filter(attended=True).exists()


def test_wanting_to_learn_without_a_level_asks_for_the_level(client, workplace, team, skills):
    client.force_login(team[0])
    response = client.post(url("rate", workplace), {f"learn_{skills[9].pk}": "on"})
    assert response.status_code == 400 and "Tryk også på dit niveau" in response.content.decode()
    assert not SkillRating.objects.exists()


def test_an_organisation_admin_who_works_here_retires_a_catalogue_skill(client, workplace, leader, skills):
    from tests.factories import OrganisationAdminFactory

    admin = member(workplace).user
    OrganisationAdminFactory(organisation=workplace.organisation, user=admin)
    client.force_login(admin)
    address = url("skill_retire", workplace, skill_id=skills[0].pk)
    assert address in client.get(url("catalogue", workplace)).content.decode()
    assert client.get(address).status_code == 200
    assert client.post(address).status_code == 302
    assert Skill.objects.get(pk=skills[0].pk).retired_at is not None
    client.force_login(leader)  # a leader retires only the workplace's own skills
    assert client.get(url("skill_retire", workplace, skill_id=skills[1].pk)).status_code == 404


def test_the_catalogue_costs_the_same_queries_for_few_and_many_skills(
    client, workplace, leader, skills, django_assert_num_queries
):
    client.force_login(leader)
    for n in (1, 8):
        while Skill.objects.filter(workplace=workplace).count() < n:
            services.skill_add(
                actor=leader, workplace=workplace, area="data", name=f"System {Skill.objects.count()}"
            )
        with django_assert_num_queries(CATALOGUE_QUERIES):
            assert client.get(url("catalogue", workplace)).status_code == 200


CATALOGUE_QUERIES = 7


def test_an_organisation_admin_adds_to_the_shared_catalogue(client, workplace, leader, skills):
    from tests.factories import OrganisationAdminFactory, WorkplaceFactory

    admin = member(workplace).user
    OrganisationAdminFactory(organisation=workplace.organisation, user=admin)
    client.force_login(admin)
    page = client.get(url("catalogue", workplace)).content.decode()
    assert "For alle arbejdspladser i organisationen" in page
    client.post(
        url("catalogue", workplace),
        {"area": "safety", "name": "Sikker brug af USB", "for_organisation": "on"},
    )
    shared = Skill.objects.get(name="Sikker brug af USB")
    assert shared.workplace is None
    sister = WorkplaceFactory(organisation=workplace.organisation)
    assert shared in selectors.workplace_skills(workplace=sister)
    response = client.post(url("catalogue", workplace), {"area": "safety", "name": "Kun her"})
    assert response.status_code == 400 and not Skill.objects.filter(name="Kun her").exists()  # not a leader
    client.force_login(leader)
    assert "For alle arbejdspladser" not in client.get(url("catalogue", workplace)).content.decode()


def test_a_gap_needed_by_much_work_names_the_first_five_and_counts_the_rest(
    client, workplace, leader, skills
):
    experiments = [
        make_experiment(make_idea(workplace, title=f"Forsøg nummer {n}"), actor=leader) for n in range(7)
    ]
    for experiment in experiments:
        experiment.skills.add(skills[9])
    client.force_login(leader)
    page = client.get(url("map", workplace)).content.decode()
    linked = [e for e in experiments if f'href="{e.get_absolute_url()}"' in page]
    assert len(linked) == selectors.NEEDED_BY_SHOWN == 5
    assert "og 2 til" in page
