"""An idea kept when the network is gone (issue 21, point 2), on a 360 px phone with the real service worker.

The person opens the idea form online (the service worker installs and takes the page), loses the network,
opens the idea form again (the worker answers with the empty form it keeps), writes an idea with a picture
and submits it: it waits on the phone. When the network returns the queue sends it once, and the person
sees it arrive; refused by the server, it stays on the phone with the reason. A draft left on the phone by
someone whose session ended there is neither shown to nor sent as the next person who signs in.

Texts are compared with their Danish translation through gettext, so the tests hold before and after the
new strings are translated.
"""

import re

from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from frontloeber.devices.owners import owner_tag
from frontloeber.ideas.models import Comment, Idea, IdeaImage
from frontloeber.organisations.models import Membership, Role
from tests.factories import OrganisationFactory, WorkplaceFactory, make_idea, member, png_bytes

from .conftest import PHONE, assert_accessible, log_in

TITLE = "Tavlefoto af vagtplanen"
NEED = "Vi mister overblikket, når vagtplanen ændres midt på natten."
DESCRIPTION = "Et billede af tavlen deles i appen, så nattevagten ser ændringerne med det samme."


def danish(text, **values):
    with translation.override("da"):
        text = gettext(text)
    for name, value in values.items():
        text = text.replace("{" + name + "}", value)
    return text


def world():
    organisation = OrganisationFactory(name="Region Midt", slug="region-midt")
    workplace = WorkplaceFactory(organisation=organisation, name="Ambulancen Vest", slug="ambulancen-vest")
    member(workplace, Role.LEADER, full_name="Lene Leder")
    employee = member(workplace, Role.EMPLOYEE, full_name="Rasmus Redder").user
    return workplace, employee


def open_the_form_online(page: Page, form_url: str) -> None:
    page.goto(form_url)
    # The worker takes the page once it has kept what the offline form needs (it claims its clients then).
    # It fetches them through the one-at-a-time live server: on a busy machine that took over 20 s once.
    page.wait_for_function(
        "() => navigator.serviceWorker && navigator.serviceWorker.controller !== null", timeout=40_000
    )
    expect(page.locator("form[data-fl-offline='idea']:not([data-fl-shell])")).to_be_visible()


def write_an_idea_offline(page: Page, context, form_url: str) -> None:
    context.set_offline(True)
    page.goto(form_url)
    # The empty form the worker keeps, at the workplace's own address: nothing of the person in it.
    form = page.locator("form[data-fl-shell]")
    expect(form).to_be_visible()
    assert page.url.endswith(form_url)
    expect(page.locator("#user-menu")).to_have_count(0)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_need").fill(NEED)
    page.locator("#id_description").fill(DESCRIPTION)
    # A phone's photo, larger than the 2000 px the phone makes it before it is kept.
    photo = {"name": "tavle.png", "mimeType": "image/png", "buffer": png_bytes(size=(3000, 1500))}
    page.locator("#id_images").set_input_files(photo)
    page.locator("form[data-fl-shell] button[type=submit]").click()
    expect(page.locator("#fl-offline-status")).to_contain_text(
        danish("Saved on the phone — it will be sent when you are online again.")
    )
    queued = page.locator("#fl-offline-queue li")
    expect(queued).to_have_count(1)
    expect(queued).to_contain_text(TITLE)
    expect(queued).to_contain_text(danish("Waiting to be sent."))
    # The form is empty again, ready for the next idea.
    expect(page.locator("#id_title")).to_have_value("")


def drafts_on_the_phone(page: Page) -> list:
    return page.evaluate(
        """() => FLDrafts.list().then((all) => all.map((d) => ({
          status: d.status, title: d.fields.title,
          pictures: d.pictures.length, type: (d.pictures[0] || {}).type,
        })))"""
    )


def wait_for_drafts(page: Page, wanted: str) -> None:
    """Wait until the drafts on the phone (``all``, in a JavaScript expression) are as wanted. IndexedDB
    answers later than a poll wants its answer: each poll asks, and a later poll reads the answer."""
    page.wait_for_function(
        f"""() => {{
          if (window.flDraftsPoll === undefined) {{
            window.flDraftsPoll = null;
            FLDrafts.list().then(
              (all) => {{ window.flDraftsPoll = ({wanted}) ? true : undefined; }},
              () => {{ window.flDraftsPoll = undefined; }},
            );
          }}
          if (window.flDraftsPoll !== true) return false;
          window.flDraftsPoll = undefined;
          return true;
        }}"""
    )


