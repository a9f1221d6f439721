from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class DanishFirstLocaleMiddleware(LocaleMiddleware):
    """Danish unless the person has chosen English with the language switch.

    Django's own middleware follows the browser's Accept-Language, which would give English to the many
    Danish public employees whose work computers are set up in English.
    """

    def process_request(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()


class MethodNotAllowedPageMiddleware:
    """Django answers a wrong method (a GET to a form's address, after a reload or a language switch) with an
    empty 405; show a page that says what happened instead."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 405 and not response.content and not getattr(request, "htmx", False):
            from django.shortcuts import render

            page = render(request, "core/errors/405.html", status=405)
            page["Allow"] = response.get("Allow", "")
            return page
        return response


NUL = "\x00"


def _carries_nul(request):
    if NUL in request.path:
        return True
    fields = [request.GET]
    if request.method not in ("GET", "HEAD", "OPTIONS"):
        fields.append(request.POST)  # form fields only: an uploaded picture's bytes may hold NUL
    return any(
        NUL in key or any(NUL in value for value in values) for data in fields for key, values in data.lists()
    )


class RefuseNulMiddleware:
    """Refuse any request whose address, query string or form fields hold a NUL character: 400 with a page
    that says what was wrong, and nothing searched or saved.

    No person types NUL; it comes from pasting out of other programs or from probing. PostgreSQL cannot
    store it, nor compare text with it, so a search for it ended in a 500. Refusing it here, before any view,
    covers every search box, filter and form at once. (Services also drop other control characters from
    people's text: core/text.py.) It runs as ``process_view``, after the CSRF and login checks.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if _carries_nul(request):
            # A view that answers programs says it in its own shape (the API: a problem detail).
            refuse = getattr(view_func, "refuse_nul", None)
            if refuse is not None:
                return refuse(request)
            if "application/json" in request.headers.get("Accept", ""):
                # A device's queue of drafts (issue 21) keeps the reason beside the draft it could not send.
                from django.http import JsonResponse
                from django.utils.translation import gettext as _

                message = _(
                    "What you sent held a NUL character: an invisible control character that sometimes comes "
                    "along when text is copied from another program. Nothing was searched or saved."
                )
                return JsonResponse({"message": message, "errors": {}}, status=400)
            from django.shortcuts import render

            return render(request, "core/errors/nul.html", status=400)
        return None
