"""`make bench` ends with issue 16's targets, met or missed: what it names is what a reader acts on."""

from benchmarks.load import missed_targets

FAST_PAGE = ("idea board", 0.0149, 0.043, 0)
MORNING_PAGE = ("idea board", 0.220, 0)


def test_a_run_within_every_target_misses_nothing():
    assert missed_targets([FAST_PAGE], [MORNING_PAGE], [97.0, 98.0]) == []


def test_each_target_missed_is_named_with_its_figure():
    missed = missed_targets(
        [("board search, a common word", 0.0241, 0.027, 0), ("skills map", 0.0150, 0.040, 2)],
        [("board search", 0.262, 0), ("idea page", 0.190, 1)],
        [97.0, 312.0],
    )
    assert missed == [
        "board search, a common word: in-process 24.1 ms > 20 ms",
        "board search, a common word: 2.7 % of the one-line view < 3 %",
        "skills map: 2 errors",
        "board search in the morning: p95 262 ms > 250 ms",
        "idea page in the morning: 1 error",
        "a worker: 312 MB > 300 MB",
    ]


def test_the_apis_requests_have_their_own_targets():
    api = [
        ("api ideas, first page", 0.0301, 0.013, 0, 50),
        ("api indicators, first page", 0.160, 0.003, 1, 150),
    ]
    assert missed_targets([FAST_PAGE], [MORNING_PAGE], [97.0], api) == [
        "api indicators, first page: in-process 160.0 ms > 150 ms",
        "api indicators, first page: 0.3 % of the one-line view < 0.4 %",
        "api indicators, first page: 1 error",
    ]
