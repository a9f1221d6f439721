"""The team's skills, in Danish (issue 7): an employee rates her skills on a phone, the leader sees the map
change, plans a learning activity for a gap that a running experiment needs, and the employee signs up.
axe-core runs on every page the journey visits."""

import datetime

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from frontloeber.competences import services
from frontloeber.competences.models import LearningActivity, Signup, SkillRating
from frontloeber.organisations.models import Role
from tests.factories import WorkplaceFactory, make_experiment, make_idea, member

from .conftest import PHONE, assert_accessible, log_in
from .test_experiment_journey import assert_fits_the_screen


def test_an_employee_rates_on_a_phone_and_the_leader_plans_learning_for_a_gap(new_context):
    workplace = WorkplaceFactory(name="Børnehuset Mælkebøtten", slug="maelkeboetten")
    leader = member(workplace, Role.LEADER, full_name="Lise Leder").user
    anna = member(workplace, Role.EMPLOYEE, full_name="Anna Ahlgren").user
    member(workplace, Role.EMPLOYEE, full_name="Bo Berg")
    skills = {s.name: s for s in services.catalogue_start(actor=leader, workplace=workplace)}
    ai, video, phone = skills["AI-værktøjer"], skills["Videomøder"], skills["Smartphone og tablet i arbejdet"]
    # A planned experiment needs the AI tools nobody here uses confidently: a gap on the map.
    idea = make_idea(workplace, author=anna, title="Opsummering af forældresamtaler")
    experiment = make_experiment(idea, actor=leader)
    experiment.skills.add(ai)

    def url(name, **kwargs):
        return reverse(f"competences:{name}", kwargs={"workplace_slug": workplace.slug, **kwargs})

    # 1. The leader looks at the map: nobody has rated yet, and the AI tools are a gap.
    screen = new_context().new_page()
    log_in(screen, leader)
    screen.goto(url("map"))
    expect(screen.locator("main")).to_contain_text("0 af 3 personer har vurderet")
    gap = screen.locator(".fl-gap", has_text="AI-værktøjer")
    expect(gap).to_be_visible()
    assert_accessible(screen)

    # 2. Anna rates her skills on her phone: a tap per skill, and she wants to learn the AI tools.
    mobile = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(mobile, anna)
    mobile.goto(url("rate"))
    expect(mobile.locator("h1")).to_have_text("Mine færdigheder")
    assert_fits_the_screen(mobile)
    assert_accessible(mobile)
    for skill, level in ((video, 3), (phone, 2), (ai, 0)):
        mobile.locator(f"label[for='id_level_{skill.pk}_{level}']").tap()
    mobile.locator(f"#id_learn_{ai.pk}").check()
    mobile.get_by_role("button", name="Gem mine vurderinger").tap()
    expect(mobile).to_have_url(url("map"))
    expect(mobile.locator(".fl-messages .alert-success")).to_be_visible()
    assert_fits_the_screen(mobile)
    assert_accessible(mobile)
    assert dict(SkillRating.objects.filter(user=anna).values_list("skill__name", "level")) == {
        "Videomøder": 3,
        "Smartphone og tablet i arbejdet": 2,
        "AI-værktøjer": 0,
    }

    # 3. The leader's map has changed: Anna is counted, named as a helper for video meetings.
    screen.reload()
    expect(screen.locator("main")).to_contain_text("1 af 3 personer har vurderet")
    video_row = screen.locator(".fl-heatmap tr", has_text="Videomøder")
    expect(video_row.locator("td").nth(3)).to_have_text("1")
    expect(video_row.locator("td").last).to_have_text("Anna Ahlgren")
    expect(screen.locator(".fl-heatmap tr", has_text="AI-værktøjer").locator("td").nth(5)).to_have_text("1")
    assert_accessible(screen)

    # 4. From the gap the leader plans a tech playground on the AI tools, with Anna's colleague Bo's seat too.
    screen.locator(".fl-gap", has_text="AI-værktøjer").get_by_role(
        "link", name="Planlæg en læringsaktivitet"
    ).click()
    expect(screen.locator(f"input[name=skills][value='{ai.pk}']")).to_be_checked()
    assert_accessible(screen)
    screen.locator("#id_kind").select_option("playground")
    screen.locator("#id_title").fill("Legestue med AI-værktøjer")
    starts = timezone.localtime() + datetime.timedelta(days=6)
    screen.locator("#id_starts_at").fill(starts.strftime("%Y-%m-%dT14:00"))
    screen.locator("#id_seats").fill("8")
    screen.locator("#id_place").fill("Personalestuen")
    screen.get_by_role("button", name="Planlæg den").click()
    activity = LearningActivity.objects.get()
    expect(screen).to_have_url(activity.get_absolute_url())
    expect(screen.locator("h1")).to_have_text("Legestue med AI-værktøjer")
    assert_accessible(screen)
    assert list(activity.skills.all()) == [ai]

    # 5. Anna, who wants to learn it, finds it under Læring and signs up from her phone.
    mobile.goto(url("activity_list"))
    assert_accessible(mobile)
    mobile.get_by_role("link", name="Legestue med AI-værktøjer").tap()
    mobile.get_by_role("button", name="Tilmeld mig").tap()
    expect(mobile.locator("main")).to_contain_text("Du er tilmeldt.")
    assert_fits_the_screen(mobile)
    assert_accessible(mobile)
    assert list(Signup.objects.values_list("user", flat=True)) == [anna.pk]

    # 6. The leader sees her on the list, and the map says learning is planned for the gap.
    screen.reload()
    expect(screen.locator("main")).to_contain_text("Anna Ahlgren")
    screen.goto(url("map"))
    expect(screen.locator(".fl-gap", has_text="AI-værktøjer")).to_contain_text("1 læringsaktivitet planlagt")
    screen.goto(url("catalogue"))
    assert_accessible(screen)
