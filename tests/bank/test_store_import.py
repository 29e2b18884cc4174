"""Sharing banks: export, plan an import, settle conflicts, apply all or nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from question_bank import (
    Bank,
    BankFormatError,
    BankService,
    Question,
    Scale,
    StaleImportError,
    Theme,
    dump_bank,
    load_handbook,
    parse_bank,
    parse_csv,
)
from question_bank.store import EXPORT_ID, EXPORT_TITLE
from tests.bank.conftest import (
    TINY_BANK,
    counting_tokens,
    failing_at_commit,
    make_engine,
    scope_for,
)
from tests.bank.strategies import banks

EMPTY_BASE = Bank(id="empty", title="Nothing shipped")


def fresh_service(base: Bank) -> BankService:
    return BankService(scope_for(make_engine()), base, new_token=counting_tokens())


def shared_file(service: BankService) -> Bank:
    return parse_bank(service.export_text(), "shared.toml")


def incoming_with(bank: Bank, *themes: Theme) -> Bank:
    return replace(bank, themes=bank.themes + themes)


def test_the_plan_sorts_new_identical_and_conflicting(service: BankService) -> None:
    incoming = parse_bank(
        TINY_BANK.replace("Is the budget for your service", "Is the budget of your service")
        + '\n[[themes]]\nid = "housing"\ntitle = "Housing"\nsection = "signatures"\n'
        '[[themes.questions]]\nid = "housing-01"\ntext = "Where do care leavers live?"\n',
        "theirs.toml",
    )
    plan = service.plan_import(incoming)
    assert [t.id for t in plan.new_themes] == ["housing"]
    assert [q.id for q in plan.new_questions] == ["housing-01"]
    assert [q.id for q in plan.identical] == ["budget-02", "workforce-01", "balcony-01"]
    (conflict,) = plan.conflicts
    assert conflict.question_id == "budget-01"
    assert conflict.mine.text == "Is the budget for your service under or overspent?"
    assert conflict.theirs.text == "Is the budget of your service under or overspent?"
    assert not plan.changes_nothing


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_conflicts_are_settled_either_way(service: BankService, choice: str) -> None:
    mine = service.add_question("budget", "Who sets the budget?", ["When?"])
    theirs_words = replace(mine, text="Who sets the budget, and when?", follow_ups=())
    shipped_theirs = Question(
        id="workforce-01", theme_id="workforce", text="How would staff describe the culture?"
    )
    incoming = replace(
        service.bank(),
        themes=(
            Theme(id="budget", title="Budget", section="signatures", questions=(theirs_words,)),
            Theme(
                id="workforce", title="Workforce", section="signatures", questions=(shipped_theirs,)
            ),
        ),
    )
    plan = service.plan_import(incoming)
    assert {c.question_id for c in plan.conflicts} == {mine.id, "workforce-01"}

    result = service.apply_import(plan, {mine.id: choice, "workforce-01": choice})

    bank = service.bank()
    if choice == "theirs":
        assert bank.question(mine.id).text == "Who sets the budget, and when?"
        assert bank.question(mine.id).follow_ups == ()
        assert bank.question("workforce-01").text == "How would staff describe the culture?"
        assert bank.question("workforce-01").origin == "handbook"
        assert set(result.replaced) == {mine.id, "workforce-01"}
    else:
        assert bank.question(mine.id) == mine
        assert bank.question("workforce-01").text.startswith("How would front line staff")
        assert set(result.kept) == {mine.id, "workforce-01"}
    remaining = {c.question_id for c in service.plan_import(incoming).conflicts}
    assert remaining == (set() if choice == "theirs" else {mine.id, "workforce-01"})


def test_every_conflict_needs_a_choice_or_nothing_is_written(service: BankService) -> None:
    incoming = parse_bank(
        TINY_BANK.replace("Is the budget for", "Is the money for").replace(
            "How would front line", "How would frontline"
        )
        + '\n[[themes]]\nid = "new"\ntitle = "New"\nsection = "plenary"\n'
        '[[themes.questions]]\nid = "new-01"\ntext = "New?"\n'
    )
    plan = service.plan_import(incoming)
    before = service.export_text()
    with pytest.raises(ValueError, match='which version of question "workforce-01"'):
        service.apply_import(plan, {"budget-01": "theirs"})
    with pytest.raises(ValueError, match='"mine" or "theirs"'):
        service.apply_import(plan, {"budget-01": "theirs", "workforce-01": "both"})
    with pytest.raises(ValueError, match="not one of the conflicts"):
        service.apply_import(
            plan, {"budget-01": "theirs", "workforce-01": "mine", "balcony-01": "mine"}
        )
    assert service.export_text() == before


def test_a_plan_made_before_a_change_is_refused(service: BankService) -> None:
    incoming = parse_bank(TINY_BANK.replace("Is the budget for", "Is the money for"))
    plan = service.plan_import(incoming)
    service.edit_question("budget-01", text="My own wording?")
    before = service.export_text()
    with pytest.raises(StaleImportError, match="Check the file again"):
        service.apply_import(plan, {"budget-01": "theirs"})
    assert service.export_text() == before


def test_an_import_that_fails_while_writing_leaves_no_trace(
    engine: Engine, tiny_bank: Bank
) -> None:
    good = BankService(scope_for(engine), tiny_bank)
    incoming = parse_bank(
        TINY_BANK.replace("Is the budget for", "Is the money for")
        + '\n[[themes]]\nid = "new"\ntitle = "New"\nsection = "plenary"\n'
        '[[themes.questions]]\nid = "new-01"\ntext = "New?"\n'
    )
    before = good.export_text()
    broken = BankService(failing_at_commit(engine), tiny_bank)
    plan = good.plan_import(incoming)
    with pytest.raises(RuntimeError):
        broken.apply_import(plan, {"budget-01": "theirs"})
    assert good.export_text() == before


def test_new_items_land_next_to_their_neighbours(service: BankService) -> None:
    incoming = Bank(
        id="x",
        title="X",
        themes=(
            Theme(
                id="budget",
                title="Budget",
                section="signatures",
                questions=(
                    Question(id="first", theme_id="budget", text="First?"),
                    Question(id="budget-01", theme_id="budget", text="ignored words"),
                    Question(id="after-01", theme_id="budget", text="After 01?"),
                ),
            ),
            Theme(id="between", title="Between", section="signatures"),
            Theme(id="workforce", title="Workforce", section="signatures"),
        ),
    )
    plan = service.plan_import(incoming)
    service.apply_import(plan, {"budget-01": "mine"})
    bank = service.bank()
    assert [t.id for t in bank.themes] == ["budget", "between", "workforce", "balcony"]
    assert [q.id for q in bank.theme("budget").questions] == [
        "first",
        "budget-01",
        "after-01",
        "budget-02",
    ]
    assert bank.question("first").origin == "user"


def test_an_identical_import_changes_nothing(service: BankService) -> None:
    before = service.export_text()
    plan = service.plan_import(shared_file(service))
    assert plan.changes_nothing
    result = service.apply_import(plan)
    assert (result.added_themes, result.added_questions, result.replaced) == ((), (), ())
    assert service.export_text() == before


def test_export_then_import_into_a_fresh_database_gives_the_same_bytes() -> None:
    base = load_handbook()
    mine = fresh_service(base)
    housing = mine.add_theme("Housing", description="Care leavers and homes")
    mine.add_question(housing.id, "Where do care leavers live?", ["Who decides?"])
    mine.add_question(housing.id, "How many are in B&Bs?", scale=Scale("none", "many"))
    extra = mine.add_question(base.themes[0].id, "A question of my own?")
    mine.move_question(extra.id, 0)
    edited = base.themes[1].questions[0]
    mine.edit_question(edited.id, text="My wording of a shipped question?")
    exported = mine.export_text()

    theirs = fresh_service(base)
    plan = theirs.plan_import(parse_bank(exported, "from-a-colleague.toml"))
    assert [c.question_id for c in plan.conflicts] == [edited.id]
    theirs.apply_import(plan, {edited.id: "theirs"})

    assert theirs.export_text() == exported
    assert theirs.export_text() == theirs.export_text()


@settings(max_examples=25, deadline=None)
@given(banks(max_themes=3, max_questions=3))
def test_any_bank_survives_import_and_export_unchanged(bank: Bank) -> None:
    first = fresh_service(EMPTY_BASE)
    first.apply_import(first.plan_import(bank))
    exported = first.export_text()
    assert exported == dump_bank(
        replace(bank, id=EXPORT_ID, title=EXPORT_TITLE, source="", corrections=())
    )

    second = fresh_service(EMPTY_BASE)
    second.apply_import(second.plan_import(parse_bank(exported)))
    assert second.export_text() == exported


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=200) | st.text(max_size=200).map(str.encode), st.booleans())
def test_a_failed_import_leaves_the_bank_byte_identical(data: bytes, as_csv: bool) -> None:
    service = fresh_service(parse_bank(TINY_BANK, origin="handbook"))
    service.add_question("budget", "Mine?")
    before = service.export_text()
    try:
        incoming = parse_csv(data, "x.csv") if as_csv else parse_bank(data, "x.toml")
        plan = service.plan_import(incoming)
        if not plan.conflicts:
            return  # a clean import is allowed to change the bank
        service.apply_import(plan, {})
    except (BankFormatError, ValueError):
        assert service.export_text() == before
    else:
        pytest.fail("an import with unsettled conflicts was applied")


@settings(max_examples=30, deadline=None)
@given(banks(max_themes=3, max_questions=3), st.data())
def test_unsettled_conflicts_leave_the_bank_byte_identical(bank: Bank, data: st.DataObject) -> None:
    service = fresh_service(EMPTY_BASE)
    service.apply_import(service.plan_import(bank))
    questions = bank.all_questions()
    if not questions:
        return
    target = data.draw(st.sampled_from(questions))
    changed = replace(
        bank,
        themes=tuple(
            replace(
                theme,
                questions=tuple(
                    replace(q, text=q.text + " (theirs)") if q.id == target.id else q
                    for q in theme.questions
                ),
            )
            for theme in bank.themes
        ),
    )
    before = service.export_text()
    plan = service.plan_import(changed)
    assert [c.question_id for c in plan.conflicts] == [target.id]
    with pytest.raises(ValueError, match="Choose which version"):
        service.apply_import(plan, {})
    assert service.export_text() == before


def test_import_file_reads_toml_and_csv(service: BankService, tmp_path: Path) -> None:
    csv_file = tmp_path / "ours.csv"
    csv_file.write_text("theme,question,scale\nHousing,Where do they live?,yes\n", "utf-8-sig")
    plan = service.import_file(csv_file)
    assert [q.id for q in plan.new_questions] == ["housing-csv-01"]
    service.apply_import(plan)
    assert service.bank().question("housing-csv-01").scale == Scale("0", "10")

    toml_file = tmp_path / "shared-bank"
    toml_file.write_text(service.export_text(), "utf-8")
    assert service.import_file(toml_file).changes_nothing

    again = service.import_file(csv_file)
    assert again.changes_nothing
    assert [q.id for q in again.identical] == ["housing-csv-01"]

    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"format = 'balcony-question-bank'\nversion = 9\n")
    with pytest.raises(BankFormatError, match="version 9"):
        service.import_file(bad)


def test_ids_that_change_kind_are_refused(service: BankService) -> None:
    incoming = Bank(
        id="x",
        title="X",
        themes=(Theme(id="budget-01", title="Oops", section="signatures"),),
    )
    with pytest.raises(ValueError, match="one of your questions"):
        service.plan_import(incoming)
