"""Slugs and folding: the small text rules that ids and highlighting rest on."""

from __future__ import annotations

import pytest

from question_bank.text import fold, is_valid_id, search_form, slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Budget", "budget"),
        ("Children’s Services", "childrens-services"),
        ("The political climate", "the-political-climate"),
        ("  Café & Crèche — 2023/24 ", "cafe-creche-2023-24"),
        ("???", "item"),
        ("x" * 80, "x" * 60),
    ],
)
def test_slugs_are_plain_lower_case_ascii(title: str, slug: str) -> None:
    assert slugify(title) == slug
    assert is_valid_id(slugify(title))


def test_ids_are_plain_ascii_without_spaces() -> None:
    assert is_valid_id("budget-01")
    assert is_valid_id("Q1.2_b")
    assert not is_valid_id("budget 01")
    assert not is_valid_id("-budget")
    assert not is_valid_id("café")
    assert not is_valid_id("")
    assert not is_valid_id("x" * 101)


def test_the_index_sees_in_word_apostrophes_as_absent() -> None:
    assert (
        search_form("children’s LA's ‘good’ rock 'n' roll") == "childrens LAs ‘good’ rock 'n' roll"
    )


@pytest.mark.parametrize(
    ("text", "folded", "back"),
    [
        ("Budget", "budget", [(0, 6)]),
        ("LA’s offer", "las offer", [(0, 4), (5, 10)]),
        ("Straße", "strasse", [(0, 6)]),
        ("cafe\u0301 bar", "cafe bar", [(0, 4), (6, 9)]),
        ("ÉCOLE", "ecole", [(0, 5)]),
    ],
)
def test_folding_maps_back_to_the_original(
    text: str, folded: str, back: list[tuple[int, int]]
) -> None:
    result = fold(text)
    assert result.text == folded
    words = [(start, start + len(word)) for start, word in _words(folded)]
    assert [result.original_span(start, end) for start, end in words] == back


def _words(text: str) -> list[tuple[int, str]]:
    found, start = [], 0
    for word in text.split(" "):
        found.append((start, word))
        start += len(word) + 1
    return found
