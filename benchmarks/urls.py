"""The product's addresses plus ``/bench/hello/``: the cheapest answer Django can give through the same
middleware, the yardstick for each page's throughput."""

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from frontloeber.urls import urlpatterns as product_urlpatterns


@login_not_required
def hello(request):
    return HttpResponse("hello")


urlpatterns = [path("bench/hello/", hello), *product_urlpatterns]

handler400 = "frontloeber.core.views.bad_request"
handler403 = "frontloeber.core.views.permission_denied"
handler404 = "frontloeber.core.views.page_not_found"
handler500 = "frontloeber.core.views.server_error"
