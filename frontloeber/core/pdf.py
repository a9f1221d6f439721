"""HTML to PDF with WeasyPrint, for reports handed to a MED committee or a leader group.

The page's HTML is the product's own template; WeasyPrint may read only the vendored font files (no network,
no other file), so a user's text can never make it fetch anything.
"""

from pathlib import Path

from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

FONT_DIR = Path(__file__).resolve().parent.parent / "static" / "vendor" / "dkfds" / "fonts" / "IBMPlexSans"


def _fetcher():
    from weasyprint.urls import URLFetcher

    class FontsOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                path = Path(url.removeprefix("file://").split("?")[0]).resolve()
                if path.is_relative_to(FONT_DIR):
                    return super().fetch(url, headers)
            raise ValueError("Only the vendored fonts may be read when rendering a PDF.")

    return FontsOnly(allowed_protocols={"file"}, allow_redirects=False)


def render_pdf(template, context, request=None) -> bytes:
    from weasyprint import HTML

    html = render_to_string(template, {**context, "pdf_font_dir": FONT_DIR.as_uri()}, request=request)
    return HTML(string=html, url_fetcher=_fetcher(), base_url=FONT_DIR.as_uri() + "/").write_pdf()


def pdf_response(template, context, *, filename, request=None) -> HttpResponse:
    response = HttpResponse(render_pdf(template, context, request=request), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "rapport"}.pdf"'
    return response
