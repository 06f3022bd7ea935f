"""The report as a tagged, accessible PDF: the HTML report and its print CSS through WeasyPrint.

PDF/UA-1: a structure tree (headings, tables with header cells, lists, figures with the charts'
alt text), the document's language (from `<html lang>`), its title (from `<title>`, shown in the
viewer's title bar) and bookmarks from the headings. The same HTML and print rules as printing
from a browser, so the PDF and a printout agree.

WeasyPrint needs Pango from the system (on Windows: GTK), so it is the optional extra
`naravard[pdf]`; without it `--format pdf` says how to install it and writes nothing. The
renderer fetches nothing: the HTML carries its charts as data: URIs, and any other address is
refused.
"""

from __future__ import annotations

from typing import Any

from naravard.errors import UsageError

PDF_VARIANT = "pdf/ua-1"
MISSING = (
    "PDF kräver WeasyPrint, som inte är installerat{detail}. Installera med "
    "`pip install 'naravard[pdf]'` (WeasyPrint behöver också Pango: se "
    "https://doc.courtbouillon.org/weasyprint/stable/first_steps.html). "
    "HTML-rapporten går också att skriva ut som PDF från webbläsaren."
)


def weasyprint_or_refuse() -> Any:
    """The weasyprint module; UsageError (in Swedish) when WeasyPrint or Pango is missing.

    The report asks before it draws anything: a national report's charts take seconds.
    """
    try:
        import weasyprint
    except ImportError:
        raise UsageError(MISSING.format(detail="")) from None
    except OSError as error:  # WeasyPrint is there, but the system's Pango is not
        raise UsageError(MISSING.format(detail=f" med allt det behöver ({error})")) from None
    return weasyprint


def html_to_pdf(html: str) -> bytes:
    """The HTML report as PDF/UA-1 bytes. UsageError when WeasyPrint or Pango is missing."""
    weasyprint = weasyprint_or_refuse()
    fetcher = weasyprint.URLFetcher(allowed_protocols=("data",))
    document = weasyprint.HTML(string=html, url_fetcher=fetcher, base_url=None)
    return bytes(document.write_pdf(pdf_variant=PDF_VARIANT))
