"""Addresses of a workplace's pages in tests: ``url = workplace_urls("ideas")``, then ``url("board", wp)``."""

from django.urls import reverse


def workplace_urls(namespace):
    def url(name, workplace, **kwargs):
        return reverse(f"{namespace}:{name}", kwargs={"workplace_slug": workplace.slug, **kwargs})

    return url
