#!/usr/bin/env python3
"""Refresh the front-end packages vendored under frontloeber/static/vendor from the npm registry.

Installing Frontløber then needs pip alone. Run it with the versions to move to, for example
`python scripts/vendor_static.py --dkfds 11.2.0 --htmx 2.0.11`, look at the pages, and commit the result.
Only the built files are kept, and of dkfds' fonts and images only those its CSS refers to.

The web fonts are cut down for a phone on a weak line (issue 21, point 5): dkfds' "complete" IBM Plex
Sans holds Cyrillic, Greek and Vietnamese too (56 KB a weight as woff2), and its regular weight names the
older woff (79 KB) before woff2, so browsers took that. Each @font-face now names one woff2 file subset
to the Latin letters Danish text and most colleagues' names use (`WEB_FONT_UNICODES`: Latin-1, Latin
Extended-A, the usual punctuation; about 22 KB a weight), with that `unicode-range`; any other letter is
drawn by the system's font. The PDFs (WeasyPrint) keep embedding the complete woff files, vendored for
them.
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
# Google Fonts' "latin" range plus Latin Extended-A (ą, č, ł, ő, ş …: names from the rest of Europe).
WEB_FONT_UNICODES = (
    "U+0000-00FF,U+0100-017F,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+2074,"
    "U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"
)
FONT_FACE = re.compile(r"@font-face\{(?P<body>[^}]*font-family:IBM Plex Sans;[^}]*)\}")
COMPLETE_WOFF2 = re.compile(r"url\(\.\./fonts/IBMPlexSans/complete/woff2/(?P<name>[\w-]+)\.woff2\)")


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
        css = re.sub(r"/\*# sourceMappingURL=.*?\*/", "", (dist / "css" / "dkfds.min.css").read_text())
        css = _latin_web_fonts(css, dist, target)
        (target / "css" / "dkfds.min.css").write_text(css)
        js = (dist / "js" / "dkfds.min.js").read_text()
        (target / "js" / "dkfds.min.js").write_text(re.sub(r"//# sourceMappingURL=.*", "", js))
        for ref in sorted(set(re.findall(r"url\(['\"]?\.\./([^)'\"?#]+)", css))):
            source = dist / ref
            if source.exists():
                (target / ref).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / ref)
        shutil.copy2(dist / "img" / "all-svg-icons.svg", target / "img" / "all-svg-icons.svg")
        # The PDFs' fonts (core/pdf.py): every glyph, since a PDF is read where no system font stands in.
        pdf_fonts = target / "fonts" / "IBMPlexSans" / "complete" / "woff"
        pdf_fonts.mkdir(parents=True, exist_ok=True)
        for name in ("IBMPlexSans-Regular.woff", "IBMPlexSans-SemiBold.woff", "license.txt"):
            shutil.copy2(dist / "fonts" / "IBMPlexSans" / "complete" / "woff" / name, pdf_fonts / name)
        shutil.copy2(dist / "LICENSE.md", target / "LICENSE.md")
        (target / "VERSION").write_text(version + "\n")


def _latin_web_fonts(css: str, dist: Path, target: Path) -> str:
    """Each IBM Plex Sans @font-face rewritten to one Latin-subset woff2 (see the module's docstring)."""
    from fontTools import subset  # WeasyPrint's dependency, so in the project's environment already

    out = target / "fonts" / "IBMPlexSans" / "latin"
    out.mkdir(parents=True, exist_ok=True)

    def rewrite(match: re.Match) -> str:
        body = match.group("body")
        name = COMPLETE_WOFF2.search(body).group("name")
        subset.main(
            [
                str(dist / "fonts" / "IBMPlexSans" / "complete" / "woff2" / f"{name}.woff2"),
                f"--unicodes={WEB_FONT_UNICODES}",
                "--layout-features=*",
                "--flavor=woff2",
                f"--output-file={out / f'{name}.woff2'}",
            ]
        )
        descriptors = [part for part in body.split(";") if not part.startswith("src:")]
        source = f'src:url(../fonts/IBMPlexSans/latin/{name}.woff2) format("woff2")'
        return "@font-face{" + ";".join([*descriptors, source, f"unicode-range:{WEB_FONT_UNICODES}"]) + "}"

    return FONT_FACE.sub(rewrite, css)


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
