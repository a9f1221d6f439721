"""The installable app's shell (issue 21, points 1 and 3): the manifest, the service worker, where the app
starts, and the offline page that the service worker keeps for every visitor alike."""

import json
import re

import pytest
from django.conf import settings
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

from frontloeber.devices import views
from frontloeber.organisations.models import Role
from tests.factories import MembershipFactory, OrganisationAdminFactory, UserFactory, WorkplaceFactory, member

pytestmark = pytest.mark.django_db

CONFIG = re.compile(r"const CONFIG = (\{.*?\});", re.DOTALL)


def sw_config(response):
    return json.loads(CONFIG.search(response.content.decode()).group(1))


# --- The manifest ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_manifest_has_what_phones_need_to_install_the_app_in_the_persons_language(client, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get("/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    manifest = json.loads(response.content)
    assert manifest["name"] == manifest["short_name"] == "Frontløber"
    assert manifest["lang"] == language
    with translation.override(language):
        assert manifest["description"] == translation.gettext(
            "Your workplace's ideas for doing the core task better, also on the go."
        )
    assert manifest["start_url"] == reverse("devices:start") == "/start/"
    assert (manifest["scope"], manifest["id"], manifest["display"]) == ("/", "/", "standalone")
    assert manifest["theme_color"] == "#0059b3" and manifest["background_color"] == "#ffffff"
    icons = {(icon["sizes"], icon["purpose"]): icon["src"] for icon in manifest["icons"]}
    assert set(icons) == {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")}
    for src in icons.values():
        assert client.get(src).status_code == 200


def test_the_manifests_icons_and_the_apple_touch_icon_are_pngs_of_the_sizes_they_say():
    from PIL import Image

    static = settings.BASE_DIR / "frontloeber" / "static" / "frontloeber" / "icons"
    for name, size in [
        ("icon-192.png", 192),
        ("icon-512.png", 512),
        ("icon-maskable-512.png", 512),
        ("apple-touch-icon-180.png", 180),
    ]:
        with Image.open(static / name) as image:
            assert (image.format, image.size) == ("PNG", (size, size)), name
    with Image.open(static / "apple-touch-icon-180.png") as image:
        # iOS shows transparency as black.
        assert image.mode == "RGB"
    with Image.open(static / "icon-maskable-512.png") as image:
        # Full bleed: Android's mask cuts the corners, which must be the blue, not transparent.
        assert image.convert("RGBA").getpixel((0, 0)) == (0, 89, 179, 255)


def test_every_page_links_the_manifest_and_the_service_worker_without_inline_script(client):
    response = client.get(reverse("accounts:login"))
    html = response.content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest"' in html
    assert '<meta name="theme-color" content="#0059b3">' in html
    assert 'rel="apple-touch-icon" href="/static/frontloeber/icons/apple-touch-icon-180.png"' in html
    block = re.search(r'<script type="application/json" id="fl-pwa">(.*?)</script>', html).group(1)
    assert json.loads(block)["serviceWorker"] == "/sw.js"
    # Every other script is a file from 'self': the policy allows no inline script.
    scripts = re.findall(r"<script(?![^>]*application/json)([^>]*)>(.*?)</script>", html, re.DOTALL)
    assert scripts and all('src="/static/' in attributes and not body.strip() for attributes, body in scripts)
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


# --- The service worker ------------------------------------------------------------------------------------


def test_the_service_worker_is_javascript_from_the_root_never_cached_and_open_to_everyone(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Cache-Control"] == "no-cache"
    # The worker's own policy (a worker obeys its script's header): its imports and fetches are from 'self'.
    assert "script-src 'self'" in response["Content-Security-Policy"]
    body = response.content.decode()
    assert "importScripts(CONFIG.draftsScript)" in body and 'event.tag === "fl-drafts"' in body
    assert "skip-waiting" in body and "clients.claim()" in body


def test_the_service_worker_keeps_only_static_files_and_the_two_empty_pages(client):
    config = sw_config(client.get("/sw.js"))
    pages = [url for url in config["precache"] if not url.startswith(settings.STATIC_URL)]
    assert pages == ["/enhed/offline/", "/enhed/ny-ide/"]
    assert config["offlinePage"] == "/enhed/offline/" and config["ideaFormShell"] == "/enhed/ny-ide/"
    assert {"/static/vendor/dkfds/css/dkfds.min.css", "/static/frontloeber/app.css"} <= set(
        config["precache"]
    )
    assert "/static/frontloeber/drafts.js" in config["precache"]
    assert any(url.endswith(".woff2") for url in config["precache"])
    # Every file it keeps is there (a missing one would stop the worker from installing).
    for url in config["precache"]:
        assert client.get(url).status_code == 200, url
    # Nothing that names a workplace, an organisation or a person.
    assert not [url for url in config["precache"] if re.search(r"/(a|org|konto|api|media|varsler)/", url)]


@pytest.mark.parametrize("page", ["/enhed/offline/", "/enhed/ny-ide/"])
def test_every_file_the_two_kept_pages_load_is_kept_with_them(client, page):
    """Opened with no network, a kept page finds its styles and scripts in the worker's cache too."""
    kept = set(sw_config(client.get("/sw.js"))["precache"])
    html = client.get(page).content.decode()
    loaded = set(re.findall(r'<(?:link rel="stylesheet"|script)[^>]*(?:href|src)="(/static/[^"]+)"', html))
    assert loaded and loaded <= kept, loaded - kept


def test_the_service_worker_answers_a_workplaces_idea_form_address_with_the_empty_form(client):
    pattern = re.compile(sw_config(client.get("/sw.js"))["ideaForm"])
    workplace = WorkplaceFactory()
    assert pattern.match(reverse("ideas:idea_create", kwargs={"workplace_slug": workplace.slug}))
    assert not pattern.match(reverse("ideas:board", kwargs={"workplace_slug": workplace.slug}))
    assert not pattern.match("/a/x/y/ideer/ny/")


def test_the_same_service_worker_for_everyone_signed_in_or_not(client):
    anonymous = client.get("/sw.js").content
    client.force_login(member(WorkplaceFactory()).user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert client.get("/sw.js").content == anonymous


def test_the_version_changes_when_a_static_file_changes_its_name(client, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "extra-a1b2.css").write_text("p {}")
    (second / "extra-c3d4.css").write_text("p {}")
    dirs = [settings.BASE_DIR / "frontloeber" / "static"]
    with override_settings(STATICFILES_DIRS=[*dirs, first]):
        before = sw_config(client.get("/sw.js"))["version"]
        assert sw_config(client.get("/sw.js"))["version"] == before
    with override_settings(STATICFILES_DIRS=[*dirs, second]):
        after = sw_config(client.get("/sw.js"))["version"]
    assert after != before


def test_in_production_the_version_follows_the_hashed_names_manifest(client, tmp_path):
    def hashed(name, hash_):
        stem, dot, extension = name.rpartition(".")
        return f"{stem}.{hash_}{dot}{extension}"

    def deploy(hash_):
        paths = {name: hashed(name, hash_) for name in views.PRECACHED_STATIC + views.upright_fonts()}
        manifest = {"paths": paths, "version": "1.1", "hash": hash_}
        (tmp_path / "staticfiles.json").write_text(json.dumps(manifest))
        storages = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
        }
        with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
            config = sw_config(client.get("/sw.js"))
        assert f"/static/frontloeber/app.{hash_}.css" in config["precache"]
        assert config["draftsScript"] == f"/static/frontloeber/drafts.{hash_}.js"
        return config["version"]

    assert deploy("aaaa1111") == deploy("aaaa1111") != deploy("bbbb2222")


def test_static_version_is_kept_for_a_moment_and_forgotten_when_settings_change(tmp_path):
    views.static_version()
    assert views._listed_version
    with override_settings(STATICFILES_DIRS=[tmp_path]):
        assert not views._listed_version


# --- Where the app starts ----------------------------------------------------------------------------------


def test_start_asks_a_signed_out_visitor_to_sign_in_first(client):
    response = client.get("/start/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login") + "?next=/start/"


def test_start_opens_the_board_of_the_persons_only_workplace(client):
    membership = member(WorkplaceFactory())
    client.force_login(membership.user)
    response = client.get("/start/")
    assert response["Location"] == reverse(
        "ideas:board", kwargs={"workplace_slug": membership.workplace.slug}
    )


def test_start_with_several_workplaces_or_an_organisation_to_run_opens_the_list_of_them(client):
    user = UserFactory()
    MembershipFactory(user=user)
    MembershipFactory(user=user, role=Role.LEADER)
    client.force_login(user)
    assert client.get("/start/")["Location"] == reverse("organisations:home")

    admin = member(WorkplaceFactory()).user
    OrganisationAdminFactory(user=admin)
    client.force_login(admin)
    assert client.get("/start/")["Location"] == reverse("organisations:home")


def test_start_for_a_person_without_a_workplace_opens_the_home_page_that_says_so(client):
    client.force_login(UserFactory())
    assert client.get("/start/")["Location"] == reverse("organisations:home")


# --- The offline page --------------------------------------------------------------------------------------


def test_the_offline_page_says_so_in_danish_and_offers_the_idea_form(client):
    response = client.get("/enhed/offline/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    html = response.content.decode()
    assert '<html lang="da">' in html
    with translation.override("da"):
        for text in ("You are offline", "Write an idea", "Try again", "What works without a network"):
            assert translation.gettext(text) in html
    assert 'href="/enhed/ny-ide/"' in html and "data-fl-last-idea-form" in html
    assert 'data-fl-idea-form-pattern="^/a/[^/]+/ideer/ny/$"' in html
    assert '<a class="button button-secondary" href="">' in html  # try again: the address asked for
    assert "frontloeber/pwa.js" in html


def test_the_offline_page_holds_nothing_of_the_signed_in_person(client):
    membership = member(WorkplaceFactory(name="Børnehuset Solsikken"), full_name="Karen Blixen-Hansen")
    user = membership.user
    client.force_login(user)
    html = client.get("/enhed/offline/").content.decode()
    for personal in (user.full_name, user.email, membership.workplace.name, membership.workplace.slug):
        assert personal not in html
    assert "csrfmiddlewaretoken" not in html and 'id="user-menu"' not in html
    client.logout()
    assert client.get("/enhed/offline/").content.decode() == html


def test_the_offline_page_leaves_a_waiting_message_for_the_next_real_page(client):
    """The service worker keeps the offline page: a message taken out of the session into it would be shown
    to whoever goes offline next, and lost to the person it was for."""
    client.force_login(member(WorkplaceFactory()).user)
    storage = CookieStorage(HttpRequest())
    storage.add(messages.SUCCESS, "Din idé er gemt.")
    carrier = HttpResponse()
    storage.update(carrier)
    client.cookies[storage.cookie_name] = carrier.cookies[storage.cookie_name].value

    offline = client.get("/enhed/offline/")
    assert "Din idé er gemt." not in offline.content.decode()
    assert storage.cookie_name not in offline.cookies  # neither read nor deleted
    assert "Din idé er gemt." in client.get(reverse("organisations:home"), follow=True).content.decode()
