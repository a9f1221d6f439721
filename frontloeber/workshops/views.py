"""The workshop library's pages. Every member of a workplace reads them; the formats are the same for all."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from frontloeber.core.tenancy import workplace_view

from . import selectors
from .models import PracticeCode


@workplace_view
@require_GET
def library(request):
    practice = request.GET.get("praksis", "")
    if practice not in PracticeCode.values:
        practice = ""
    return render(
        request,
        "workshops/library.html",
        {
            "formats": selectors.format_list(practice=practice or None),
            "practice": practice,
            "practices": PracticeCode.choices,
        },
    )


@workplace_view
@require_GET
def format_detail(request, format_slug):
    workshop = selectors.access_format(slug=format_slug)
    if workshop is None:
        raise Http404(_("No such workshop in the library."))
    return render(request, "workshops/format_detail.html", {"workshop": workshop})
