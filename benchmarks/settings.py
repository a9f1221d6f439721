"""Settings for the load benchmark (benchmarks/load.py): the product's own, plus a one-line view to compare
every page with. Production defaults come from FRONTLOEBER_ENV=production, which the benchmark sets."""

from frontloeber.settings import *  # noqa: F403

ROOT_URLCONF = "benchmarks.urls"

# The API's requests under load come from one token each, far faster than a real client sends them: the rate
# limit still counts every request (its cost is measured), it only does not refuse them.
API_RATE_PER_MINUTE = 10**9