def test_an_idea_written_offline_is_sent_once_when_the_network_returns(new_context):
    workplace, employee = world()
    form_url = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})
    context = new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    log_in(page, employee)
    open_the_form_online(page, form_url)

    write_an_idea_offline(page, context, form_url)
    assert_accessible(page)
    assert drafts_on_the_phone(page) == [
        {"status": "queued", "title": TITLE, "pictures": 1, "type": "image/jpeg"}
    ]
    assert not Idea.objects.exists()

    context.set_offline(False)
    sent = page.locator("#fl-offline-status .alert-success")
    expect(sent).to_contain_text(danish("Your idea “{title}” is sent.", title=TITLE))
    expect(page.locator("#fl-offline-queue")).to_be_hidden()
    assert drafts_on_the_phone(page) == []
    idea = Idea.objects.get()
    assert (idea.title, idea.author, idea.workplace) == (TITLE, employee, workplace)
    image = IdeaImage.objects.get(idea=idea)
    assert image.content_type == "image/jpeg" and (image.width, image.height) == (2000, 1000)

    sent.get_by_role("link").click()
    expect(page).to_have_url(re.compile(re.escape(idea.get_absolute_url()) + "$"))
    expect(page.locator("h1")).to_contain_text(TITLE)
    page.goto(reverse("ideas:board", kwargs={"workplace_slug": workplace.slug}))
    expect(page.locator(f"main a[href='{idea.get_absolute_url()}']")).to_have_count(1)
    assert Idea.objects.filter(title=TITLE).count() == 1


def test_a_draft_the_server_refuses_stays_on_the_phone_with_the_reason(new_context):
    workplace, employee = world()
    form_url = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})
    context = new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    log_in(page, employee)
    open_the_form_online(page, form_url)
    write_an_idea_offline(page, context, form_url)

    # While the phone was offline, the person was removed from the workplace.
    Membership.objects.filter(user=employee, workplace=workplace).delete()
    context.set_offline(False)
    refused = page.locator("#fl-offline-queue li.fl-offline-refused")
    expect(refused).to_contain_text(danish("The workplace or the idea is no longer open to you."))
    expect(refused).to_contain_text(TITLE)
    expect(refused.get_by_role("link", name=danish("Correct and send again"))).to_be_visible()
    expect(refused.get_by_role("button", name=danish("Delete"))).to_be_visible()
    assert drafts_on_the_phone(page) == [
        {"status": "refused", "title": TITLE, "pictures": 1, "type": "image/jpeg"}
    ]
    assert not Idea.objects.exists()
    assert_accessible(page)

    # The words can be read again in the form; deleting asks first.
    refused.get_by_role("link", name=danish("Correct and send again")).click()
    expect(page.locator("#id_title")).to_have_value(TITLE)
    expect(page.locator("#id_need")).to_have_value(NEED)
    assert_accessible(page)
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.locator("#fl-offline-queue li").get_by_role("button", name=danish("Delete")).click()
    expect(page.locator("#fl-offline-queue li")).to_have_count(1)
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("#fl-offline-queue li").get_by_role("button", name=danish("Delete")).click()
    expect(page.locator("#fl-offline-queue")).to_be_hidden()
    assert drafts_on_the_phone(page) == []


def test_a_comment_written_when_the_network_went_is_posted_once_when_it_returns(new_context):
    workplace, employee = world()
    idea = make_idea(workplace, title="Fælles tavle i ambulancehallen")
    context = new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    log_in(page, employee)
    page.goto(idea.get_absolute_url())
    box = page.locator("form[data-fl-offline='comment']")
    expect(box).to_be_visible()

    context.set_offline(True)
    box.locator("#id_body").fill("Kunne den også vise dagens udrykninger?")
    box.locator("button[type=submit]").click()
    expect(page.locator("#fl-offline-status")).to_contain_text(
        danish("Saved on the phone — it will be sent when you are online again.")
    )
    expect(page.locator("#fl-offline-queue li")).to_contain_text(danish("Comment"))
    assert not Comment.objects.exists()

    context.set_offline(False)
    expect(page.locator("#fl-offline-status .alert-success")).to_contain_text(
        danish("Your comment on “{title}” is posted.", title=idea.title)
    )
    expect(page.locator("#fl-offline-queue")).to_be_hidden()
    comment = Comment.objects.get()
    assert (comment.idea, comment.author, comment.body) == (
        idea,
        employee,
        "Kunne den også vise dagens udrykninger?",
    )


