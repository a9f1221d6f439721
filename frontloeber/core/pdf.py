"""HTML to PDF with WeasyPrint, for reports handed to a MED committee or a leader group.

The page's HTML is the product's own template; WeasyPrint may read only the vendored font files (no network,
no other file), so a user's text can never make it fetch anything.
"""

import logging
from pathlib import Path

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify

logger = logging.getLogger(__name__)
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


class PdfUnavailable(Exception):
    """WeasyPrint cannot load here: Pango, which it draws text with, is missing (apt-get install
    libpango-1.0-0 libpangoft2-1.0-0)."""


def render_pdf(template, context, request=None) -> bytes:
    try:
        from weasyprint import HTML
    except OSError as error:
        raise PdfUnavailable(str(error)) from error

    html = render_to_string(template, {**context, "pdf_font_dir": FONT_DIR.as_uri()}, request=request)
    # PDF/UA: tagged (headings, paragraphs, tables and lists as structure a screen reader follows), with the
    # document's language from <html lang> and its title from <title>, shown as the window's title.
    document = HTML(string=html, url_fetcher=_fetcher(), base_url=FONT_DIR.as_uri() + "/")
    return document.write_pdf(pdf_variant="pdf/ua-1")


def pdf_response(template, context, *, filename, request=None) -> HttpResponse:
    """The PDF as a download named ``filename`` (without ".pdf"), made safe for a file name."""
    try:
        content = render_pdf(template, context, request=request)
    except PdfUnavailable:
        logger.exception("PDF rendering is not available on this server")
        return render(request, "core/errors/pdf_unavailable.html", status=503)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{slugify(filename) or "rapport"}.pdf"'
    return response
