"""The one rule of every ``access_*`` selector: a row of this tenant, or 404.

A missing id and another workplace's (or organisation's) id answer alike, so an address tells nobody what
exists elsewhere. Selectors that may find nothing as a normal outcome (a join code typed wrong, a post
chosen to merge into) are named ``*_find`` and return None instead.
"""

from django.http import Http404


def one_or_404(queryset, message=None):
    """The first row of ``queryset`` (filtered to one tenant and one id), else ``Http404(message)``."""
    found = queryset.first()
    if found is None:
        raise Http404(message)
    return found
