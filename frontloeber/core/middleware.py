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
