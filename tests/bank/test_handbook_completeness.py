"""The bundled handbook bank must hold the handbook's questions, all of them, word for word.

The expected questions are extracted here from ``tests/data/handbook_questions.txt``, a verbatim
copy of the handbook's section "Questions on strengths and signatures of risk" with the balcony
and plenary lists, never from the bank itself. A dropped, duplicated, reworded or invented
question, or a follow-up attached to the wrong lead question, makes these tests fail.

Splitting rules (the plain-text handbook lost the grey text that marked follow-ups):

* each bullet (``·``) is split into questions at question marks and at the word "OR" that
  introduces an alternative question; the first question is the lead, the rest its follow-ups;
* an unbulleted question line (the political climate's opening question) is a lead question;
* a bracketed remark after a question, such as "(Pay attention to the choice of words)", stays
  with that question.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
BANK_PATH = ROOT / "question_bank" / "data" / "handbook.toml"
EXCERPT_PATH = ROOT / "tests" / "data" / "handbook_questions.txt"

SECTION_TITLE = "Questions on strengths and signatures of risk"

# (heading in the handbook, theme id, theme title in the bank, section), in handbook order.
THEMES: list[tuple[str, str, str, str]] = [
    ("Strengths", "strengths", "Strengths", "signatures"),
    ("The political climate", "political-climate", "The political climate", "signatures"),
    ("Corporate support", "corporate-support", "Corporate support", "signatures"),
    ("Meaningful indicators", "meaningful-indicators", "Meaningful indicators", "signatures"),
    (
        "Turnover in senior leadership",
        "leadership-turnover",
        "Turnover in senior leadership",
        "signatures",
    ),
    ("Service reorganisation", "service-reorganisation", "Service reorganisation", "signatures"),
    ("Budget", "budget", "Budget", "signatures"),
    ("Performance", "performance", "Performance", "signatures"),
    ("Leading with others", "leading-with-others", "Leading with others", "signatures"),
    ("Workforce", "workforce", "Workforce", "signatures"),
    ("Learning culture", "learning-culture", "Learning culture", "signatures"),
    ("Practice leadership", "practice-leadership", "Practice leadership", "signatures"),
    ("Challenge and feedback", "challenge-and-feedback", "Challenge and feedback", "signatures"),
    (
        "Questions you can ask yourself when you are on the balcony",
        "balcony",
        "Questions on the balcony",
        "balcony",
    ),
    ("Plenary", "plenary", "Plenary questions", "plenary"),
]
THEME_IDS = [theme_id for _, theme_id, _, _ in THEMES]

# Obvious typos corrected in the bank: (question id, handbook words, corrected words).
CORRECTIONS: list[tuple[str, str, str]] = [
    ("political-climate-09", "he she", "he or she"),
    ("political-climate-10", "on political decisions", "on political decisions?"),
    ("practice-leadership-02", "form 0 to 10", "from 0 to 10"),
    ("challenge-and-feedback-01", "om the service", "on the service"),
    ("challenge-and-feedback-04", "What re the", "What are the"),
    ("challenge-and-feedback-04", "through the system", "through the system?"),
    ("plenary-01", "your local authorities", "your local authorities?"),
]

# Counted by hand from the handbook: theme id -> (lead questions, follow-up questions).
EXPECTED_COUNTS: dict[str, tuple[int, int]] = {
    "strengths": (5, 2),
    "political-climate": (12, 15),
    "corporate-support": (1, 7),
    "meaningful-indicators": (2, 1),
    "leadership-turnover": (1, 2),
    "service-reorganisation": (1, 3),
    "budget": (2, 5),
    "performance": (3, 7),
    "leading-with-others": (3, 5),
    "workforce": (2, 9),
    "learning-culture": (2, 6),
    "practice-leadership": (6, 19),
    "challenge-and-feedback": (4, 13),
    "balcony": (9, 0),
    "plenary": (4, 0),
}
TOTAL_LEAD_QUESTIONS = 57
TOTAL_FOLLOW_UPS = 94
TOTAL_QUESTIONS = 151

SCALE_QUESTION_IDS = {
    "budget-02",
    "learning-culture-01",
    "learning-culture-02",
    "practice-leadership-01",
    "practice-leadership-02",
}

THEME_KEYS = {"id", "title", "section", "description", "questions"}
QUESTION_KEYS = {"id", "text", "follow_ups", "scale", "note"}
CORRECTION_ENTRY = re.compile(
    r"^(?P<id>[a-z0-9-]+): “(?P<old>[^”]+)” corrected to “(?P<new>[^”]+)”$"
)
ZERO_TO_TEN = re.compile(r"\b0\b.*\b10\b")

# A theme as a list of items, each item being [lead question, follow-up, ...].
Items = list[list[str]]


def _split_bullet(text: str) -> list[str]:
    """Split one bullet of the handbook into its questions, lead question first."""
    questions: list[str] = []
    for raw_piece in re.findall(r"[^?]+\??", text):
        piece = raw_piece.strip()
        if not piece:
            continue
        if piece.startswith("OR "):
            piece = piece.removeprefix("OR ")
        is_remark = piece.startswith("(") and piece.endswith(")") and "?" not in piece
        if is_remark and questions:
            questions[-1] = f"{questions[-1]} {piece}"
            continue
        questions.append(piece)
    return questions


def _extract_handbook() -> dict[str, Items]:
    """Read the handbook excerpt, apply the corrections and return its questions by theme."""
    text = EXCERPT_PATH.read_text(encoding="utf-8")
    for question_id, old, new in CORRECTIONS:
        assert text.count(old) == 1, f"{question_id}: “{old}” must occur once in the excerpt"
        text = text.replace(old, new)

    headings = {heading: theme_id for heading, theme_id, _, _ in THEMES}
    themes: dict[str, Items] = {}
    current: Items | None = None
    for raw_line in text.splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if line in headings:
            assert headings[line] not in themes, f"heading {line!r} occurs twice"
            current = themes.setdefault(headings[line], [])
        elif current is None:
            continue  # the section title and its introduction
        elif line.startswith("·"):
            current.append(_split_bullet(line.removeprefix("·")))
        elif line.endswith("?"):
            current.append(_split_bullet(line))  # an unbulleted opening question
        else:
            assert line.endswith(":"), f"unexpected line in the excerpt: {line!r}"
    return themes


def _bank_items(theme: dict[str, Any]) -> Items:
    return [[question["text"], *question["follow_ups"]] for question in theme["questions"]]


def _all_questions(themes: dict[str, Items]) -> list[str]:
    return [question for items in themes.values() for item in items for question in item]


@pytest.fixture(scope="module")
def bank() -> dict[str, Any]:
    with BANK_PATH.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def bank_themes(bank: dict[str, Any]) -> dict[str, Items]:
    return {theme["id"]: _bank_items(theme) for theme in bank["themes"]}


@pytest.fixture(scope="module")
def handbook() -> dict[str, Items]:
    return _extract_handbook()


def _bank_questions(bank: dict[str, Any]) -> list[dict[str, Any]]:
    return [question for theme in bank["themes"] for question in theme["questions"]]


def test_excerpt_is_the_handbook_question_section() -> None:
    text = EXCERPT_PATH.read_text(encoding="utf-8")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    assert lines[0] == SECTION_TITLE
    assert "[bookmark" not in text
    assert lines[-1] == "· What are your suggestions for new 19-a-side regional networking group?"
    assert "The facilitator will record this" not in text


def test_extraction_agrees_with_the_hand_count(handbook: dict[str, Items]) -> None:
    counts = {
        theme_id: (len(items), sum(len(item) - 1 for item in items))
        for theme_id, items in handbook.items()
    }
    assert counts == EXPECTED_COUNTS
    assert sum(lead for lead, _ in counts.values()) == TOTAL_LEAD_QUESTIONS
    assert sum(follow for _, follow in counts.values()) == TOTAL_FOLLOW_UPS
    assert len(_all_questions(handbook)) == TOTAL_QUESTIONS


def test_bank_metadata(bank: dict[str, Any]) -> None:
    assert bank["format"] == "balcony-question-bank"
    assert bank["version"] == 1
    assert bank["id"] == "se-dcs-handbook"
    assert bank["title"] == "SE DCS peer challenge handbook 2022–2023"
    assert SECTION_TITLE in bank["source"]


def test_themes_in_handbook_order(bank: dict[str, Any]) -> None:
    found = [(theme["id"], theme["title"], theme["section"]) for theme in bank["themes"]]
    expected = [(theme_id, title, section) for _, theme_id, title, section in THEMES]
    assert found == expected
    signature_titles = [title for _, title, section in found if section == "signatures"]
    assert len(signature_titles) == 13


@pytest.mark.parametrize("theme_id", THEME_IDS)
def test_theme_matches_handbook(
    theme_id: str, bank_themes: dict[str, Items], handbook: dict[str, Items]
) -> None:
    """Same lead questions, same follow-ups under each, in the handbook's order and words."""
    assert bank_themes[theme_id] == handbook[theme_id]


