"""The shipped handbook loads through the public API and works with the rest of the library."""

from __future__ import annotations

from collections import Counter
from importlib import resources

import pytest

from question_bank import SearchIndex, dump_bank, load_handbook, parse_bank

pytestmark = pytest.mark.skipif(
    not resources.files("question_bank.data").joinpath("handbook.toml").is_file(),
    reason="question_bank/data/handbook.toml is not there yet",
)


def test_the_handbook_loads_with_fifteen_themes() -> None:
    handbook = load_handbook()
    assert len(handbook.themes) == 15
    assert Counter(theme.section for theme in handbook.themes) == {
        "signatures": 13,
        "balcony": 1,
        "plenary": 1,
    }
    assert all(theme.origin == "handbook" for theme in handbook.themes)
    assert all(question.origin == "handbook" for question in handbook.all_questions())
    assert any(question.scale is not None for question in handbook.all_questions())


def test_the_handbook_survives_a_round_trip_through_the_writer() -> None:
    handbook = load_handbook()
    assert parse_bank(dump_bank(handbook), "handbook.toml", origin="handbook") == handbook


def test_the_handbook_can_be_searched() -> None:
    index = SearchIndex(load_handbook())
    hits = index.search("budg")
    assert hits
    assert all(
        "budg" in (hit.question.text + " ".join(hit.question.follow_ups)).lower()
        or hit.question.theme_id == "budget"
        for hit in hits
    )
    assert {hit.question.theme_id for hit in index.search("budget", theme_id="budget")} == {
        "budget"
    }
