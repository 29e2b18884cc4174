"""The bundled handbook bank must hold the handbook's questions, all of them, word for word,
each in its place: its theme, lead question, alternative or follow-up, and its 0–10 scale.

The expected questions are extracted here from ``tests/data/handbook_questions.txt``, a verbatim
copy of the handbook's section "Questions on strengths and signatures of risk" with the balcony
and plenary lists, never from the bank itself. The copy is pinned to the handbook (the seed
``../shared/seeds/002_0a1aec10604f3c5b.txt``) by hashes, so neither can drift unnoticed.

Splitting rules (the plain-text handbook lost the grey text that marked follow-ups):

* each bullet (``·``) is split into questions at question marks; the first question is the
  lead, the rest its follow-ups, except a question introduced by "OR", which is an
  alternative to the lead question;
* an unbulleted question line (the political climate's opening question) is a lead question;
* a bracketed remark after a question, such as "(Pay attention to the choice of words)", stays
  with that question;
* two questions joined by a full stop are split: the full stop is listed as a correction
  (“in the service.” corrected to “in the service?”), so the question-mark rule splits them;
* the bullets in ``MERGED`` follow from the bullet before and are its follow-ups;
* a question asking for a 0–10 rating ("If 0 is … and 10 is …", "where 0 is … and 10 is …",
  "from 0 … to 10 …") carries the scale, with those words as its anchors.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from question_bank import CYCLE_YEARS, Question, for_cycle, load_handbook

ROOT = Path(__file__).resolve().parents[2]
BANK_PATH = ROOT / "question_bank" / "data" / "handbook.toml"
EXCERPT_PATH = ROOT / "tests" / "data" / "handbook_questions.txt"
# The user's handbook, beside the repository (in CI too: ../shared/seeds/ from the repo root).
SEED_PATH = ROOT.parent / "shared" / "seeds" / "002_0a1aec10604f3c5b.txt"
# Recorded from the seed. If the seed changes, copy its question section again (bookmarks
# removed) into the excerpt, check the bank against it and record both hashes anew.
SEED_SHA256 = "6b5ff7d414fc350989a1c3fd41bf166c897314d05519779f35f79241a102e669"
EXCERPT_SHA256 = "bd3e016a778a5550554562e298de0a72d73caaeaf69c23553f67c6947e8a7fdc"

SECTION_TITLE = "Questions on strengths and signatures of risk"
LAST_LINE = "· What are your suggestions for new 19-a-side regional networking group?"
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")
HANDBOOK_CYCLE = "2022-2023"

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

# Bullets numbered theme-NN in handbook order; these follow from another and join it.
MERGED = {"political-climate-09": "political-climate-08"}

# Obvious slips corrected in the bank: (question id, handbook words, corrected words). The
# words occur once in that question's bullet(s).
CORRECTIONS: list[tuple[str, str, str]] = [
    ("political-climate-08", "in the service.", "in the service?"),
    ("political-climate-08", "he she", "he or she"),
    ("political-climate-10", "on political decisions", "on political decisions?"),
    ("learning-culture-01", "in these services.", "in these services?"),
    ("learning-culture-02", "in these services.", "in these services?"),
    ("practice-leadership-02", "form 0 to 10", "from 0 to 10"),
    ("challenge-and-feedback-01", "om the service", "on the service"),
    ("challenge-and-feedback-02", "delivered to them.", "delivered to them?"),
    ("challenge-and-feedback-04", "What re the", "What are the"),
    ("challenge-and-feedback-04", "through the system", "through the system?"),
    ("plenary-01", "your local authorities", "your local authorities?"),
]
# Questions with a note besides the corrected ones: budget-02 explains its cycle years.
NOTED_WITHOUT_CORRECTION = {"budget-02"}

# Counted by hand from the handbook: theme id -> (lead questions, follow-ups, alternatives).
EXPECTED_COUNTS: dict[str, tuple[int, int, int]] = {
    "strengths": (5, 2, 0),
    "political-climate": (11, 17, 0),
    "corporate-support": (1, 7, 0),
    "meaningful-indicators": (2, 1, 0),
    "leadership-turnover": (1, 2, 0),
    "service-reorganisation": (1, 3, 0),
    "budget": (2, 5, 0),
    "performance": (3, 7, 0),
    "leading-with-others": (3, 5, 0),
    "workforce": (2, 9, 0),
    "learning-culture": (2, 8, 0),
    "practice-leadership": (6, 19, 0),
    "challenge-and-feedback": (4, 13, 1),
    "balcony": (9, 0, 0),
    "plenary": (4, 0, 0),
}
TOTAL_LEAD_QUESTIONS = 56
TOTAL_FOLLOW_UPS = 98
TOTAL_ALTERNATIVES = 1
TOTAL_QUESTIONS = 155

# (question id, the place asking for the rating: 0 the lead, n the nth follow-up)
SCALE_PLACES = {
    "budget-02": 0,
    "learning-culture-01": 0,
    "learning-culture-02": 0,
    "practice-leadership-01": 1,
    "practice-leadership-02": 0,
}
SCALE_WORDING = [
    re.compile(r"\b(?:If|where) 0 is (?P<low>.+?) and 10 is (?P<high>.+?)[,?]"),
    re.compile(r"\bfrom 0 (?P<low>.+?) to 10 (?P<high>.+?)\?"),
]

THEME_KEYS = {"id", "title", "section", "description", "questions"}
QUESTION_KEYS = {"id", "text", "alternatives", "follow_ups", "scale", "note"}
CORRECTION_ENTRY = re.compile(
    r"^(?P<id>[a-z0-9-]+): “(?P<old>[^”]+)” corrected to “(?P<new>[^”]+)”$"
)


@dataclass(frozen=True)
class Expected:
    """One question as the handbook has it, in the shape the bank must hold it."""

    id: str
    theme_id: str
    text: str
    alternatives: tuple[str, ...]
    follow_ups: tuple[str, ...]
    scale: tuple[str, str, int] | None  # (low, high, place)


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _seed_section(seed: str) -> str:
    """The question section of the seed, from its title to the last plenary question."""
    lines = seed.splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip().endswith(SECTION_TITLE))
    plain = [BOOKMARK.sub("", line).strip() for line in lines]
    end = plain.index(LAST_LINE, start)
    return BOOKMARK.sub("", "".join(lines[start : end + 1]))


def _bullets() -> dict[str, list[str]]:
    """The excerpt's bullets (and the unbulleted opening question), theme by theme."""
    headings = {heading: theme_id for heading, theme_id, _, _ in THEMES}
    themes: dict[str, list[str]] = {}
    current: list[str] | None = None
    for raw_line in EXCERPT_PATH.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if not line:
            continue
        if line in headings:
            assert headings[line] not in themes, f"heading {line!r} occurs twice"
            current = themes.setdefault(headings[line], [])
        elif current is None:
            continue  # the section title and its introduction
        elif line.startswith("·"):
            current.append(line.removeprefix("·").strip())
        elif line.endswith("?"):
            current.append(line)  # an unbulleted opening question
        else:
            assert line.endswith(":"), f"unexpected line in the excerpt: {line!r}"
    return themes


