"""The facilitator's layer: adding, editing, hiding and ordering, over a shipped bank that
never changes."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import Engine, inspect

from question_bank import (
    UNCHANGED,
    Bank,
    BankService,
    Question,
    Scale,
    Theme,
    UnknownItemError,
    load_handbook,
    parse_bank,
)
from tests.bank.conftest import (
    TINY_BANK,
    SessionScope,
    counting_tokens,
    failing_at_commit,
    scope_for,
)


def question_ids(bank: Bank, theme_id: str) -> list[str]:
    return [q.id for q in bank.theme(theme_id).questions]


def test_the_tables_are_created_with_the_bank_prefix(engine: Engine) -> None:
    names = set(inspect(engine).get_table_names())
    assert {
        "bank_user_theme",
        "bank_user_question",
        "bank_override",
        "bank_hidden",
        "bank_order",
    } <= names


def test_a_fresh_store_shows_the_shipped_bank(service: BankService, tiny_bank: Bank) -> None:
    assert service.bank() == tiny_bank


def test_adding_a_theme_and_questions(service: BankService) -> None:
    theme = service.add_theme("  Children’s voice ", section="balcony", description="Ours")
    assert theme == Theme(
        id="childrens-voice", title="Children’s voice", section="balcony", description="Ours"
    )
    first = service.add_question(
        theme.id,
        " How do children shape services? ",
        follow_ups=["Who listens?", "  ", " What changed? "],
        scale=Scale(" not at all ", "completely"),
    )
    assert first == Question(
        id="childrens-voice-u0001",
        theme_id="childrens-voice",
        text="How do children shape services?",
        follow_ups=("Who listens?", "What changed?"),
        scale=Scale("not at all", "completely"),
        origin="user",
    )
    second = service.add_question("budget", "Who sets the budget?")
    bank = service.bank()
    assert [t.id for t in bank.themes] == ["budget", "workforce", "balcony", "childrens-voice"]
    assert bank.theme("childrens-voice").questions == (first,)
    assert question_ids(bank, "budget") == ["budget-01", "budget-02", second.id]


def test_theme_ids_are_unique_slugs(service: BankService) -> None:
    assert service.add_theme("Budget").id == "budget-2"
    assert service.add_theme("Budget").id == "budget-3"
    assert service.add_theme("???").id == "theme"


def test_question_ids_never_collide(session_scope: SessionScope, tiny_bank: Bank) -> None:
    tokens = iter(["01", "02", "x"])
    service = BankService(session_scope, tiny_bank, new_token=lambda: next(tokens))
    # "budget-01" and "budget-02" are shipped questions, so those tokens are passed over.
    assert service.add_question("budget", "A?").id == "budget-x"


def test_input_is_checked_with_plain_messages(service: BankService) -> None:
    with pytest.raises(ValueError, match="Give the theme a title"):
        service.add_theme("   ")
    with pytest.raises(ValueError, match="not a section"):
        service.add_theme("Lunch", section="lunch")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="Write the question"):
        service.add_question("budget", " \n ")
    with pytest.raises(ValueError, match="low end of the scale"):
        service.add_question("budget", "Why?", scale=Scale("", "high"))
    with pytest.raises(UnknownItemError, match='no theme "nope"'):
        service.add_question("nope", "Why?")
    with pytest.raises(UnknownItemError):
        service.edit_question("nope", text="Why?")
    with pytest.raises(ValueError, match="Write the question"):
        service.edit_question("budget-01", text="")
    with pytest.raises(UnknownItemError):
        service.hide("nope")
    with pytest.raises(TypeError):
        service.add_question("budget", "Why?", follow_ups="Why not?")
    assert service.bank() == parse_bank(TINY_BANK, origin="handbook")


def test_editing_a_shipped_question_keeps_the_shipped_bank(
    service: BankService, tiny_bank: Bank
) -> None:
    before = dataclasses.replace(tiny_bank)
    edited = service.edit_question("budget-02", text="How sure are you?", scale=None)
    assert edited.text == "How sure are you?"
    assert edited.scale is None
    assert edited.follow_ups == ("What have you done to make your concerns known?",)
    assert edited.origin == "handbook"
    assert service.bank().question("budget-02") == edited
    assert tiny_bank == before
    assert tiny_bank.question("budget-02").text.startswith("How confident")


def test_editing_back_to_the_shipped_words_removes_the_edit(
    service: BankService, tiny_bank: Bank, engine: Engine
) -> None:
    service.edit_question("budget-01", text="Changed?")
    service.edit_question("budget-01", text=tiny_bank.question("budget-01").text)
    assert service.bank() == tiny_bank
    with engine.connect() as connection:
        assert connection.exec_driver_sql("SELECT count(*) FROM bank_override").scalar() == 0


def test_editing_leaves_unnamed_fields_alone(service: BankService) -> None:
    added = service.add_question("workforce", "Who?", ["Why?"], Scale("a", "b"), note="n")
    edited = service.edit_question(added.id, follow_ups=[], note=UNCHANGED)
    assert edited == dataclasses.replace(added, follow_ups=())
    assert service.bank().question(added.id) == edited


def test_edits_of_the_shipped_handbook_do_not_change_the_handbook(
    session_scope: SessionScope,
) -> None:
    handbook = load_handbook()
    first = handbook.all_questions()[0]
    service = BankService(session_scope, handbook)
    service.edit_question(first.id, text="Something else entirely?")
    service.hide(handbook.themes[1].id)
    load_handbook.cache_clear()
    assert load_handbook() == handbook
    assert load_handbook().question(first.id).text == first.text


def test_hiding_and_showing(service: BankService) -> None:
    hidden = service.hide("budget-01")
    assert isinstance(hidden, Question)
    assert hidden.hidden
    assert question_ids(service.bank(), "budget") == ["budget-02"]
    everything = service.bank(include_hidden=True)
    assert everything.question("budget-01").hidden

    theme = service.hide("workforce")
    assert isinstance(theme, Theme)
    assert theme.hidden
    assert service.bank().find_theme("workforce") is None
    assert service.bank(include_hidden=True).theme("workforce").hidden
    assert service.hide("workforce").hidden  # hiding twice is harmless

    service.unhide("budget-01")
    service.unhide("workforce")
    assert service.bank() == parse_bank(TINY_BANK, origin="handbook")


def test_moving_questions_and_themes(service: BankService) -> None:
    added = service.add_question("budget", "Who sets it?")
    assert service.move_question(added.id, 0) == (added.id, "budget-01", "budget-02")
    assert service.move_question("budget-01", 99) == (added.id, "budget-02", "budget-01")
    assert question_ids(service.bank(), "budget") == [added.id, "budget-02", "budget-01"]

    assert service.move_theme("balcony", 0) == ("balcony", "budget", "workforce")
    assert [t.id for t in service.bank().themes] == ["balcony", "budget", "workforce"]
    with pytest.raises(ValueError, match="negative"):
        service.move_theme("balcony", -1)


def test_moving_counts_only_what_is_shown(service: BankService) -> None:
    service.add_question("budget", "Third?")
    service.hide("budget-02")
    third = service.bank().theme("budget").questions[-1].id
    # Shown: budget-01, third. Moving "third" to 0 puts it before budget-01; the hidden
    # budget-02 keeps its place after budget-01.
    assert service.move_question(third, 0) == (third, "budget-01", "budget-02")
    with pytest.raises(ValueError, match="hidden"):
        service.move_question("budget-02", 0)
    assert service.move_question("budget-02", 0, include_hidden=True)[0] == "budget-02"


def test_questions_added_after_a_move_go_to_the_end(service: BankService) -> None:
    service.move_question("budget-02", 0)
    added = service.add_question("budget", "Last?")
    assert question_ids(service.bank(), "budget") == ["budget-02", "budget-01", added.id]


def test_results_are_frozen_values_not_database_rows(service: BankService) -> None:
    theme = service.add_theme("Housing")
    question = service.add_question(theme.id, "Where?")
    with pytest.raises(dataclasses.FrozenInstanceError):
        question.text = "changed"  # type: ignore[misc]
    assert type(service.bank().question(question.id)) is Question


def test_export_is_deterministic_and_reflects_changes(service: BankService) -> None:
    first = service.export_text()
    assert service.export_text() == first
    assert 'id = "balcony-user-bank"' in first
    service.hide("balcony")
    assert "balcony-01" not in service.export_text()
    assert service.export_text() == service.export_text()


def test_a_failed_write_changes_nothing(engine: Engine, tiny_bank: Bank) -> None:
    good = BankService(scope_for(engine), tiny_bank, new_token=counting_tokens())
    before = good.export_text()
    broken = BankService(failing_at_commit(engine), tiny_bank)
    with pytest.raises(RuntimeError):
        broken.add_question("budget", "Lost?")
    with pytest.raises(RuntimeError):
        broken.edit_question("budget-01", text="Lost?")
    assert good.export_text() == before