def test_every_handbook_question_appears_exactly_once(
    bank_themes: dict[str, Items], handbook: dict[str, Items]
) -> None:
    # Some questions ("How do you know?") recur in the handbook; the bank must repeat them
    # exactly as often, so compare multisets.
    in_bank = Counter(_all_questions(bank_themes))
    in_handbook = Counter(_all_questions(handbook))
    missing = in_handbook - in_bank
    invented = in_bank - in_handbook
    assert not missing, f"handbook questions missing from the bank: {sorted(missing)}"
    assert not invented, f"bank questions not in the handbook: {sorted(invented)}"
    assert in_bank.total() == TOTAL_QUESTIONS


def test_bank_counts(bank: dict[str, Any], bank_themes: dict[str, Items]) -> None:
    questions = _bank_questions(bank)
    assert len(questions) == TOTAL_LEAD_QUESTIONS
    assert sum(len(question["follow_ups"]) for question in questions) == TOTAL_FOLLOW_UPS
    assert [item for item in bank_themes["balcony"] if len(item) == 1] == bank_themes["balcony"]
    assert len(bank_themes["balcony"]) == 9
    assert [item for item in bank_themes["plenary"] if len(item) == 1] == bank_themes["plenary"]
    assert len(bank_themes["plenary"]) == 4


