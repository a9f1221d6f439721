"""Running service calls at the same moment, for the tests that check nothing is lost or counted twice.

On PostgreSQL each call runs in its own thread with its own connection, all released together by a barrier;
SQLite takes one writer at a time, so there the same calls run one after another.
"""

import threading

from django.core.exceptions import ValidationError
from django.db import connection, connections


def run_together(calls):
    """Each call in its own thread, all released at once; returns what each returned or raised."""
    if connection.vendor != "postgresql":
        return [_outcome(call) for call in calls]
    start = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def worker(index, call):
        try:
            start.wait()
            results[index] = _outcome(call)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _outcome(call):
    try:
        return call()
    except ValidationError as error:
        return error
