#!/usr/bin/env python3
"""Compile locale/*/LC_MESSAGES/*.po to .mo with polib, so no gettext system package is needed.

The compiled files are committed: `make demo` on a fresh machine has the translations at once.
"""

from pathlib import Path

import polib

LOCALE = Path(__file__).resolve().parent.parent / "locale"


def main() -> None:
    for po_path in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po = polib.pofile(str(po_path))
        po.save_as_mofile(str(po_path.with_suffix(".mo")))
        print(f"{po_path.relative_to(LOCALE.parent)}: {po.percent_translated()}% translated")


if __name__ == "__main__":
    main()
