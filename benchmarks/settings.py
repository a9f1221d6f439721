"""Settings for the load benchmark (benchmarks/load.py): the product's own, plus a one-line view to compare
every page with. Production defaults come from FRONTLOEBER_ENV=production, which the benchmark sets."""

from frontloeber.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"
