"""Backup and restore drill on the municipality's database (issue 16): ``make bench-restore``.

1. ``pg_dump`` the database DATABASE_URL names (custom format, compressed) into var/, timed, its size shown;
2. ``pg_restore`` it into a new, empty database with two jobs, timed;
3. check the copy: every table holds as many rows as the original, no migration is missing, and the product
   serves every key page from it (``benchmarks.pages`` run against the copy, each page answered 200);
4. drop the copy (BENCH_KEEP_RESTORED=1 keeps it) and the dump file.

The same commands restore a production backup; README, Scaling, gives them.
"""

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent


def run(*command, env=None):
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, env=env)  # noqa: S603 — PostgreSQL's own tools
    return time.perf_counter() - started


def row_counts(url):
    import psycopg

    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
        tables = [name for (name,) in cursor.fetchall()]
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 — names from the catalogue
            counts[table] = cursor.fetchone()[0]
    return counts


def main():
    source = os.environ["DATABASE_URL"]
    parts = urlsplit(source)
    name = parts.path.lstrip("/")
    copy_name = f"{name}_restored"
    copy = urlunsplit(parts._replace(path=f"/{copy_name}"))
    admin = urlunsplit(parts._replace(path="/postgres"))
    dump = ROOT / "var" / f"{name}.dump"
    dump.parent.mkdir(exist_ok=True)

    seconds = run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"--dbname={source}")
    print(f"pg_dump: {seconds:.1f} s, {dump.stat().st_size / 1e6:,.0f} MB ({dump})")
    run("psql", "-q", admin, "-c", f'DROP DATABASE IF EXISTS "{copy_name}" WITH (FORCE)')
    run("psql", "-q", admin, "-c", f'CREATE DATABASE "{copy_name}"')
    seconds = run("pg_restore", "--no-owner", "--jobs=2", "--exit-on-error", f"--dbname={copy}", str(dump))
    print(f"pg_restore into {copy_name}: {seconds:.1f} s")
    try:
        original, restored = row_counts(source), row_counts(copy)
        differ = {t: (original.get(t), restored.get(t)) for t in original.keys() | restored.keys()}
        differ = {t: pair for t, pair in differ.items() if pair[0] != pair[1]}
        assert not differ, f"tables whose rows differ (original, copy): {differ}"
        print(f"the copy holds the same {sum(restored.values()):,} rows in {len(restored)} tables")
        env = {**os.environ, "DATABASE_URL": copy, "BENCH_RUNS": "1"}
        run(sys.executable, "manage.py", "migrate", "--check", env=env)
        print("no migration is missing; the key pages served from the copy:")
        run(sys.executable, "-m", "benchmarks.pages", env=env)
    finally:
        if not os.environ.get("BENCH_KEEP_RESTORED"):
            run("psql", "-q", admin, "-c", f'DROP DATABASE IF EXISTS "{copy_name}" WITH (FORCE)')
        dump.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
