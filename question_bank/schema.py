"""Check a parsed bank document (nested dicts and lists) and build a Bank from it.

Every rule of the file format lives here, so TOML files and anything else shaped like one are
held to the same standard. Places are key paths such as `themes[3].questions[2].text`,
counted from 0 like the entries of a list.
"""

from __future__ import annotations

import datetime
import difflib
from collections.abc import Mapping
from typing import Any, NoReturn

from question_bank.errors import MAX_FOLLOW_UPS, MAX_QUESTIONS, MAX_THEMES, BankFormatError
from question_bank.model import (
    FORMAT_NAME,
    SECTIONS,
    SUPPORTED_VERSIONS,
    Bank,
    Origin,
    Question,
    Scale,
    Section,
    Theme,
)
from question_bank.text import TITLE_LIMIT, is_valid_id, single_line, word_safe

BANK_KEYS = ("format", "version", "id", "title", "source", "corrections", "moved", "themes")
THEME_KEYS = ("id", "title", "section", "description", "questions")
QUESTION_KEYS = ("id", "text", "alternatives", "follow_ups", "scale", "note")
SCALE_KEYS = ("low", "high", "follow_up")


def describe(value: object) -> str:
    """How a TOML value looks to someone who wrote it, for "expected X, found Y"."""
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int):
        return f"a whole number ({value})"
    if isinstance(value, float):
        return f"a number ({value})"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime.date | datetime.time):
        return f"a date or time ({value.isoformat()})"
    return type(value).__name__