def _split(text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """(lead, alternatives, follow-ups) of one question's handbook words."""
    questions: list[str] = []
    alternatives: list[str] = []
    for raw_piece in re.findall(r"[^?]+\??", text):
        piece = raw_piece.strip()
        if not piece:
            continue
        is_remark = piece.startswith("(") and piece.endswith(")") and "?" not in piece
        if is_remark and questions:
            questions[-1] = f"{questions[-1]} {piece}"
        elif piece.startswith("OR "):
            alternatives.append(piece.removeprefix("OR "))
        else:
            questions.append(piece)
    return questions[0], tuple(alternatives), tuple(questions[1:])


def _scale(lead: str, follow_ups: tuple[str, ...]) -> tuple[str, str, int] | None:
    found = [
        (match["low"], match["high"], place)
        for place, words in enumerate((lead, *follow_ups))
        for pattern in SCALE_WORDING
        if (match := pattern.search(words))
    ]
    assert len(found) <= 1, f"two scales in one question: {found}"
    return found[0] if found else None


def _expected() -> dict[str, list[Expected]]:
    corrections: dict[str, list[tuple[str, str]]] = {}
    for question_id, old, new in CORRECTIONS:
        corrections.setdefault(question_id, []).append((old, new))
    result: dict[str, list[Expected]] = {}
    for theme_id, bullets in _bullets().items():
        words: dict[str, str] = {}
        for number, bullet in enumerate(bullets, start=1):
            question_id = f"{theme_id}-{number:02d}"
            target = MERGED.get(question_id, question_id)
            words[target] = f"{words[target]} {bullet}" if target in words else bullet
        items = []
        for question_id, text in words.items():
            for old, new in corrections.pop(question_id, []):
                assert text.count(old) == 1, f"{question_id}: “{old}” must occur once"
                text = text.replace(old, new)
            lead, alternatives, follow_ups = _split(text)
            scale = _scale(lead, follow_ups)
            items.append(Expected(question_id, theme_id, lead, alternatives, follow_ups, scale))
        result[theme_id] = items
    assert not corrections, f"corrections for questions not in the handbook: {corrections}"
    return result


def _as_expected(question: Question) -> Expected:
    """A bank question in the same shape, its cycle years filled in as the handbook has them."""
    scale = question.scale
    return Expected(
        question.id,
        question.theme_id,
        for_cycle(question.text, HANDBOOK_CYCLE),
        question.alternatives,
        question.follow_ups,
        (scale.low, scale.high, scale.follow_up) if scale else None,
    )


@pytest.fixture(scope="module")
def raw_bank() -> dict[str, Any]:
    with BANK_PATH.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def expected() -> dict[str, list[Expected]]:
    return _expected()


def _raw_questions(bank: dict[str, Any]) -> list[dict[str, Any]]:
    return [question for theme in bank["themes"] for question in theme["questions"]]


def test_excerpt_is_the_handbook_question_section() -> None:
    data = EXCERPT_PATH.read_bytes()
    assert _sha256(data) == EXCERPT_SHA256, "tests/data/handbook_questions.txt has been changed"
    lines = [line.strip() for line in data.decode("utf-8").splitlines() if line.strip()]
    assert lines[0] == SECTION_TITLE
    assert lines[-1] == LAST_LINE


@pytest.mark.skipif(not SEED_PATH.is_file(), reason="the handbook seed is not beside the repo")
def test_excerpt_is_a_verbatim_copy_of_the_seed() -> None:
    seed = SEED_PATH.read_bytes()
    assert _sha256(seed) == SEED_SHA256, "the handbook seed has changed: copy its section again"
    assert _seed_section(seed.decode("utf-8")) == EXCERPT_PATH.read_text(encoding="utf-8")


def test_extraction_agrees_with_the_hand_count(expected: dict[str, list[Expected]]) -> None:
    counts = {
        theme_id: (
            len(items),
            sum(len(item.follow_ups) for item in items),
            sum(len(item.alternatives) for item in items),
        )
        for theme_id, items in expected.items()
    }
    assert counts == EXPECTED_COUNTS
    assert sum(c[0] for c in counts.values()) == TOTAL_LEAD_QUESTIONS
    assert sum(c[1] for c in counts.values()) == TOTAL_FOLLOW_UPS
    assert sum(c[2] for c in counts.values()) == TOTAL_ALTERNATIVES
    assert sum(map(sum, counts.values())) == TOTAL_QUESTIONS
    scales = {item.id: item.scale[2] for items in expected.values() for item in items if item.scale}
    assert scales == SCALE_PLACES


def test_bank_metadata(raw_bank: dict[str, Any]) -> None:
    assert raw_bank["format"] == "balcony-question-bank"
    assert raw_bank["version"] == 1
    assert raw_bank["id"] == "se-dcs-handbook"
    assert raw_bank["title"] == "SE DCS peer challenge handbook 2022–2023"
    assert SECTION_TITLE in raw_bank["source"]
    assert raw_bank["moved"] == MERGED


def test_themes_in_handbook_order(raw_bank: dict[str, Any]) -> None:
    found = [(theme["id"], theme["title"], theme["section"]) for theme in raw_bank["themes"]]
    assert found == [(theme_id, title, section) for _, theme_id, title, section in THEMES]


@pytest.mark.parametrize("theme_id", THEME_IDS)
def test_every_question_is_the_handbooks_in_its_place(
    theme_id: str, expected: dict[str, list[Expected]]
) -> None:
    """Same ids, lead questions, alternatives, follow-ups, scales and anchors, in order."""
    theme = load_handbook().theme(theme_id)
    assert [_as_expected(question) for question in theme.questions] == expected[theme_id]


def test_no_question_is_missing_or_invented(expected: dict[str, list[Expected]]) -> None:
    def words(items: list[Expected]) -> Counter[str]:
        return Counter(w for i in items for w in (i.text, *i.alternatives, *i.follow_ups))

    in_bank = words([_as_expected(q) for q in load_handbook().all_questions()])
    in_handbook = words([item for items in expected.values() for item in items])
    assert not in_handbook - in_bank, f"missing from the bank: {in_handbook - in_bank}"
    assert not in_bank - in_handbook, f"not in the handbook: {in_bank - in_handbook}"
    assert in_bank.total() == TOTAL_QUESTIONS


def test_scales_sit_on_the_words_that_ask_for_them() -> None:
    for question in load_handbook().all_questions():
        place = SCALE_PLACES.get(question.id)
        if place is None:
            assert question.scale is None, question.id
            continue
        assert question.scale is not None, question.id
        assert question.scale.follow_up == place, question.id
        assert re.search(r"\b0\b.*\b10\b", question.scale_words), question.id
        for anchor in (question.scale.low, question.scale.high):
            assert anchor in question.scale_words, f"{question.id}: “{anchor}”"


def test_the_cycle_years_are_not_hard_coded() -> None:
    handbook = load_handbook()
    for question in handbook.all_questions():
        for words in (question.text, *question.alternatives, *question.follow_ups):
            assert not re.search(r"\b(?:19|20)\d\d\b", words), question.id
    budget = handbook.question("budget-02").text
    assert CYCLE_YEARS in budget
    assert "set for 2023/24 from 0" in for_cycle(budget, "2023/24")
    assert "set for this year from 0" in for_cycle(budget, None)


def test_a_merged_question_still_resolves() -> None:
    handbook = load_handbook()
    for old, new in MERGED.items():
        assert not handbook.holds_question(old)
        merged = handbook.find_question(old)
        assert merged is not None
        assert merged.id == new
        assert handbook.question(old).id == new


def test_entries_have_the_expected_shape(raw_bank: dict[str, Any]) -> None:
    for theme in raw_bank["themes"]:
        assert set(theme) <= THEME_KEYS, theme["id"]
        for question in theme["questions"]:
            assert set(question) <= QUESTION_KEYS, question["id"]
            assert isinstance(question["text"], str)
            assert question["text"]
            for key in ("follow_ups", "alternatives"):
                items = question.get(key, [])
                assert isinstance(items, list), question["id"]
                assert all(isinstance(item, str) and item for item in items), question["id"]


def test_ids_are_unique_stable_and_in_order(raw_bank: dict[str, Any]) -> None:
    question_ids = [question["id"] for question in _raw_questions(raw_bank)]
    assert len(question_ids) == len(set(question_ids))
    assert not set(MERGED) & set(question_ids)
    for theme in raw_bank["themes"]:
        ids = [question["id"] for question in theme["questions"]]
        assert all(re.fullmatch(rf"{theme['id']}-\d\d", question_id) for question_id in ids)
        assert ids == sorted(ids)


def test_corrections_are_listed_and_noted(raw_bank: dict[str, Any]) -> None:
    listed = []
    for entry in raw_bank["corrections"]:
        match = CORRECTION_ENTRY.match(entry)
        assert match, f"correction entry not in the form “id: “old” corrected to “new””: {entry}"
        listed.append((match["id"], match["old"], match["new"]))
    assert listed == CORRECTIONS
    by_id = {question["id"]: question for question in _raw_questions(raw_bank)}
    corrected_ids = {question_id for question_id, _, _ in CORRECTIONS}
    noted_ids = {question_id for question_id, question in by_id.items() if "note" in question}
    assert noted_ids == corrected_ids | NOTED_WITHOUT_CORRECTION
    assert all(by_id[question_id]["note"].strip() for question_id in noted_ids)
