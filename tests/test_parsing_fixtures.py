"""Every fixture page in tests/fixtures/pages/ parses to what its .expected.json says.

A fixture is a document of our own writing (one per page generation, newswire style and format) plus what
must come out of it (title, date and its source, language, layout, sections, About text) and what must not
(datelines, phone numbers, e-mail addresses, page counters, site chrome) outside the contact section.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from transforms.errors import ParseError
from transforms.identity import release_id_for
from transforms.parsing import parse_document

ROOT = Path(__file__).resolve().parents[1]
PAGES = ROOT / "tests" / "fixtures" / "pages"
PROFILE = yaml.safe_load((ROOT / "flows" / "profiles" / "hkstp.yaml").read_text(encoding="utf-8"))
EXPECTATIONS = sorted(PAGES.glob("*.expected.json"))


def _make_pdf_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_pdf", PAGES / "make_pdf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _document_for(expected_path: Path) -> Path:
    stem = expected_path.name.removesuffix(".expected.json")
    matches = [p for p in PAGES.glob(stem + ".*") if not p.name.endswith(".expected.json")]
    assert len(matches) == 1, f"{stem}: expected one document beside its expectations, found {matches}"
    return matches[0]


def test_there_is_a_fixture_for_every_generation_and_format():
    assert len(EXPECTATIONS) >= 12
    suffixes = {_document_for(p).suffix for p in EXPECTATIONS}
    assert {".html", ".pdf", ".txt", ".md"} <= suffixes
    layouts = {json.loads(p.read_text(encoding="utf-8"))["layout"] for p in EXPECTATIONS}
    assert {"press-room", "news-room", "park-life", "events", "newswire", "generic", "pdf", "text"} <= layouts


@pytest.fixture(params=EXPECTATIONS, ids=lambda p: p.name.removesuffix(".expected.json"))
def case(request):
    expected = json.loads(request.param.read_text(encoding="utf-8"))
    document = _document_for(request.param)
    release = parse_document(document.read_bytes(), url=expected.get("url"),
                             content_type=expected.get("content_type"), profile=PROFILE)
    return expected, release


def test_fields(case):
    expected, release = case
    for field in ("title", "subtitle", "category", "language", "layout", "date_source"):
        if field in expected:
            assert getattr(release, field) == expected[field], field
    assert str(release.published_on) == expected["published_on"]


def test_sections(case):
    expected, release = case
    names = {s.name for s in release.sections}
    assert set(expected["sections_present"]) <= names
    assert not set(expected.get("sections_absent", [])) & names
    counts = {name: sum(1 for s in release.sections if s.name == name) for name in names}
    for name, key in (("caption", "caption_count"), ("key_takeaways", "takeaway_count"), ("body", "body_count")):
        if key in expected:
            assert counts.get(name, 0) == expected[key], name
    if "headings" in expected:
        seen = [s.heading for s in release.sections if s.name == "body" and s.heading]
        assert list(dict.fromkeys(seen)) == expected["headings"]
    captions = [s.text for s in release.sections if s.name == "caption"]
    assert len(captions) == len(set(captions)), "a caption came out twice"


def test_about_and_contact(case):
    expected, release = case
    about = " ".join(s.text for s in release.sections if s.name == "about")
    for text in expected.get("about_contains", []):
        assert text in about
    contact = release.section_text("contact")
    for text in expected.get("contact_contains", []):
        assert text in contact


def test_wanted_text_in_and_noise_out(case):
    expected, release = case
    claim_text = "\n".join(s.text for s in release.sections if s.name != "contact")
    for text in expected.get("must", []):
        assert text in claim_text
    for text in expected.get("must_not", []):
        assert text not in claim_text, f"noise {text!r} reached a claim section"


def test_alternates_and_release_id(case):
    expected, release = case
    if "alternates" in expected:
        assert release.alternates == expected["alternates"]
    if "release_id" in expected:
        assert release_id_for(release) == expected["release_id"]


def test_editions_of_one_release_share_the_id():
    en = parse_document((PAGES / "news-room-2023-en.html").read_bytes(),
                        url="https://www.hkstp.org/news-room/hkstp-opens-applications-for-its-summer-internships/",
                        profile=PROFILE)
    zh = parse_document((PAGES / "news-room-2022-zh-hk.html").read_bytes().replace(
        b"hkstp-launches-internship-scheme", b"hkstp-opens-applications-for-its-summer-internships"),
        url="https://www.hkstp.org/zh-hk/news-room/hkstp-opens-applications-for-its-summer-internships/", profile=PROFILE)
    assert (en.language, zh.language) == ("en", "zh-hant")
    assert release_id_for(en) == release_id_for(zh) == "hkstp-opens-applications-for-its-summer-internships"


def test_local_files_without_url_are_recognised_by_markup():
    release = parse_document((PAGES / "park-life-2024-en.html").read_bytes(), url=None, profile=PROFILE)
    assert (release.layout, str(release.published_on)) == ("park-life", "2024-06-21")
    assert release_id_for(release) == "hkstp-welcomes-new-board-members"  # from the hreflang="en" link


def test_without_profile_known_pages_still_parse_generically():
    release = parse_document((PAGES / "news-room-2023-en.html").read_bytes(), profile=None)
    assert release.layout == "generic"
    assert release.title == "HKSTP Opens Applications for Its Summer Internships"
    assert str(release.published_on) == "2023-06-02"


def test_listing_page_is_not_a_release():
    page = b"""<!DOCTYPE html><html><body><ul class="news-list"><li><a href="/news-room/a/">A</a></li></ul>
    <a class="next" href="/news-room/page/2/">Next</a></body></html>"""
    with pytest.raises(ParseError, match="not a release"):
        parse_document(page, url="https://www.hkstp.org/news-room/", profile=PROFILE)


@pytest.mark.parametrize("body, reason", [
    (b"", "empty document"),
    (b"   \n ", "empty document"),
    (b"<!DOCTYPE html><html><body><article class='news-article'><h1 class='news-title'>A title</h1>",
     "truncated"),
    (b"<!DOCTYPE html><html><body><article class='news-article'><p class='news-date'>02 Jun 2023</p>"
     b"<div class='news-content'><p>Text without a title anywhere on this page.</p></div></article></body></html>",
     "no release"),
    (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n", "PDF"),
])
def test_clear_errors(body, reason):
    with pytest.raises(ParseError, match=reason):
        parse_document(body, url="https://www.hkstp.org/news-room/x/", profile=PROFILE)


def test_pdf_without_text_layer():
    build_pdf = _make_pdf_module().build_pdf
    with pytest.raises(ParseError, match="PDF has no text layer"):
        parse_document(build_pdf([[("", 11)], [("", 11)]], chrome=False), content_type="application/pdf")
    with pytest.raises(ParseError, match="PDF has no text layer"):
        parse_document(build_pdf([[("", 11)], [("", 11)]], chrome=True), content_type="application/pdf")


def test_committed_pdf_is_what_the_script_writes():
    build_pdf = _make_pdf_module().build_pdf
    assert (PAGES / "release-2024-en.pdf").read_bytes() == build_pdf()
