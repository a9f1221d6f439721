"""Running service calls at the same moment, for the tests that check nothing is lost or counted twice.

On PostgreSQL each call runs in its own thread with its own connection, all released together by a barrier;
SQLite takes one writer at a time, so there the same calls run one after another.

``interleave`` runs two transactions in one exact order, for the tests that check row locks cannot deadlock
(PostgreSQL only).
"""

import threading

from django.core.exceptions import ValidationError
from django.db import connection, connections, transaction


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


# --- Two transactions interleaved in a given order (PostgreSQL's row locks) ---------------------------------

WAIT = 10  # seconds: the bound on every wait, in Python and in PostgreSQL; never reached when all is well
POLL = 0.05  # seconds between A's looks at whether B waits for it (while waiting on B's "done" event)


def key_share(table, pk):
    """The lock PostgreSQL's foreign-key check takes on the row a new row refers to."""
    return (table, pk, "KEY SHARE")


def _bounded(cursor):
    """Neither transaction may wait for ever, whatever the code under test does."""
    cursor.execute(f"SET LOCAL lock_timeout = '{WAIT}s'")
    cursor.execute(f"SET LOCAL statement_timeout = '{2 * WAIT}s'")


def interleave(*, holds, write, service):
    """Two transactions, each in its own thread and connection, in exactly this order:

    1. A takes the row locks ``holds`` ((table, id, strength) each: what A's own first step takes);
    2. B runs ``service`` until it has finished, or until it waits for A;
    3. A runs ``write``; each transaction then commits (or rolls back on an error).

    Events, not timing, hold the order; every wait is bounded. Returns (A's, B's) outcome: what each
    returned, or the exception it raised. PostgreSQL only."""
    outcomes = {}
    b_pid = []
    a_holds, b_started, b_done = threading.Event(), threading.Event(), threading.Event()

    def run(name, body):
        try:
            outcomes[name] = body()
        except Exception as error:  # noqa: BLE001 - the test reports whatever either side raised
            outcomes[name] = error
        finally:
            connections.close_all()

    def a():
        with transaction.atomic(), connection.cursor() as cursor:
            _bounded(cursor)
            cursor.execute("SELECT pg_backend_pid()")
            a_pid = cursor.fetchone()[0]
            for table, pk, strength in holds:
                cursor.execute(f"SELECT 1 FROM {table} WHERE id = %s FOR {strength}", [pk])  # noqa: S608
            a_holds.set()
            assert b_started.wait(WAIT), "B did not start"
            # Go on once B has finished, or once B waits for this transaction.
            polls = WAIT / POLL
            while not b_done.wait(POLL):
                cursor.execute("SELECT %s = ANY(pg_blocking_pids(%s))", [a_pid, b_pid[0]])
                if cursor.fetchone()[0]:
                    break
                polls -= 1
                assert polls > 0, "B neither finished nor waited for A"
            return write()

    def b():
        try:
            assert a_holds.wait(WAIT), "A did not take its locks"
            with transaction.atomic():
                with connection.cursor() as cursor:
                    _bounded(cursor)
                    # Read in the transaction: behind PgBouncer in transaction pooling mode, each transaction
                    # may be served by another PostgreSQL process.
                    cursor.execute("SELECT pg_backend_pid()")
                    b_pid.append(cursor.fetchone()[0])
                b_started.set()
                return service()
        finally:
            b_done.set()  # before b_started: A, woken by b_started, then never looks for a pid B never read
            b_started.set()

    threads = [
        threading.Thread(target=run, args=("a", a), daemon=True),
        threading.Thread(target=run, args=("b", b), daemon=True),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(3 * WAIT)
    assert not any(thread.is_alive() for thread in threads), "the two transactions did not finish"
    return outcomes["a"], outcomes["b"]


def succeeded(outcome):
    """The outcome, after checking it is not an exception (whose text the failure shows)."""
    assert not isinstance(outcome, BaseException), f"{type(outcome).__name__}: {outcome}"
    return outcome
