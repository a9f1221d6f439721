from django.core.paginator import Paginator

PER_PAGE = 50


def paginate(request, queryset, *, per_page=PER_PAGE):
    """The requested page of a list; a page number off the range or not a number gives the nearest page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("side"))
