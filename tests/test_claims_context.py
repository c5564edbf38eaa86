"""A claim keeps a bounded context: one paragraph of thousands of numbers costs output linear in the numbers."""

import json

from transforms.claims import CONTEXT_CHARS, extract_claims
from transforms.sentences import split_sentences


def _paragraph(n: int) -> str:
    return "Over " + ", ".join(str(i) for i in range(n)) + ", companies joined the programme."


def _json_bytes(claims) -> int:
    return len(json.dumps([c.to_json() for c in claims], ensure_ascii=False).encode())


def test_output_per_claim_stays_bounded_as_the_paragraph_grows():
    small, large = extract_claims(_paragraph(500), "en"), extract_claims(_paragraph(4000), "en")
    assert [c.value for c in large[:3]] == [0, 1, 2] and len(large) == 4000 and large[0].qualifier == "over"
    per_small, per_large = _json_bytes(small) / len(small), _json_bytes(large) / len(large)
    assert per_large <= per_small * 1.2 and per_large < 400, (per_small, per_large)
    assert max(len(c.sentence) for c in large) <= CONTEXT_CHARS + 2


def test_a_short_sentence_is_kept_whole_and_a_long_one_as_the_clause_around_the_figure():
    short = "HKSTP now hosts over 1,800 technology companies."
    assert extract_claims(short, "en")[0].sentence == short
    filler = "The park, which opened its doors to tenants long ago, keeps growing, " * 6
    long = filler + "and it now hosts over 1,800 technology companies, the company said."
    c = next(c for c in extract_claims(long, "en") if c.value == 1800)
    assert len(long) > CONTEXT_CHARS and len(c.sentence) <= CONTEXT_CHARS + 2
    assert "over 1,800 technology companies" in c.sentence
    assert c.sentence[c.start:].startswith(c.text)


def test_sentence_splitting_of_a_huge_paragraph_keeps_every_number():
    text = _paragraph(20000)
    sentences = split_sentences(text)
    assert len(sentences) == 1 and sentences[0].endswith("programme.")
