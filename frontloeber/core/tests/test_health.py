"""The load balancer's health check: 200 when this node's database and cache answer, 503 otherwise."""

import pytest
from django.urls import reverse

URL = "/healthz/"


def test_the_address_is_the_one_the_load_balancer_is_given():
    assert reverse("core:health") == URL


@pytest.mark.django_db
def test_a_healthy_node_answers_200_without_login_in_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
    assert not response.cookies  # no session is started for a probe


def test_a_node_whose_database_does_not_answer_is_unavailable(client):
    # Without the django_db mark the test database refuses every connection, as a stopped server would.
    response = client.get(URL)
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "failed", "cache": "ok"}


@pytest.mark.django_db
def test_a_node_whose_cache_keeps_nothing_is_unavailable(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    response = client.get(URL)
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "ok", "cache": "failed"}


@pytest.mark.django_db
def test_only_get_is_answered(client):
    assert client.post(URL).status_code == 405
