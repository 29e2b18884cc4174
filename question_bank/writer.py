"""Write a Bank as TOML that reads back to the same Bank and diffs cleanly between exports.

Deterministic by construction: fixed key order, one key per line, one follow-up per line,
empty optional keys left out, and no dates or other run-dependent content.
"""

from __future__ import annotations

import json

from question_bank.model import FORMAT_NAME, Bank, Question, Theme


def toml_string(value: str) -> str:
    # A JSON string is a TOML basic string, except that TOML also forbids a raw DEL.
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")


def _string_list(key: str, values: tuple[str, ...]) -> list[str]:
    if not values:
        return [f"{key} = []"]
    return [f"{key} = [", *(f"    {toml_string(value)}," for value in values), "]"]


def _theme_lines(theme: Theme) -> list[str]:
    lines = [
        "[[themes]]",
        f"id = {toml_string(theme.id)}",
        f"title = {toml_string(theme.title)}",
        f"section = {toml_string(theme.section)}",
    ]
    if theme.description:
        lines.append(f"description = {toml_string(theme.description)}")
    for question in theme.questions:
        lines.extend(["", *_question_lines(question)])
    return lines


def _question_lines(question: Question) -> list[str]:
    lines = [
        "[[themes.questions]]",
        f"id = {toml_string(question.id)}",
        f"text = {toml_string(question.text)}",
        *(_string_list("alternatives", question.alternatives) if question.alternatives else []),
        *_string_list("follow_ups", question.follow_ups),
    ]
    if question.scale is not None:
        low, high = toml_string(question.scale.low), toml_string(question.scale.high)
        where = f", follow_up = {question.scale.follow_up}" if question.scale.follow_up else ""
        lines.append(f"scale = {{ low = {low}, high = {high}{where} }}")
    if question.note:
        lines.append(f"note = {toml_string(question.note)}")
    return lines


def dump_bank(bank: Bank) -> str:
    """The bank as TOML text (format version 1), ending with a single newline."""
    lines = [
        f"format = {toml_string(FORMAT_NAME)}",
        f"version = {bank.version}",
        f"id = {toml_string(bank.id)}",
        f"title = {toml_string(bank.title)}",
    ]
    if bank.source:
        lines.append(f"source = {toml_string(bank.source)}")
    if bank.corrections:
        lines.extend(_string_list("corrections", bank.corrections))
    if bank.moved:
        pairs = ", ".join(f"{toml_string(old)} = {toml_string(new)}" for old, new in bank.moved)
        lines.append(f"moved = {{ {pairs} }}")
    for theme in bank.themes:
        lines.extend(["", *_theme_lines(theme)])
    return "\n".join(lines) + "\n"
