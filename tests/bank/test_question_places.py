"""Alternatives, scales asked by a follow-up, merged (moved) question ids and the cycle's years:
read, written, stored, edited, imported and searched."""

from __future__ import annotations

import pytest

from question_bank import (
    BankFormatError,
    BankService,
    Scale,
    SearchIndex,
    dump_bank,
    for_cycle,
    load_handbook,
    parse_bank,
)
from tests.bank.conftest import SessionScope

HEAD = 'format = "balcony-question-bank"\nversion = 1\nid = "b"\ntitle = "B"\n'
QUESTION = """
[[themes]]
id = "t"
title = "T"
section = "signatures"

[[themes.questions]]
id = "t-01"
text = "Who leads?"
alternatives = ["Who would you like to lead?"]
follow_ups = ["How strong is it from 0 to 10?", "Why?"]
scale = { low = "weak", high = "strong", follow_up = 1 }
"""


def test_alternatives_and_the_scale_place_are_read_and_written() -> None:
    bank = parse_bank(HEAD + QUESTION)
    question = bank.question("t-01")
    assert question.alternatives == ("Who would you like to lead?",)
    assert question.follow_ups == ("How strong is it from 0 to 10?", "Why?")
    assert question.scale == Scale("weak", "strong", follow_up=1)
    assert question.scale_words == "How strong is it from 0 to 10?"
    text = dump_bank(bank)
    assert 'alternatives = [\n    "Who would you like to lead?",\n]' in text
    assert 'scale = { low = "weak", high = "strong", follow_up = 1 }' in text
    assert parse_bank(text) == bank


@pytest.mark.parametrize(
    ("change", "place"),
    [
        ("follow_up = 1 }", "follow_up = 3 }"),
        ("follow_up = 1 }", "follow_up = -1 }"),
        ("follow_up = 1 }", 'follow_up = "1" }'),
        ('alternatives = ["Who would you like to lead?"]', 'alternatives = "Who?"'),
        ('alternatives = ["Who would you like to lead?"]', 'alternatives = [" "]'),
    ],
)
def test_bad_alternatives_and_scale_places_are_refused(change: str, place: str) -> None:
    with pytest.raises(BankFormatError):
        parse_bank(HEAD + QUESTION.replace(change, place))


@pytest.mark.parametrize(
    "moved",
    [
        'moved = { "t-02" = "t-09" }',  # points to nothing
        'moved = { "t-01" = "t-01" }',  # the old id is still a question's
        'moved = { "t" = "t-01" }',  # the old id is still a theme's
        'moved = { "bad id" = "t-01" }',
        'moved = "t-01"',
    ],
)
def test_bad_moves_are_refused(moved: str) -> None:
    with pytest.raises(BankFormatError):
        parse_bank(HEAD + moved + "\n" + QUESTION)


def test_a_moved_id_finds_the_question_it_joined() -> None:
    bank = parse_bank(HEAD + 'moved = { "t-02" = "t-01" }\n' + QUESTION)
    assert bank.moved == (("t-02", "t-01"),)
    assert bank.resolve_id("t-02") == "t-01"
    found = bank.find_question("t-02")
    assert found is not None
    assert found.id == "t-01"
    assert bank.holds_question("t-01")
    assert not bank.holds_question("t-02")
    assert bank.find_question("t-03") is None
    assert parse_bank(dump_bank(bank)) == bank


def test_the_store_keeps_alternatives_and_the_scale_place(session_scope: SessionScope) -> None:
    service = BankService(session_scope, load_handbook())
    added = service.add_question(
        "workforce",
        "Who leads?",
        follow_ups=["How strong is it?", "Why?"],
        scale=Scale("weak", "strong", follow_up=1),
        alternatives=[" Who would you like to lead? ", " "],
    )
    assert added.alternatives == ("Who would you like to lead?",)
    assert service.bank().question(added.id) == added
    shorter = service.edit_question(added.id, follow_ups=["Why?"], alternatives=[])
    assert shorter.alternatives == ()
    assert shorter.scale == Scale("weak", "strong", follow_up=1)  # still in range
    gone = service.edit_question(added.id, follow_ups=[])
    assert gone.scale == Scale("weak", "strong")  # its follow-up went: back on the question
    assert service.bank().question(added.id) == gone


def test_editing_a_shipped_question_keeps_its_alternative_and_scale_place(
    session_scope: SessionScope,
) -> None:
    handbook = load_handbook()
    service = BankService(session_scope, handbook)
    challenge = service.edit_question("challenge-and-feedback-01", text="Who challenged you?")
    assert challenge.alternatives == handbook.question("challenge-and-feedback-01").alternatives
    leadership = service.edit_question("practice-leadership-01", note="Ours.")
    assert leadership.scale == handbook.question("practice-leadership-01").scale
    assert service.bank().question("practice-leadership-01").scale_words.startswith("How impactful")
    service.edit_question("practice-leadership-01", note="")
    service.edit_question("challenge-and-feedback-01", text=handbook.question(challenge.id).text)
    assert service.bank() == handbook  # back to the shipped words: no edits kept


def test_a_moved_id_is_hidden_moved_and_edited_as_the_question_it_joined(
    session_scope: SessionScope,
) -> None:
    service = BankService(session_scope, load_handbook())
    assert service.hide("political-climate-09").id == "political-climate-08"
    assert service.bank().find_question("political-climate-08") is None
    service.unhide("political-climate-09")
    order = service.move_question("political-climate-09", 0)
    assert order[0] == "political-climate-08"
    edited = service.edit_question("political-climate-09", note="Mine.")
    assert edited.id == "political-climate-08"
    assert service.bank().question("political-climate-08").note == "Mine."


def test_importing_an_old_export_with_a_moved_id_does_not_overwrite_its_target(
    session_scope: SessionScope,
) -> None:
    service = BankService(session_scope, load_handbook())
    old = parse_bank(
        HEAD
        + '[[themes]]\nid = "political-climate"\ntitle = "The political climate"\n'
        + 'section = "signatures"\n\n[[themes.questions]]\nid = "political-climate-09"\n'
        + 'text = "What would he or she be most concerned about?"\n'
    )
    plan = service.plan_import(old)
    assert not plan.conflicts
    assert [q.id for q in plan.new_questions] == ["political-climate-09"]


def test_search_finds_an_alternative() -> None:
    hits = SearchIndex(load_handbook()).search("prevented")
    assert [hit.question.id for hit in hits] == ["challenge-and-feedback-01"]


@pytest.mark.parametrize(
    ("cycle", "years"),
    [
        ("2022-2023", "2022-2023"),
        ("SE 2023–2024 cycle", "2023–2024"),
        ("2024/25", "2024/25"),
        ("2025", "2025"),
        ("", "this year"),
        (None, "this year"),
        ("Spring round", "this year"),
        ("Room 12345", "this year"),
    ],
)
def test_for_cycle_fills_in_the_cycle_years(cycle: str | None, years: str) -> None:
    assert for_cycle("set for {cycle_years} from 0", cycle) == f"set for {years} from 0"


def test_for_cycle_leaves_other_words_alone() -> None:
    assert for_cycle("What {else}? 2022", "2023-2024") == "What {else}? 2022"
