from django.contrib.auth.decorators import login_not_required
from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import registry
from .health import health_report


@login_not_required
@require_GET
def accessibility(request):
    return render(request, "core/accessibility.html")


@login_not_required
@require_GET
def privacy(request):
    context = {}
    for part in registry.privacy_page:
        context.update(part(request))
    return render(request, "core/privacy.html", context)


@login_not_required
@never_cache
@require_GET
def health(request):
    """For the load balancer: 200 when the database and the cache answer, otherwise 503; no login, and
    nothing in the answer but which of the two failed."""
    report = health_report()
    healthy = all(report.values())
    return JsonResponse(
        {
            "status": "ok" if healthy else "unavailable",
            **{k: "ok" if v else "failed" for k, v in report.items()},
        },
        status=200 if healthy else 503,
    )


def _error(request, status, template):
    return render(request, template, status=status)


@login_not_required
def bad_request(request, exception=None):
    return _error(request, 400, "core/errors/400.html")


@login_not_required
def csrf_failure(request, reason=""):
    """A form sent from an old page or after the session ended: say what to do, in the site's own layout."""
    return render(request, "core/errors/csrf.html", status=403)


@login_not_required
def permission_denied(request, exception=None):
    message = str(exception) if exception and str(exception) else ""
    return render(request, "core/errors/403.html", {"message": message}, status=403)


@login_not_required
def page_not_found(request, exception=None):
    return _error(request, 404, "core/errors/404.html")


@login_not_required
def server_error(request):
    return _error(request, 500, "core/errors/500.html")