def test_online_the_form_is_sent_as_always_and_the_phone_forgets_the_draft(new_context):
    workplace, employee = world()
    form_url = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})
    context = new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    log_in(page, employee)
    page.goto(form_url)
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_need").fill(NEED)
    # What is typed is kept on the phone while the person writes.
    wait_for_drafts(page, f"all.some((d) => d.status === 'editing' && d.fields.title === {TITLE!r})")
    page.locator("#id_description").fill(DESCRIPTION)
    photo = {"name": "tavle.png", "mimeType": "image/png", "buffer": png_bytes(size=(3000, 1500))}
    page.locator("#id_images").set_input_files(photo)
    # The phone makes the picture smaller before it goes, online too.
    page.wait_for_function("() => document.querySelector('#id_images').files[0].type === 'image/jpeg'")
    page.locator("#idea-form button[type=submit]").click()
    idea_page = re.compile(r"/ideer/\d+/$")
    expect(page).to_have_url(idea_page)
    idea = Idea.objects.get()
    expect(page.locator("h1")).to_contain_text(TITLE)
    image = IdeaImage.objects.get(idea=idea)
    assert image.content_type == "image/jpeg" and (image.width, image.height) == (2000, 1000)
    wait_for_drafts(page, "all.length === 0")
    # The idea form opens empty again: nothing of the sent idea comes back.
    page.goto(form_url)
    expect(page.locator("#id_title")).to_have_value("")


def end_the_session_of(user) -> None:
    """The server ends the person's session (an idle time, the session's lifetime): no sign-out through the
    page, so nothing on the phone is cleared."""
    for session in Session.objects.all():
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            session.delete()


EVERY_DRAFT = """() => FLDrafts.list({everyone: true}).then((all) => all.map((d) => ({
  title: d.fields.title, status: d.status, owner: d.owner,
})))"""


def test_a_draft_left_on_the_phone_goes_only_with_the_person_who_wrote_it(new_context):
    workplace, writer = world()
    colleague = member(workplace, Role.EMPLOYEE, full_name="Bodil Bårer").user
    form_url = reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug})
    board_url = reverse("ideas:board", kwargs={"workplace_slug": workplace.slug})
    context = new_context(viewport=PHONE, service_workers="allow")
    page = context.new_page()
    log_in(page, writer)
    open_the_form_online(page, form_url)
    write_an_idea_offline(page, context, form_url)
    assert page.evaluate(EVERY_DRAFT) == [{"title": TITLE, "status": "queued", "owner": owner_tag(writer)}]

    # The writer's session ends on the server while the phone is offline; the network returns to no one.
    end_the_session_of(writer)
    context.set_offline(False)
    expect(page.locator("#fl-offline-queue li")).to_contain_text(danish("Log in to send."))
    assert not Idea.objects.exists()

    # A colleague signs in on the same phone: their pages neither send nor show the writer's idea.
    log_in(page, colleague)
    page.goto(board_url)
    assert page.evaluate("() => FLDrafts.sendAll()") == []
    expect(page.locator("#fl-offline-queue")).to_have_attribute("data-fl-shown", "0")
    expect(page.locator("#fl-offline-queue")).to_be_hidden()
    expect(page.locator("main")).not_to_contain_text(TITLE)
    assert page.evaluate("() => Promise.all([FLDrafts.list(), FLDrafts.pendingCount()])") == [[], 0]
    page.goto(form_url)
    expect(page.locator("#fl-offline-queue")).to_have_attribute("data-fl-shown", "0")
    expect(page.locator("#id_title")).to_have_value("")
    assert not Idea.objects.exists()
    # Kept on the phone, still the writer's.
    assert page.evaluate(EVERY_DRAFT) == [{"title": TITLE, "status": "queued", "owner": owner_tag(writer)}]

    # The colleague's session ends on the server too, and the writer signs in again: the idea goes, once,
    # in the writer's name.
    end_the_session_of(colleague)
    log_in(page, writer)
    # Sent by the first page after the login (navigating away now could cut the send off midway).
    wait_for_drafts(page, "all.length === 0")
    idea = Idea.objects.get()
    assert (idea.title, idea.author, idea.workplace) == (TITLE, writer, workplace)
    assert page.evaluate(EVERY_DRAFT) == []
    page.goto(board_url)
    # Told to the writer (the page after the login had no place for the notice), and on the board once.
    sent = page.locator("#fl-offline-status .alert-success")
    expect(sent).to_contain_text(danish("Your idea “{title}” is sent.", title=TITLE))
    on_the_board = page.locator(f"main a[href='{idea.get_absolute_url()}']:not(#fl-offline-status a)")
    expect(on_the_board).to_have_count(1)
    assert Idea.objects.filter(title=TITLE).count() == 1
