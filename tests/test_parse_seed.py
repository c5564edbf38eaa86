"""The seed release (a PDF converted to Markdown-ish text) parses to what a reader of it sees."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from transforms.identity import release_id_for
from transforms.parsing import parse_document

SEED = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_56b2bdc39c0ecc4e.txt"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")  # not "Health@InnoHK", which is a name
PHONE = re.compile(r"\+852|\b\d{4} \d{4}\b")


@pytest.fixture(scope="module")
def seed():
    if not SEED.exists():
        pytest.skip(f"seed release not found at {SEED} (../shared is absent)")
    return parse_document(SEED.read_bytes(), url=None, content_type="text/plain")


def test_title_date_language(seed):
    assert seed.title == ("HKSTP Welcomes 2024 Budget Boosting the I&T Sector for Economic Growth "
                          "and High Quality Development")
    assert seed.subtitle == "Seizing opportunities to attract global enterprises and talent for a sustainable future"
    assert seed.published_on == date(2024, 2, 28)
    assert seed.date_source == "dateline"
    assert seed.language == "en"
    assert seed.layout == "text"
    assert release_id_for(seed).startswith("hkstp-welcomes-2024-budget")


def test_about_block(seed):
    about = [s for s in seed.sections if s.name == "about"]
    assert about[0].heading == "About Hong Kong Science and Technology Parks Corporation"
    assert about[0].text.startswith("Hong Kong Science and Technology Parks Corporation (HKSTP) was established in 2001")
    text = " ".join(s.text for s in about)
    assert ("supporting over 10 unicorns with more than 13,000 research professionals and around 1,700 technology "
            "companies from 26 countries and regions") in text
    # The paragraph after the page break still belongs to the About block, without the page counter.
    assert "Through our infrastructure, services, expertise, and network of partnerships" in text


def test_each_caption_once(seed):
    captions = [s.text for s in seed.sections if s.name == "caption"]
    assert [c.split(":")[0] for c in captions] == ["Photo 1", "Photo 2", "Photo 3", "Photo 4"]
    assert len(set(captions)) == len(captions)
    body = seed.section_text("body")
    assert "Photo 1" not in body


def test_noise_only_in_contact(seed):
    for section in seed.sections:
        if section.name == "contact":
            continue
        assert "Page 6 of 6" not in section.text
        assert not PHONE.search(section.text), section.text
        assert not EMAIL.search(section.text), section.text
    contact = seed.section_text("contact")
    assert "Angela Wan" in contact and "+852 2629 2329" in contact
    assert any("Health@InnoHK" in s.text for s in seed.sections if s.name == "body")


def test_body_paragraphs_and_subheads(seed):
    body = [s for s in seed.sections if s.name == "body"]
    assert body[0].text.startswith("Hong Kong Science and Technology Parks Corporation (HKSTP) welcomes the 2024-25 Budget")
    headings = list(dict.fromkeys(s.heading for s in body if s.heading))
    assert headings == [
        "Multi-pronged approach to attract enterprises and talent to Hong Kong",
        "Supporting new industrialisation to develop industries with high value-add and high-growth potential",
        "Promoting green tech for a sustainable future",
        "I&T investment to support the growth of I&T ventures",
        "Conclusion",
    ]
    # The paragraph cut by the PDF page break is one paragraph again; escaped dollars are plain.
    assert any("designated industries to achieve advanced manufacturing status" in s.text for s in body)
    assert any("HK$1 billion" in s.text and "HK$19" in s.text for s in body)