class _Checker:
    def __init__(self, source: str) -> None:
        self.source = source
        self.theme_places: dict[str, str] = {}
        self.question_places: dict[str, str] = {}

    def fail(self, place: str, problem: str) -> NoReturn:
        raise BankFormatError(self.source, place, problem)

    def table(self, value: object, place: str, what: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            self.fail(place, f"expected a table ({what}), found {describe(value)}.")
        return value

    def keys(self, table: Mapping[str, Any], place: str, allowed: tuple[str, ...]) -> None:
        for key in table:
            if key in allowed:
                continue
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f'Did you mean "{close[0]}"?' if close else f"Allowed: {', '.join(allowed)}."
            self.fail(_join(place, key), f'unknown key "{key}". {hint}')

    def required(self, table: Mapping[str, Any], place: str, key: str, what: str) -> object:
        if key not in table:
            self.fail(_join(place, key), f'the {what} has no "{key}". Add {key} = "…".')
        return table[key]

    def text(self, value: object, place: str) -> str:
        if not isinstance(value, str):
            self.fail(place, f"expected text, found {describe(value)}.")
        # Control characters and NUL would break every export of this text: dropped here.
        return word_safe(value)

    def filled(self, value: object, place: str, empty_problem: str) -> str:
        text = self.text(value, place)
        if not text.strip():
            self.fail(place, empty_problem)
        return text

    def title(self, value: object, place: str, empty_problem: str) -> str:
        text = single_line(self.filled(value, place, empty_problem))
        if not text:
            self.fail(place, empty_problem)
        if len(text) > TITLE_LIMIT:
            self.fail(
                place,
                f"the title is {len(text):,} characters long; it can be at most "
                f"{TITLE_LIMIT:,}. Shorten it.",
            )
        return text

    def texts(self, value: object, place: str, what: str) -> tuple[str, ...]:
        if not isinstance(value, list):
            self.fail(place, f"expected a list of text, found {describe(value)}.")
        return tuple(
            self.filled(
                item, f"{place}[{index}]", f"the {what} is empty. Remove it or give it some text."
            )
            for index, item in enumerate(value)
        )

    def identifier(self, value: object, place: str) -> str:
        text = self.text(value, place)
        if not is_valid_id(text):
            self.fail(
                place,
                f'"{text}" cannot be used as an id. Use up to 100 letters, digits, "-", "_" '
                'or ".", starting with a letter or digit.',
            )
        return text

    def version(self, value: object) -> int:
        supported = ", ".join(str(v) for v in SUPPORTED_VERSIONS)
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail("version", f"expected a whole number, found {describe(value)}.")
        if value > max(SUPPORTED_VERSIONS):
            self.fail(
                "version",
                f"this bank is version {value}, but this copy of Balcony reads version "
                f"{supported} only. Update Balcony to open it.",
            )
        if value not in SUPPORTED_VERSIONS:
            self.fail(
                "version", f"{value} is not a known version. Balcony reads version {supported}."
            )
        return value

    def claim_theme_id(self, theme_id: str, place: str) -> None:
        self._claim(
            theme_id, place, ("theme", self.theme_places), ("question", self.question_places)
        )

    def claim_question_id(self, question_id: str, place: str) -> None:
        self._claim(
            question_id, place, ("question", self.question_places), ("theme", self.theme_places)
        )

    def _claim(
        self,
        item_id: str,
        place: str,
        mine: tuple[str, dict[str, str]],
        other: tuple[str, dict[str, str]],
    ) -> None:
        """Takes `item_id` for the item at `place`; `mine` is its kind's name and ids taken
        so far, `other` the other kind's."""
        (kind, places), (other_kind, other_places) = mine, other
        if item_id in places:
            self.fail(
                place,
                f'the {kind} id "{item_id}" is already used by {places[item_id]}. '
                f"Give each {kind} its own id.",
            )
        if item_id in other_places:
            self.fail(
                place,
                f'the id "{item_id}" is already used by the {other_kind} {other_places[item_id]}. '
                "Themes and questions need different ids.",
            )
        places[item_id] = place.removesuffix(".id")


def _join(place: str, key: str) -> str:
    return f"{place}.{key}" if place else key


def bank_from_document(document: Mapping[str, Any], source: str, origin: Origin) -> Bank:
    """Build a Bank from a parsed document, or raise BankFormatError at the first problem."""
    check = _Checker(source)
    if "format" not in document:
        check.fail(
            "format",
            'this is not a Balcony question bank: it has no "format" key. '
            f'A bank starts with format = "{FORMAT_NAME}".',
        )
    file_format = document["format"]
    if file_format != FORMAT_NAME:
        found = f'"{file_format}"' if isinstance(file_format, str) else describe(file_format)
        check.fail(
            "format",
            f'expected "{FORMAT_NAME}", found {found}. This file is not a Balcony question bank.',
        )
    version = check.version(check.required(document, "", "version", "bank"))
    check.keys(document, "", BANK_KEYS)
    bank_id = check.identifier(check.required(document, "", "id", "bank"), "id")
    title = check.title(
        check.required(document, "", "title", "bank"),
        "title",
        "the bank’s title is empty. Give the bank a title.",
    )
    bank_source = check.text(document.get("source", ""), "source")
    corrections = check.texts(document.get("corrections", []), "corrections", "correction")
    raw_themes = document.get("themes", [])
    if not isinstance(raw_themes, list):
        check.fail("themes", f"expected a list of [[themes]] tables, found {describe(raw_themes)}.")
    _check_size(check, raw_themes)
    themes = tuple(
        _theme(check, raw, f"themes[{index}]", origin) for index, raw in enumerate(raw_themes)
    )
    return Bank(
        id=bank_id,
        title=title,
        version=version,
        source=bank_source,
        corrections=corrections,
        themes=themes,
        moved=_moved(check, document.get("moved", {})),
    )


def _moved(check: _Checker, raw: object) -> tuple[tuple[str, str], ...]:
    """`moved = { "old-id" = "new-id" }`: questions merged into another question of the bank."""
    table = check.table(raw, "moved", 'moved = { "old-id" = "new-id" }')
    moved: list[tuple[str, str]] = []
    for old, new in table.items():
        place = f"moved.{old}"
        check.identifier(old, place)
        target = check.identifier(new, place)
        if old in check.question_places or old in check.theme_places:
            check.fail(place, f'"{old}" is still the id of an item of the bank. Remove it here.')
        if target not in check.question_places:
            check.fail(place, f'there is no question "{target}" in the bank to point to.')
        moved.append((old, target))
    return tuple(moved)


def _check_size(check: _Checker, raw_themes: list[Any]) -> None:
    if len(raw_themes) > MAX_THEMES:
        check.fail(
            "themes",
            f"the bank has {len(raw_themes):,} themes; Balcony reads at most {MAX_THEMES:,}. "
            "Split it into smaller banks.",
        )
    count = sum(
        len(raw["questions"])
        for raw in raw_themes
        if isinstance(raw, dict) and isinstance(raw.get("questions"), list)
    )
    if count > MAX_QUESTIONS:
        check.fail(
            "themes",
            f"the bank has {count:,} questions; Balcony reads at most {MAX_QUESTIONS:,}. "
            "Split it into smaller banks.",
        )


def _theme(check: _Checker, raw: object, place: str, origin: Origin) -> Theme:
    table = check.table(raw, place, "[[themes]]")
    check.keys(table, place, THEME_KEYS)
    theme_id = check.identifier(check.required(table, place, "id", "theme"), f"{place}.id")
    check.claim_theme_id(theme_id, f"{place}.id")
    title = check.title(
        check.required(table, place, "title", "theme"),
        f"{place}.title",
        "the title is empty. Give every theme a title.",
    )
    section = _section(check, check.required(table, place, "section", "theme"), f"{place}.section")
    description = check.text(table.get("description", ""), f"{place}.description")
    raw_questions = table.get("questions", [])
    if not isinstance(raw_questions, list):
        check.fail(
            f"{place}.questions",
            f"expected a list of [[themes.questions]] tables, found {describe(raw_questions)}.",
        )
    questions = tuple(
        _question(check, item, f"{place}.questions[{index}]", theme_id, origin)
        for index, item in enumerate(raw_questions)
    )
    return Theme(
        id=theme_id,
        title=title,
        section=section,
        description=description,
        questions=questions,
        origin=origin,
    )


def _section(check: _Checker, value: object, place: str) -> Section:
    text = check.text(value, place)
    for section in SECTIONS:
        if text == section:
            return section
    choices = ", ".join(f'"{s}"' for s in SECTIONS[:-1]) + f' or "{SECTIONS[-1]}"'
    check.fail(place, f'"{text}" is not a section. Use {choices}.')


def _question(check: _Checker, raw: object, place: str, theme_id: str, origin: Origin) -> Question:
    table = check.table(raw, place, "[[themes.questions]]")
    check.keys(table, place, QUESTION_KEYS)
    question_id = check.identifier(check.required(table, place, "id", "question"), f"{place}.id")
    check.claim_question_id(question_id, f"{place}.id")
    text = check.filled(
        check.required(table, place, "text", "question"),
        f"{place}.text",
        "the question is empty. Give every question some text.",
    )
    follow_ups = check.texts(table.get("follow_ups", []), f"{place}.follow_ups", "follow-up")
    alternatives = check.texts(
        table.get("alternatives", []), f"{place}.alternatives", "alternative"
    )
    for key, items in (("follow_ups", follow_ups), ("alternatives", alternatives)):
        if len(items) > MAX_FOLLOW_UPS:
            check.fail(
                f"{place}.{key}",
                f"the question has {len(items)} {key.replace('_', '-')}; Balcony reads at most "
                f"{MAX_FOLLOW_UPS}.",
            )
    scale = (
        _scale(check, table["scale"], f"{place}.scale", len(follow_ups))
        if "scale" in table
        else None
    )
    note = check.text(table.get("note", ""), f"{place}.note")
    return Question(
        id=question_id,
        theme_id=theme_id,
        text=text,
        follow_ups=follow_ups,
        scale=scale,
        note=note,
        origin=origin,
        alternatives=alternatives,
    )


def _scale(check: _Checker, raw: object, place: str, follow_up_count: int) -> Scale:
    table = check.table(raw, place, 'scale = { low = "…", high = "…" }')
    check.keys(table, place, SCALE_KEYS)
    anchors: list[str] = []
    for key, end in (("low", "low (0)"), ("high", "high (10)")):
        if key not in table:
            check.fail(
                _join(place, key),
                f"the scale has no {end} anchor. Give both ends words, e.g. "
                'scale = { low = "not confident at all", high = "very confident" }.',
            )
        anchors.append(
            check.filled(
                table[key],
                _join(place, key),
                f"the {end} end of the scale has no words. Give both ends words.",
            )
        )
    follow_up = table.get("follow_up", 0)
    if (
        not isinstance(follow_up, int)
        or isinstance(follow_up, bool)
        or not 0 <= follow_up <= follow_up_count
    ):
        check.fail(
            _join(place, "follow_up"),
            f"expected the number of the follow-up that asks for the scale (1 to "
            f"{follow_up_count}, or 0 for the question itself), found {describe(follow_up)}.",
        )
    return Scale(low=anchors[0], high=anchors[1], follow_up=follow_up)