def test_entries_have_the_expected_shape(bank: dict[str, Any]) -> None:
    for theme in bank["themes"]:
        assert set(theme) <= THEME_KEYS, theme["id"]
        for question in theme["questions"]:
            assert set(question) <= QUESTION_KEYS, question["id"]
            assert isinstance(question["text"], str)
            assert question["text"]
            assert isinstance(question["follow_ups"], list), question["id"]
            assert all(isinstance(f, str) and f for f in question["follow_ups"]), question["id"]


def test_five_scale_questions_with_handbook_anchors(bank: dict[str, Any]) -> None:
    questions = _bank_questions(bank)
    scaled = {question["id"]: question for question in questions if "scale" in question}
    assert set(scaled) == SCALE_QUESTION_IDS
    for question_id, question in scaled.items():
        scale = question["scale"]
        assert set(scale) == {"low", "high"}, question_id
        wording = " ".join([question["text"], *question["follow_ups"]])
        for anchor in (scale["low"], scale["high"]):
            assert isinstance(anchor, str), question_id
            assert anchor.strip(), question_id
            assert anchor in wording, f"{question_id}: anchor “{anchor}” is not the handbook’s"
    # Independently of the flags: exactly the items that mention a 0 to 10 scale carry one.
    mentions_scale = {
        question["id"]
        for question in questions
        if any(ZERO_TO_TEN.search(q) for q in [question["text"], *question["follow_ups"]])
    }
    assert mentions_scale == SCALE_QUESTION_IDS


def test_ids_are_unique_and_numbered_in_order(bank: dict[str, Any]) -> None:
    theme_ids = [theme["id"] for theme in bank["themes"]]
    assert len(theme_ids) == len(set(theme_ids))
    question_ids = [question["id"] for question in _bank_questions(bank)]
    assert len(question_ids) == len(set(question_ids))
    for theme in bank["themes"]:
        numbered = [f"{theme['id']}-{n:02d}" for n in range(1, len(theme["questions"]) + 1)]
        assert [question["id"] for question in theme["questions"]] == numbered


def test_corrections_are_listed_and_noted(bank: dict[str, Any]) -> None:
    listed = []
    for entry in bank["corrections"]:
        match = CORRECTION_ENTRY.match(entry)
        assert match, f"correction entry not in the form “id: “old” corrected to “new””: {entry}"
        listed.append((match["id"], match["old"], match["new"]))
    assert listed == CORRECTIONS

    by_id = {question["id"]: question for question in _bank_questions(bank)}
    corrected_ids = {question_id for question_id, _, _ in CORRECTIONS}
    noted_ids = {question_id for question_id, question in by_id.items() if "note" in question}
    assert noted_ids == corrected_ids
    for question_id, _, new in CORRECTIONS:
        question = by_id[question_id]
        assert question["note"].strip(), question_id
        assert any(new in q for q in [question["text"], *question["follow_ups"]]), question_id
