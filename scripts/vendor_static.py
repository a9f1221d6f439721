#!/usr/bin/env python3
"""Refresh the front-end packages vendored under frontloeber/static/vendor from the npm registry.

Installing Frontløber then needs pip alone. Run it with the versions to move to, for example
`python scripts/vendor_static.py --dkfds 11.2.0 --htmx 2.0.11`, look at the pages, and commit the result.
Only the built files are kept, and of dkfds' fonts and images only those its CSS refers to.
"""

import argparse
import re
import shutil
import subprocess
import tarfile
import tempfile
from pathlib import Path

VENDOR = Path(__file__).resolve().parent.parent / "frontloeber" / "static" / "vendor"
DEFAULT_DKFDS = "11.2.0"
DEFAULT_HTMX = "2.0.11"


def npm_unpack(spec: str, into: Path) -> Path:
    out = (
        subprocess.run(
            ["npm", "pack", spec, "--silent", "--pack-destination", str(into)],
            check=True,
            capture_output=True,
            text=True,
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    with tarfile.open(into / out) as archive:
        archive.extractall(into, filter="data")
    return into / "package"


def vendor_dkfds(version: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        dist = npm_unpack(f"dkfds@{version}", Path(tmp)) / "dist"
        target = VENDOR / "dkfds"
        shutil.rmtree(target, ignore_errors=True)
        (target / "css").mkdir(parents=True)
        (target / "js").mkdir(parents=True)
        css = (dist / "css" / "dkfds.min.css").read_text()
        (target / "css" / "dkfds.min.css").write_text(re.sub(r"/\*# sourceMappingURL=.*?\*/", "", css))
        js = (dist / "js" / "dkfds.min.js").read_text()
        (target / "js" / "dkfds.min.js").write_text(re.sub(r"//# sourceMappingURL=.*", "", js))
        for ref in sorted(set(re.findall(r"url\(['\"]?\.\./([^)'\"?#]+)", css))):
            source = dist / ref
            if source.exists():
                (target / ref).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / ref)
        shutil.copy2(dist / "img" / "all-svg-icons.svg", target / "img" / "all-svg-icons.svg")
        shutil.copy2(dist / "LICENSE.md", target / "LICENSE.md")
        (target / "VERSION").write_text(version + "\n")


def vendor_htmx(version: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        package = npm_unpack(f"htmx.org@{version}", Path(tmp))
        target = VENDOR / "htmx"
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        shutil.copy2(package / "dist" / "htmx.min.js", target / "htmx.min.js")
        shutil.copy2(package / "LICENSE", target / "LICENSE")
        (target / "VERSION").write_text(version + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dkfds", default=DEFAULT_DKFDS)
    parser.add_argument("--htmx", default=DEFAULT_HTMX)
    args = parser.parse_args()
    vendor_dkfds(args.dkfds)
    vendor_htmx(args.htmx)
    print(f"Vendored dkfds {args.dkfds} and htmx {args.htmx} into {VENDOR}")


if __name__ == "__main__":
    main()
