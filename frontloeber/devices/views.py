"""The installable app (issue 21, points 1 and 3): the web app manifest, the service worker, the address the
app opens at, and the page it shows when the network is gone.

The service worker keeps only static files and a few pages that hold nothing of any person (the offline page
and the empty idea form), so a shared device never keeps one person's page for the next.
"""

import functools
import hashlib
import json
import os
import posixpath
import re
import time
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from frontloeber.organisations.context_processors import my_admin_organisations, my_memberships

# Det Fælles Designsystem's blue, as in the favicon and the site's own accents (app.css).
THEME_COLOUR = "#0059b3"
BACKGROUND_COLOUR = "#ffffff"

ICONS = [
    ("frontloeber/icons/icon-192.png", "192x192", "any"),
    ("frontloeber/icons/icon-512.png", "512x512", "any"),
    ("frontloeber/icons/icon-maskable-512.png", "512x512", "maskable"),
]

# The static files the offline page and the empty idea form need, fetched when the service worker installs
# so both open with no network at all (the upright faces of dkfds's font are added from its CSS: see
# upright_fonts). Any other static file is kept the first time a page asks for it.
PRECACHED_STATIC = [
    "vendor/dkfds/css/dkfds.min.css",
    "frontloeber/app.css",
    "vendor/htmx/htmx.min.js",
    "frontloeber/app.js",
    "frontloeber/drafts.js",
    "frontloeber/offline-forms.js",
    "frontloeber/shared-device.js",
    "frontloeber/pwa.js",
    "frontloeber/favicon.svg",
    "frontloeber/icons/icon-192.png",
]
DKFDS_CSS = "vendor/dkfds/css/dkfds.min.css"
FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}")
ITALIC = re.compile(r"font-style\s*:\s*italic")
WOFF2 = re.compile(r"""url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)""")


def upright_fonts() -> list[str]:
    """The woff2 files of the font's upright faces, as dkfds's CSS names them: the pages use no italics, and
    each face is some 25 kB more to fetch on a weak line."""
    path = finders.find(DKFDS_CSS)
    return _upright_fonts(path, os.stat(path).st_mtime_ns) if path else []


@functools.lru_cache(maxsize=4)
def _upright_fonts(path: str, modified: int) -> list[str]:
    css = Path(path).read_text(encoding="utf-8")
    folder = posixpath.dirname(DKFDS_CSS)
    return [
        posixpath.normpath(posixpath.join(folder, found.group(1)))
        for face in FONT_FACE.findall(css)
        if not ITALIC.search(face) and (found := WOFF2.search(face))
    ]


# The empty idea form (helper QUEUE's page): precached when it exists.
IDEA_FORM_SHELL_PATH = "/enhed/ny-ide/"


def idea_form_pattern() -> str:
    """A regular expression (for JavaScript as well) matching the path of any workplace's idea form, built
    from the real URL pattern so the two cannot drift apart."""
    marker = "fl-workplace-slug"
    path = reverse("ideas:idea_create", kwargs={"workplace_slug": marker})
    before, after = path.split(marker)
    return "^" + re.escape(before) + "[^/]+" + re.escape(after) + "$"


def static_version() -> str:
    """Changes whenever a deploy changes any static file.

    In production the hashed names' manifest (collectstatic) carries a hash of every file's name and content.
    Elsewhere the files are served from the apps' folders under their plain names, so their names, sizes and
    modification times stand in for it. Listing them takes some 10 ms, and the browser asks for the service
    worker after every page it opens, so the answer is kept for a moment."""
    manifest_hash = getattr(staticfiles_storage, "manifest_hash", "")
    if manifest_hash:
        return manifest_hash
    now = time.monotonic()
    kept = _listed_version.get("value")
    if kept and now - _listed_version["at"] < LISTED_VERSION_SECONDS:
        return kept
    digest = hashlib.sha256()
    for finder in finders.get_finders():
        for path, storage in sorted(finder.list([]), key=lambda found: found[0]):
            try:
                stat = os.stat(storage.path(path))
            except (NotImplementedError, OSError):
                stat = None
            digest.update(f"{path}\0{stat and stat.st_size}\0{stat and stat.st_mtime_ns}\n".encode())
    _listed_version.update(value=digest.hexdigest(), at=now)
    return _listed_version["value"]


LISTED_VERSION_SECONDS = 2
_listed_version: dict = {}


@receiver(setting_changed)
def _forget_listed_version(**kwargs):
    """Tests that point the static files elsewhere see the new version at once."""
    _listed_version.clear()


def precached_pages() -> list[str]:
    pages = [reverse("devices:offline")]
    try:
        resolve(IDEA_FORM_SHELL_PATH)
    except Resolver404:
        pass
    else:
        pages.append(IDEA_FORM_SHELL_PATH)
    return pages


def service_worker_config() -> dict:
    pages = precached_pages()
    precache = pages + [static(name) for name in PRECACHED_STATIC + upright_fonts()]
    version = hashlib.sha256(json.dumps([static_version(), precache]).encode()).hexdigest()[:16]
    return {
        "version": version,
        "precache": precache,
        "offlinePage": pages[0],
        "ideaFormShell": IDEA_FORM_SHELL_PATH if IDEA_FORM_SHELL_PATH in pages else None,
        "ideaForm": idea_form_pattern(),
        "staticPrefix": settings.STATIC_URL,
        "draftsScript": static("frontloeber/drafts.js"),
    }


@login_not_required
@require_GET
def manifest(request):
    """The web app manifest, in the language of the request (the page's <link> sends the language cookie)."""
    data = {
        "id": "/",
        "name": "Frontløber",
        "short_name": "Frontløber",
        "description": _("Your workplace's ideas for doing the core task better, also on the go."),
        "lang": get_language(),
        "dir": "ltr",
        "start_url": reverse("devices:start"),
        "scope": "/",
        "display": "standalone",
        "orientation": "any",
        "background_color": BACKGROUND_COLOUR,
        "theme_color": THEME_COLOUR,
        "icons": [
            {"src": static(name), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for name, sizes, purpose in ICONS
        ],
    }
    response = JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )
    response["Cache-Control"] = "no-cache"
    return response


@login_not_required
@require_GET
def service_worker(request):
    """The service worker, from the site's root so that its scope is the whole site. Never cached by the
    browser's HTTP cache, so a deploy reaches every device on its next visit."""
    config = json.dumps(service_worker_config(), indent=2, sort_keys=True)
    response = HttpResponse(
        render_to_string("devices/sw.js", {"config": config}),
        content_type="application/javascript; charset=utf-8",
    )
    response["Cache-Control"] = "no-cache"
    return response


@require_GET
def start(request):
    """Where the installed app opens: the person's workplace's board when they have one workplace, otherwise
    the list of their workplaces (the site's home page). Signed out, the login comes first."""
    memberships = my_memberships(request)
    if len(memberships) == 1 and not my_admin_organisations(request):
        return redirect("ideas:board", workplace_slug=memberships[0].workplace.slug)
    return redirect("organisations:home")


@login_not_required
@require_GET
def offline(request):
    """What any page shows when the network is gone. The service worker keeps it for every visitor alike, so
    it shows nothing of the person, signed in or not."""
    response = render(
        request,
        "devices/offline.html",
        {"idea_form_shell": IDEA_FORM_SHELL_PATH, "idea_form_pattern": idea_form_pattern()},
    )
    response["Cache-Control"] = "no-cache"
    return response
