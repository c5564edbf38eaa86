"""Releases in PDF: the text layer, read with pypdf from bytes, then read as text.

Running headers and footers (a line repeated on most pages) and page counters are dropped first.
A PDF with no text layer (a scan) raises ParseError: it needs OCR, which the monitor does not do.
"""

from __future__ import annotations

import io
import logging
from collections import Counter

from transforms.errors import ParseError
from transforms.model import Release
from transforms.parsing import noise
from transforms.parsing.text import parse_text

MAX_PAGES = 60  # a press release is a few pages; more is a report, read only this far


def pdf_text(body: bytes) -> str:
    """The text layer of a PDF, page by page (pages separated by a blank line)."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency
        raise ParseError(f"cannot read PDF: {exc}") from None
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken PDFs log loudly; we raise instead
    try:
        reader = PdfReader(io.BytesIO(body), strict=False)
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise ParseError("PDF is encrypted") from None
        pages = [(page.extract_text() or "") for page in reader.pages[:MAX_PAGES]]
    except ParseError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError, RecursionError,
            ZeroDivisionError, AssertionError) as exc:
        raise ParseError(f"unreadable PDF ({type(exc).__name__})") from None
    if not any(p.strip() for p in pages):
        raise ParseError("PDF has no text layer")
    text = "\n\n".join(_without_running_lines(pages))
    if not text.strip():
        raise ParseError("PDF has no text layer (only running headers and page numbers)")
    return text


def _without_running_lines(pages: list[str]) -> list[str]:
    """Drop lines that repeat on most pages (running headers/footers) and page counters."""
    split = [[line.rstrip() for line in page.splitlines()] for page in pages]
    running: set[str] = set()
    if len(split) >= 2:
        counts = Counter(line.strip() for page in split for line in set(page) if line.strip())
        running = {line for line, n in counts.items() if n >= max(2, len(split) * 0.6) and len(line) < 120}
    kept = []
    for page in split:
        lines = [line for line in page if line.strip() not in running and not noise.is_page_counter(line)]
        kept.append("\n".join(lines))
    return kept


def parse_pdf(body: bytes, url: str | None = None) -> Release:
    return parse_text(pdf_text(body), url=url, layout="pdf")
