"""python -m benchmarks.municipality: build it in the database DATABASE_URL names."""

import os

from . import build

if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "frontloeber.settings")
    django.setup()
    for name, value in build().items():
        print(f"{name:<32} {value:>10,}")
