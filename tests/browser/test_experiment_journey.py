"""From idea to practice, in Danish: a leader frames an experiment for an idea, a participant writes in its
learning log, the result says "adopt", the adoption plan goes live and is followed up after 30 days, and the
case that comes of it is taken up by a leader of another workplace in the organisation (issue 4).

Assertions rest on structure, URLs, ids and the database, not on UI wording, so they hold whether or not a
string has its Danish translation yet. Set FL_SCREENSHOTS to a folder to keep screenshots of the experiment
page and the case page at phone and desktop size.
"""

import datetime
import os
import re
from pathlib import Path

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page, expect

from frontloeber.experiments import services as experiment_services
from frontloeber.experiments.models import (
    AdoptionPlan,
    AdoptionState,
    Case,
    CaseTrial,
    Decision,
    Experiment,
    ExperimentState,
    LogEntry,
)
from frontloeber.ideas.models import Idea, IdeaStatus
from frontloeber.organisations.models import Role
from tests.factories import OrganisationAdminFactory, OrganisationFactory, WorkplaceFactory, make_idea, member

from .conftest import PHONE, assert_accessible, log_in

DESKTOP = {"width": 1280, "height": 900}

TITLE = "Billeder af dagen til forældrene"
HYPOTHESIS = "Vi tror, at billeder fra dagen på stuens tablet vil føre til mere tryghed hos forældrene."
CRITERION = "Forældrene føler sig bedre orienteret om dagen"
MEASURE = "Et kort spørgeskema til forældrene før og efter"
EQUIPMENT = "Én tablet og en lukket forældre-app"
STOP_RULE = "Vi stopper, hvis billederne tager tid fra børnene."
CONSENT = "Forældrene får et brev og giver samtykke i appen, før deres barn kommer med på et billede."
LOG_TEXT = "Forældrene på Solstuen spurgte ind til billederne allerede første dag."
EVIDENCE = "18 af 22 forældre svarede, at de føler sig bedre orienteret."
LEARNINGS = "Det virker bedst med få billeder, taget på et fast tidspunkt af dagen."
AFFECTED = "Pædagogerne på de tre stuer tager billederne ved middagstid i stedet for at skrive dagbog."
SUMMARY = "Pædagogerne tager et par billeder af dagen og deler dem med forældrene i en lukket app."
VALUE_ACHIEVED = "Forældrene ved mere om dagen, og pædagogerne skriver mindre dagbog."
WHAT_IT_TOOK = "Tre tablets, en app kommunen allerede havde, og en times introduktion."
CASE_LEARNINGS = "Start med én stue og et fast tidspunkt."


