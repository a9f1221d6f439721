# Benchmarks share the suite's fast test settings (the root conftest.py).
