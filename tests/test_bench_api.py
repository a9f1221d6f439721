"""The API's part of ``make bench-pages`` (benchmarks/api.py): it times every list of the schema, its requests
all answer (run here on a small organisation whose first workplace stands in for the municipality's busiest),
and it names each target missed with its figure."""

import pytest

from benchmarks import api as bench
from benchmarks import pages
from benchmarks.municipality import BUSY_SLUG
from tests.api_world import make_organisation

pytestmark = pytest.mark.django_db


def test_every_list_of_the_schema_is_timed():
    found = bench.lists()
    assert {"/api/v1/ideas", "/api/v1/workplaces", "/api/v1/deletions"} <= set(found)
    assert "/api/v1/token" not in found and not [path for path in found if "{" in path]


def test_the_benchmark_runs_on_a_small_organisation(monkeypatch, capsys):
    org = make_organisation(2)
    busy = org.places[0].workplace
    busy.slug = BUSY_SLUG
    busy.save()
    monkeypatch.setattr(pages, "RUNS", 1)
    monkeypatch.setattr(bench, "FEED_RUNS", 1)
    monkeypatch.setattr(bench, "DEEP_ROWS", 4)
    monkeypatch.setattr(bench, "WALK_LIMIT", 2)
    bench.main()  # its targets are for the municipality: met or missed here says nothing
    table = capsys.readouterr().out
    for path in bench.lists():
        assert f"api {path.removeprefix('/api/v1/')}, first page" in table
    assert "api ideas, after " in table  # a cursor walked to
    assert "api feed ideas.csv, every row" in table


def test_the_lists_of_figures_are_those_tagged_so():
    assert set(bench.figure_lists()) == {
        "/api/v1/indicators",
        "/api/v1/skills-coverage",
        "/api/v1/survey-rounds",
    }


def test_each_target_missed_is_named_with_its_figure():
    figures = ["indicators"]
    assert bench.missed_targets([("api ideas, first page", 0.0123)], [("api feed", 12.0)], figures) == []
    assert bench.missed_targets([("api indicators, first page", 0.120)], [], figures) == []
    assert bench.missed_targets(
        [("api ideas, first page", 0.0612), ("api indicators, first page", 0.1601)],
        [("api feed ideas.csv", 75.0)],
        figures,
    ) == [
        "api ideas, first page: 61.2 ms > 50 ms",
        "api indicators, first page: 160.1 ms > 150 ms",
        "api feed ideas.csv: 75.0 s > 60 s",
    ]