def assert_fits_the_screen(page: Page) -> None:
    """No sideways scrolling: nothing on the page is wider than the viewport."""
    width = page.viewport_size["width"]
    scroll_width = page.evaluate("() => document.documentElement.scrollWidth")
    assert scroll_width <= width, f"{page.url} scrolls sideways: {scroll_width}px wide on a {width}px screen"


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("FL_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


_DUPLICATE_IDS = """
() => {
  const seen = new Set(), twice = new Set();
  for (const element of document.querySelectorAll("[id]")) {
    (seen.has(element.id) ? twice : seen).add(element.id);
  }
  return [...twice];
}
"""


def assert_accessible_page(page: Page) -> None:
    """axe-core's WCAG 2.1 A/AA rules, plus unique ids (axe only lists duplicates for manual review)."""
    assert_accessible(page)
    duplicates = page.evaluate(_DUPLICATE_IDS)
    assert not duplicates, f"ids used more than once on {page.url}: {duplicates}"


def at_phone_and_desktop(page: Page, name: str) -> None:
    """Check the page as it is at phone width too (fits, accessible), with a screenshot of each size."""
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    assert_fits_the_screen(page)
    screenshot(page, f"{name}-phone")
    assert_accessible_page(page)
    page.set_viewport_size(DESKTOP)


def assert_menu_on_one_line(page: Page) -> None:
    """At desktop width the workplace menu, leader's items included, is one row."""
    tops = page.locator(".fl-workplace-nav li").evaluate_all("(items) => items.map((li) => li.offsetTop)")
    assert len(set(tops)) == 1, f"the workplace menu wraps on {page.url}: rows at {sorted(set(tops))}"


def success_message(page: Page):
    return page.locator(".fl-messages .alert-success")


def test_idea_becomes_practice_and_spreads_to_another_workplace(new_context, live_server):
    today = timezone.localdate()
    organisation = OrganisationFactory(name="Aarhus Kommune", slug="aarhus")
    home = WorkplaceFactory(organisation=organisation, name="Børnehuset Mælkebøtten", slug="maelkeboetten")
    other = WorkplaceFactory(organisation=organisation, name="Vuggestuen Solsikken", slug="solsikken")
    leader = member(home, Role.LEADER, full_name="Lise Leder").user
    employee = member(home, Role.EMPLOYEE, full_name="Karl Pædagog").user
    other_leader = member(other, Role.LEADER, full_name="Ole Leder").user
    idea = make_idea(home, author=employee, title=TITLE)

    def url(name, workplace=home, **kwargs):
        return reverse(f"experiments:{name}", kwargs={"workplace_slug": workplace.slug, **kwargs})

    idea_url = idea.get_absolute_url()
    create_url = url("experiment_create", idea_id=idea.pk)

    # --- The leader of the workplace, at a desk: the idea page, "Plan an experiment" ----------------------
    desk = new_context(viewport=DESKTOP).new_page()
    log_in(desk, leader)
    desk.goto(idea_url)
    practice = desk.locator("main section[aria-labelledby='experiments-heading']")
    expect(practice.locator("#experiments-heading")).to_be_visible()
    # Nothing but the way to an experiment yet: no adoption plan, no case to publish.
    expect(practice.locator("a[href]")).to_have_count(1)
    assert_accessible_page(desk)

    practice.locator(f"a[href='{create_url}']").click()
    expect(desk).to_have_url(live_server.url + create_url)
    form = desk.locator("main form.fl-form")
    # The time box starts today and runs four weeks; the first criterion is tied to a value already.
    expect(form.locator("#id_starts_on")).to_have_value(today.isoformat())
    expect(form.locator("#id_ends_on")).to_have_value((today + datetime.timedelta(days=28)).isoformat())
    expect(form.locator("#id_criterion_0_axis")).to_have_value("citizens")
    # The participants are the workplace's members; the other workplace's leader is not among them.
    expect(form.locator("input[name=participants]")).to_have_count(2)
    expect(form.locator(f"input[name=participants][value='{other_leader.pk}']")).to_have_count(0)
    assert_accessible_page(desk)
    screenshot(desk, "experiment-form-desktop")

    # Filled in, but ending the day before it starts: the error summary, nothing saved.
    form.locator("#id_hypothesis").fill(HYPOTHESIS)
    form.locator("#id_criterion_0_axis").select_option("quality")
    form.locator("#id_criterion_0_description").fill(CRITERION)
    form.locator("#id_criterion_0_measure").fill(MEASURE)
    form.locator("#id_ends_on").fill((today - datetime.timedelta(days=1)).isoformat())
    form.locator("#id_hours").fill("20")
    form.locator("#id_budget_dkk").fill("3500")
    form.locator("#id_equipment").fill(EQUIPMENT)
    form.locator(f"input[name=participants][value='{employee.pk}']").check()
    form.locator("#id_stop_rule").fill(STOP_RULE)
    form.locator(".fl-actions button[type=submit]").click()
    summary = desk.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.locator("a[href='#id_ends_on']")).to_be_visible()
    expect(form.locator("#id_ends_on")).to_have_attribute("aria-invalid", "true")
    expect(form.locator("#id_ends_on")).to_have_attribute(
        "aria-describedby", re.compile(r"\bid_ends_on-error\b")
    )
    # What was typed is still there.
    expect(form.locator("#id_hypothesis")).to_have_value(HYPOTHESIS)
    expect(form.locator("#id_criterion_0_axis")).to_have_value("quality")
    expect(form.locator(f"input[name=participants][value='{employee.pk}']")).to_be_checked()
    assert not Experiment.objects.exists()
    assert_accessible_page(desk)
    screenshot(desk, "experiment-form-error-desktop")

    # Corrected: the experiment is planned, and its page opens.
    ends_on = today + datetime.timedelta(days=21)
    form.locator("#id_ends_on").fill(ends_on.isoformat())
    form.locator(".fl-actions button[type=submit]").click()
    expect(desk).to_have_url(re.compile(re.escape(live_server.url + url("experiment_list")) + r"\d+/$"))
    experiment = Experiment.objects.get(idea=idea)
    experiment_url = experiment.get_absolute_url()
    expect(desk).to_have_url(live_server.url + experiment_url)
    assert experiment.workplace == home
    assert experiment.state == ExperimentState.PLANNED
    assert (experiment.hypothesis, experiment.stop_rule, experiment.equipment) == (
        HYPOTHESIS,
        STOP_RULE,
        EQUIPMENT,
    )
    assert (experiment.starts_on, experiment.ends_on) == (today, ends_on)
    assert (experiment.hours, experiment.budget_dkk) == (20, 3500)
    assert list(experiment.participants.all()) == [employee]
    assert [(c.axis, c.description, c.measure) for c in experiment.criteria.all()] == [
        ("quality", CRITERION, MEASURE)
    ]
    ids = {"experiment_id": experiment.pk}
    safety_url = url("experiment_safety", **ids)
    confirm_url = url("experiment_safety_confirm", **ids)
    start_url = url("experiment_start", **ids)
    log_url = url("log_entry_create", **ids)
    conclude_url = url("experiment_conclude", **ids)

    expect(success_message(desk)).to_be_visible()
    expect(desk.locator("main .fl-status")).to_have_class(re.compile(r"\bfl-state-planned\b"))
    expect(desk.locator("main table tbody tr")).to_have_count(1)
    expect(desk.locator("main table tbody tr td").nth(1)).to_have_text(CRITERION)
    panel = desk.locator("main section[aria-labelledby='next-heading']")
    # It cannot start before the safety check is answered and confirmed, and says why.
    expect(panel.locator(f"form[action='{confirm_url}']")).to_have_count(0)
    start_button = panel.locator(f"form[action='{start_url}'] button[type=submit]")
    expect(start_button).to_have_attribute("aria-describedby", "start-hint")
    expect(desk.locator("#start-hint")).to_be_visible()
    assert_accessible_page(desk)
    assert_menu_on_one_line(desk)
    at_phone_and_desktop(desk, "experiment-planned")

    # --- The safety check: one "yes" (children who cannot consent themselves) with its follow-up ------------
    panel.locator(f"a[href='{safety_url}']").click()
    expect(desk).to_have_url(live_server.url + safety_url)
    safety = desk.locator("main form.fl-form")
    expect(safety.locator("input[type=radio]:checked")).to_have_count(0)
    assert_accessible_page(desk)
    screenshot(desk, "safety-form-desktop")
    for name, answer in (("personal_data", "no"), ("vulnerable_citizens", "yes"), ("needs_it", "no")):
        radio = safety.locator(f"input[name={name}][value={answer}]")
        safety.locator(f"label[for='{radio.get_attribute('id')}']").click()
        expect(radio).to_be_checked()
    # "Yes" without saying how the guardians agree: asked for, nothing saved.
    safety.locator(".fl-actions button[type=submit]").click()
    expect(desk.locator("#error-summary")).to_be_focused()
    expect(desk.locator("#error-summary a[href='#id_consent_how']")).to_be_visible()
    expect(safety.locator("#id_consent_how")).to_have_attribute("aria-invalid", "true")
    expect(safety.locator("input[name=vulnerable_citizens][value=yes]")).to_be_checked()
    experiment.refresh_from_db()
    assert experiment.vulnerable_citizens is None
    assert_accessible_page(desk)
    safety.locator("#id_consent_how").fill(CONSENT)
    safety.locator(".fl-actions button[type=submit]").click()
    expect(desk).to_have_url(live_server.url + experiment_url)
    expect(success_message(desk)).to_be_visible()
    experiment.refresh_from_db()
    assert (experiment.personal_data, experiment.vulnerable_citizens, experiment.needs_it) == (
        False,
        True,
        False,
    )
    assert experiment.consent_how == CONSENT
    assert experiment.safety_answered
    assert experiment.safety_confirmed_at is None
    expect(desk.locator("main")).to_contain_text(CONSENT)
    expect(panel.locator(f"a[href='{safety_url}']")).to_have_count(0)
    assert_accessible_page(desk)

    # Citizens who cannot easily consent: not the leader's to confirm, but the data protection adviser's
    # (issue 17, point 6; nobody is named, so an organisation admin reviews: tests/browser/
    # test_safety_review_journey.py walks that page). Once approved, the hint under "start" goes.
    expect(panel.locator(f"form[action='{confirm_url}']")).to_have_count(0)
    review = experiment.safety_reviews.get()
    reviewer = OrganisationAdminFactory(organisation=organisation).user
    experiment_services.safety_review_decide(actor=reviewer, review=review, approve=True)
    desk.reload()
    expect(desk.locator("#start-hint")).to_have_count(0)
    expect(panel).to_contain_text(reviewer.full_name)
    experiment.refresh_from_db()
    assert experiment.safety_confirmed_by == reviewer
    assert experiment.safety_confirmed_at is not None
    assert_accessible_page(desk)

    # Start: the experiment runs and the idea's status follows.
    start_button.click()
    expect(desk).to_have_url(live_server.url + experiment_url)
    expect(success_message(desk)).to_be_visible()
    expect(desk.locator("main .fl-status").first).to_have_class(re.compile(r"\bfl-state-running\b"))
    expect(panel).to_have_count(0)
    expect(desk.locator(f"main a[href='{conclude_url}']")).to_be_visible()
    experiment.refresh_from_db()
    idea.refresh_from_db()
    assert experiment.state == ExperimentState.RUNNING
    assert experiment.started_at is not None
    assert idea.status == IdeaStatus.EXPERIMENTING

    # --- The employee, a participant, on a phone: a note in the learning log ----------------------------
    phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    log_in(phone, employee)
    phone.goto(experiment_url)
    log_form = phone.locator(f"main form[action='{log_url}']")
    # A participant writes in the log, but does not run the experiment.
    expect(phone.locator(f"main a[href='{conclude_url}']")).to_have_count(0)
    expect(log_form.locator("#id_entry_date")).to_have_value(today.isoformat())
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)
    log_form.locator("#id_text").fill(LOG_TEXT)
    log_form.locator("button[type=submit]").click()
    expect(phone).to_have_url(live_server.url + experiment_url + "#log-heading")
    expect(success_message(phone)).to_be_visible()
    entries = phone.locator("main section[aria-labelledby='log-heading'] article.fl-comment")
    expect(entries).to_have_count(1)
    expect(entries.first).to_contain_text(LOG_TEXT)
    expect(entries.first.locator(f"time[datetime='{today.isoformat()}']")).to_be_visible()
    entry = LogEntry.objects.get(experiment=experiment)
    assert (entry.author, entry.entry_date, entry.text) == (employee, today, LOG_TEXT)
    assert_fits_the_screen(phone)
    assert_accessible_page(phone)

    # --- The leader records the results: the criterion met, learnings, decision "adopt" ------------------
    desk.reload()
    expect(desk.locator("main section[aria-labelledby='log-heading'] article.fl-comment")).to_contain_text(
        [LOG_TEXT]
    )
    assert_accessible_page(desk)
    desk.locator(f"main a[href='{conclude_url}']").click()
    expect(desk).to_have_url(live_server.url + conclude_url)
    conclude = desk.locator("main form.fl-form")
    criterion = experiment.criteria.get()
    expect(conclude.locator(f"input[name=result_{criterion.pk}]")).to_have_count(3)
    expect(conclude.locator("input[name=decision]")).to_have_count(3)
    assert_accessible_page(desk)
    screenshot(desk, "conclude-form-desktop")
    met = conclude.locator(f"input[name=result_{criterion.pk}][value=met]")
    conclude.locator(f"label[for='{met.get_attribute('id')}']").click()
    conclude.locator(f"#id_evidence_{criterion.pk}").fill(EVIDENCE)
    conclude.locator("#id_learnings").fill(LEARNINGS)
    adopt = conclude.locator(f"input[name=decision][value={Decision.ADOPT.value}]")
    conclude.locator(f"label[for='{adopt.get_attribute('id')}']").click()
    expect(adopt).to_be_checked()
    conclude.locator(".fl-actions button[type=submit]").click()
    expect(desk).to_have_url(live_server.url + experiment_url)
    expect(success_message(desk)).to_be_visible()
    expect(desk.locator("main .fl-status").first).to_have_class(re.compile(r"\bfl-state-concluded\b"))
    expect(desk.locator("main .fl-status.fl-decision-adopt")).to_be_visible()
    expect(desk.locator("main")).to_contain_text(LEARNINGS)
    expect(desk.locator("main table tbody tr td").nth(3)).to_contain_text(EVIDENCE)
    experiment.refresh_from_db()
    criterion.refresh_from_db()
    assert experiment.state == ExperimentState.CONCLUDED
    assert (experiment.decision, experiment.learnings) == (Decision.ADOPT, LEARNINGS)
    assert (criterion.result, criterion.evidence) == ("met", EVIDENCE)
    # The log closes with the experiment: no form for more notes.
    expect(desk.locator(f"main form[action='{log_url}']")).to_have_count(0)
    assert_accessible_page(desk)
    at_phone_and_desktop(desk, "experiment")

    # --- The adoption plan: the experiment's next step, and the idea page's --------------------------------
    adoption_create_url = url("adoption_create", idea_id=idea.pk)
    # Issue 17, point 2: a concluded "adopt" experiment ends with the plan as its main button.
    expect(desk.locator(f"main a.button-primary[href='{adoption_create_url}']")).to_be_visible()
    desk.locator(f"main a[href='{idea_url}']").first.click()
    expect(desk).to_have_url(live_server.url + idea_url)
    expect(practice.locator(f"a[href='{experiment_url}']")).to_be_visible()
    # The idea stands at one step of the chain: implementation, after idea, qualification and experiment.
    expect(practice.locator(".fl-chain [aria-current=step]")).to_have_count(1)
    expect(practice.locator(".fl-chain li").nth(3)).to_have_attribute("aria-current", "step")
    expect(practice.locator(".fl-chain .fl-chain-done")).to_have_count(3)
    assert_accessible_page(desk)
    practice.locator(f"a[href='{adoption_create_url}']").click()
    expect(desk).to_have_url(live_server.url + adoption_create_url)
    plan_form = desk.locator("main form.fl-form")
    # The experiment's results and learnings are beside the plan, to write it from.
    expect(desk.locator("main section[aria-labelledby='results-heading']")).to_contain_text(EVIDENCE)
    expect(desk.locator("main section[aria-labelledby='results-heading']")).to_contain_text(LEARNINGS)
    expect(plan_form.locator("#id_first_checkpoint_days")).to_have_value("30")
    expect(plan_form.locator("#id_second_checkpoint_days")).to_have_value("90")
    assert_accessible_page(desk)
    plan_form.locator("#id_affected").fill(AFFECTED)
    plan_form.locator("#id_training").fill("En times introduktion til appen på personalemødet.")
    plan_form.locator("#id_communication").fill("Et brev til forældrene og et opslag i garderoben.")
    plan_form.locator("#id_go_live_on").fill(today.isoformat())
    plan_form.locator("#id_responsible").select_option(str(employee.pk))
    plan_form.locator(".fl-actions button[type=submit]").click()
    plan = AdoptionPlan.objects.get(idea=idea)
    plan_url = plan.get_absolute_url()
    expect(desk).to_have_url(live_server.url + plan_url)
    expect(success_message(desk)).to_be_visible()
    assert plan.experiment == experiment
    assert (plan.affected, plan.go_live_on, plan.responsible) == (AFFECTED, today, employee)
    assert (plan.first_checkpoint_days, plan.second_checkpoint_days) == (30, 90)
    assert plan.state == AdoptionState.PLANNED
    expect(desk.locator("main .fl-cards")).to_have_count(0)
    assert_accessible_page(desk)

    # Set live: the idea is adopted, and the checkpoints after 30 and 90 days are set.
    go_live_url = url("adoption_go_live", plan_id=plan.pk)
    desk.locator(f"main form[action='{go_live_url}'] button[type=submit]").click()
    expect(desk).to_have_url(live_server.url + plan_url)
    expect(success_message(desk)).to_be_visible()
    expect(desk.locator(f"main form[action='{go_live_url}']")).to_have_count(0)
    plan.refresh_from_db()
    idea.refresh_from_db()
    assert plan.state == AdoptionState.LIVE
    assert idea.status == IdeaStatus.ADOPTED
    first, second = plan.checkpoints.all()
    assert (first.days, first.due_on) == (30, today + datetime.timedelta(days=30))
    assert (second.days, second.due_on) == (90, today + datetime.timedelta(days=90))
    checkpoint_url = url("checkpoint_record", plan_id=plan.pk, checkpoint_id=first.pk)
    checkpoints = desk.locator("main .fl-cards > li")
    expect(checkpoints).to_have_count(2)
    expect(checkpoints.nth(1).locator("a[href]")).to_have_count(1)
    assert_accessible_page(desk)

    # --- The 30-day checkpoint -------------------------------------------------------------------------
    checkpoints.first.locator(f"a[href='{checkpoint_url}']").click()
    expect(desk).to_have_url(live_server.url + checkpoint_url)
    checkpoint_form = desk.locator("main form.fl-form")
    assert_accessible_page(desk)
    screenshot(desk, "checkpoint-form-desktop")
    checkpoint_form.locator("#id_users").fill("5")
    checkpoint_form.locator("#id_affected").fill("6")
    for axis, score in (("citizens", 3), ("quality", 2), ("routines", 1)):
        radio = checkpoint_form.locator(f"input[name=value_{axis}][value='{score}']")
        checkpoint_form.locator(f"label[for='{radio.get_attribute('id')}']").click()
        expect(radio).to_be_checked()
    checkpoint_form.locator("#id_notes").fill("Forældrene spørger mindre ved afhentning.")
    checkpoint_form.locator("#id_adjusted").fill("Billederne tages nu efter frokost.")
    checkpoint_form.locator(".fl-actions button[type=submit]").click()
    expect(desk).to_have_url(live_server.url + plan_url)
    expect(success_message(desk)).to_be_visible()
    first.refresh_from_db()
    assert (first.users, first.affected) == (5, 6)
    assert (first.value_citizens, first.value_quality, first.value_routines) == (3, 2, 1)
    assert first.recorded_by == leader
    assert first.recorded_at is not None
    second.refresh_from_db()
    assert second.recorded_at is None
    expect(checkpoints.first).to_contain_text(leader.full_name)
    assert_accessible_page(desk)
    at_phone_and_desktop(desk, "adoption")

    # --- The case, published from the idea page ---------------------------------------------------------
    publish_url = url("case_publish", idea_id=idea.pk)
    # A live plan ends with sharing it as a case as its main button.
    expect(desk.locator(f"main a.button-primary[href='{publish_url}']")).to_be_visible()
    desk.goto(idea_url)
    expect(desk.locator("main h1 + p .fl-status")).to_have_class(re.compile(r"\bfl-status-adopted\b"))
    expect(practice.locator(f"a[href='{plan_url}']")).to_be_visible()
    expect(practice.locator(f"a[href='{adoption_create_url}']")).to_have_count(0)
    practice.locator(f"a[href='{publish_url}']").click()
    expect(desk).to_have_url(live_server.url + publish_url)
    case_form = desk.locator("main form.fl-form")
    # Drafted from the chain: the hypothesis, the criterion's evidence, the learnings and the adjustment.
    expect(case_form.locator("#id_summary")).to_have_value(re.compile(re.escape(HYPOTHESIS)))
    expect(case_form.locator("#id_value_achieved")).to_have_value(re.compile(re.escape(EVIDENCE)))
    expect(case_form.locator("#id_learnings")).to_have_value(re.compile(re.escape(LEARNINGS)))
    expect(case_form.locator("#id_learnings")).to_have_value(re.compile("Billederne tages nu efter frokost."))
    assert_accessible_page(desk)
    case_form.locator("#id_summary").fill(SUMMARY)
    case_form.locator("#id_value_achieved").fill(VALUE_ACHIEVED)
    case_form.locator("#id_what_it_took").fill(WHAT_IT_TOOK)
    case_form.locator("#id_learnings").fill(CASE_LEARNINGS)
    case_form.locator("#id_contact").select_option(str(leader.pk))
    case_form.locator(".fl-actions button[type=submit]").click()
    case = Case.objects.get(idea=idea)
    case_url = url("case_detail", case_id=case.pk)
    expect(desk).to_have_url(live_server.url + case_url)
    expect(success_message(desk)).to_be_visible()
    assert (case.organisation, case.workplace, case.contact, case.published_by) == (
        organisation,
        home,
        leader,
        leader,
    )
    assert (case.summary, case.value_achieved, case.what_it_took, case.learnings) == (
        SUMMARY,
        VALUE_ACHIEVED,
        WHAT_IT_TOOK,
        CASE_LEARNINGS,
    )
    expect(desk.locator("main h1")).to_have_text(TITLE)
    expect(desk.locator(f"main a[href='mailto:{leader.email}']")).to_be_visible()
    # Its own workplace cannot "try it here", and nobody has taken it up yet.
    expect(desk.locator("main form[action$='/proev-her/']")).to_have_count(0)
    expect(desk.locator("main section[aria-labelledby='trials-heading'] li")).to_have_count(0)
    assert_accessible_page(desk)

    # --- A leader of the other workplace finds the case and tries it there ------------------------------
    other_desk = new_context(viewport=DESKTOP).new_page()
    log_in(other_desk, other_leader)
    expect(other_desk).to_have_url(live_server.url + other.get_absolute_url())
    library_url = url("case_list", workplace=other)
    other_case_url = url("case_detail", workplace=other, case_id=case.pk)
    try_url = url("case_try", workplace=other, case_id=case.pk)
    library_link = other_desk.locator(f".fl-workplace-nav a[href='{library_url}']")
    library_link.click()
    expect(other_desk).to_have_url(live_server.url + library_url)
    expect(library_link).to_have_attribute("aria-current", "page")
    cards = other_desk.locator("main .fl-cards > li")
    expect(cards).to_have_count(1)
    expect(cards.first.locator(f"a[href='{other_case_url}']")).to_have_text(TITLE)
    expect(cards.first).to_contain_text(home.name)
    assert_accessible_page(other_desk)

    cards.first.locator(f"a[href='{other_case_url}']").click()
    expect(other_desk).to_have_url(live_server.url + other_case_url)
    expect(other_desk.locator("main h1")).to_have_text(TITLE)
    try_form = other_desk.locator(f"main form[action='{try_url}']")
    expect(try_form).to_be_visible()
    assert_accessible_page(other_desk)
    at_phone_and_desktop(other_desk, "case-before")

    try_form.locator("button[type=submit]").click()
    trial = CaseTrial.objects.get(case=case)
    new_idea = trial.idea
    new_idea_url = new_idea.get_absolute_url()
    expect(other_desk).to_have_url(live_server.url + new_idea_url)
    expect(success_message(other_desk)).to_be_visible()
    expect(other_desk.locator("main h1")).to_have_text(TITLE)
    assert new_idea_url.startswith(reverse("ideas:board", kwargs={"workplace_slug": other.slug}))
    assert (trial.workplace, trial.created_by) == (other, other_leader)
    assert (new_idea.workplace, new_idea.author, new_idea.status) == (other, other_leader, IdeaStatus.NEW)
    assert new_idea.pk != idea.pk
    assert Idea.objects.filter(workplace=other).count() == 1
    case.refresh_from_db()
    assert case.trial_count == 1
    assert_accessible_page(other_desk)

    # The case page now shows the other workplace taking it up, and how far it got.
    other_desk.goto(other_case_url)
    expect(other_desk.locator(f"main form[action='{try_url}']")).to_have_count(0)
    expect(other_desk.locator(f"main .fl-leader-panel a[href='{new_idea_url}']")).to_have_text(TITLE)
    taken_up = other_desk.locator("main section[aria-labelledby='trials-heading'] li")
    expect(taken_up).to_have_count(1)
    expect(taken_up.first).to_contain_text(other.name)
    # How far it got there: the new idea's status.
    expect(taken_up.first.locator(".fl-status")).to_have_class(re.compile(r"\bfl-status-new\b"))
    assert_accessible_page(other_desk)
    at_phone_and_desktop(other_desk, "case")

    # So does the case page in the workplace it came from.
    desk.goto(case_url)
    taken_up = desk.locator("main section[aria-labelledby='trials-heading'] li")
    expect(taken_up).to_have_count(1)
    expect(taken_up.first).to_contain_text(other.name)
    expect(taken_up.first.locator(".fl-status")).to_have_class(re.compile(r"\bfl-status-new\b"))
    assert_accessible_page(desk)
