from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from facilitator.live.disguised import (
    DEFAULT_PATTERNS,
    PATTERNS_KEY,
    find_suggestion,
    match_suggestion,
)
from facilitator.storage.settings import get_json, set_json
from facilitator.workspace import Workspace


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Have you thought of doing a practice week?", "Have you thought of"),
        ("Why don’t you ask the lead member?", "Why don’t you"),
        ("why don't you ask the lead member?", "why don't you"),
        ("Why don‘t you ask?", "Why don‘t you"),
        ("“Why not pool the budget?”", "Why not"),
        ("…and you SHOULD involve schools?", "you SHOULD"),
        ("If I were you, would you wait?", "If I were you"),
        ("What about doing it jointly?", "What about doing"),
        ("Have you\u00a0tried a hub?", "Have you\u00a0tried"),
        ("So I would say: what is next?", "I would"),
        ("Could you try a pilot?", "Could you try"),
        ("(you need to) involve partners", "you need to"),
    ],
)
def test_disguised_suggestions_are_spotted(text: str, phrase: str) -> None:
    assert find_suggestion(text) == phrase


@pytest.mark.parametrize(
    "text",
    [
        "Why nothing changed after the last inspection?",
        "What should the board hear first?",
        "How did the youth should-have-been plan end?",
        "What would you do differently?",
        "How do you know the plan is working?",
        "Bayou should be a place name, not a suggestion.",
        "Why notably fewer referrals this year?",
        "",
    ],
)
def test_open_questions_are_left_alone(text: str) -> None:
    assert find_suggestion(text) is None


def test_the_first_phrase_in_the_text_wins_and_at_one_place_the_longest() -> None:
    found = match_suggestion(
        "You could, or why not: you should.", ("you should", "why not", "you could")
    )
    assert found is not None
    assert (found.pattern, found.start, found.end) == ("you could", 0, 9)
    longest = match_suggestion("Have you tried it?", ("have you", "have you tried"))
    assert longest is not None
    assert longest.pattern == "have you tried"


def test_patterns_typed_with_curly_apostrophes_or_punctuation_still_match() -> None:
    patterns = ("…why don’t you?", " “you ought to” ")
    assert find_suggestion("Why don't you ring them?", patterns) == "Why don't you"
    assert find_suggestion("You ought to ring them", patterns) == "You ought to"
    assert find_suggestion("Anything at all", ("?!", "  ")) is None


def test_the_list_is_the_default_until_edited(workspace: Workspace) -> None:
    assert workspace.suggestion_patterns.patterns() == DEFAULT_PATTERNS
    assert "have you thought of" in DEFAULT_PATTERNS
    assert "why don't you" in DEFAULT_PATTERNS


def test_setting_the_list_tidies_it_and_announces_it(workspace: Workspace) -> None:
    heard: list[tuple[str, ...]] = []
    workspace.suggestion_patterns.changed.connect(heard.append)

    saved = workspace.suggestion_patterns.set_patterns(
        ["  why not ", "", "Why  Not", "why don’t you", "why don't you", "   ", "!?", "you must"]
    )

    assert saved == ("why not", "why don’t you", "you must")
    assert workspace.suggestion_patterns.patterns() == saved
    assert heard == [saved]


def test_an_empty_list_turns_the_check_off_and_the_defaults_can_be_saved_again(
    workspace: Workspace,
) -> None:
    assert workspace.suggestion_patterns.set_patterns([]) == ()
    assert workspace.suggestion_patterns.patterns() == ()
    assert find_suggestion("Why not?", workspace.suggestion_patterns.patterns()) is None

    # "Restore the standard phrases" in the settings puts the defaults back as a saved list.
    assert workspace.suggestion_patterns.set_patterns(DEFAULT_PATTERNS) == DEFAULT_PATTERNS
    assert workspace.suggestion_patterns.patterns() == DEFAULT_PATTERNS


def test_an_unreadable_stored_list_falls_back_to_the_defaults(workspace: Workspace) -> None:
    set_json(workspace.db, PATTERNS_KEY, {"not": "a list"})
    assert workspace.suggestion_patterns.patterns() == DEFAULT_PATTERNS
    set_json(workspace.db, PATTERNS_KEY, ["fine", 3])
    assert workspace.suggestion_patterns.patterns() == DEFAULT_PATTERNS


def test_the_edited_list_survives_reopening_the_data_file(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    first = Workspace.open(path)
    first.suggestion_patterns.set_patterns(["have you thought of", "wouldn’t it be better"])
    first.close()

    second = Workspace.open(path)
    try:
        assert second.suggestion_patterns.patterns() == (
            "have you thought of",
            "wouldn’t it be better",
        )
        assert (
            find_suggestion(
                "Wouldn't it be better to merge?", second.suggestion_patterns.patterns()
            )
            == "Wouldn't it be better"
        )
    finally:
        second.close()


def test_settings_hold_any_json_and_shrug_off_a_damaged_value(tmp_path: Path) -> None:
    path = tmp_path / "balcony.sqlite"
    workspace = Workspace.open(path)
    set_json(workspace.db, "example", {"words": ["ünïcode ✓"], "n": 3})
    assert get_json(workspace.db, "example") == {"words": ["ünïcode ✓"], "n": 3}
    assert get_json(workspace.db, "missing", "fallback") == "fallback"
    workspace.close()

    raw = sqlite3.connect(path)
    raw.execute("UPDATE setting SET value = '{broken' WHERE key = 'example'")
    raw.commit()
    raw.close()

    workspace = Workspace.open(path)
    try:
        assert get_json(workspace.db, "example", "fallback") == "fallback"
    finally:
        workspace.close()
