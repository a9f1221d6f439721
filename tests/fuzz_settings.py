"""Settings of the server the API's fuzz test (tests/test_api_fuzz.py) runs: the product's development
settings with DEBUG off, with two differences the test needs and that are not what it is about.

- The per-token rate limit is out of reach: the fuzz sends hundreds of requests a minute with one token, and
  every one of them should reach the endpoint (a 429 would conform to the schema, and test nothing).
- The cache is the process's own memory (the server is one process), so no request writes a cache row.
"""

from frontloeber.settings import *  # noqa: F403

API_RATE_PER_MINUTE = 1_000_000
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
