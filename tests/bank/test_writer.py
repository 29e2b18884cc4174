"""Writing banks: the text reads back to the same bank, and the same bank gives the same bytes."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings

from question_bank import Bank, Question, Scale, Theme, dump_bank, parse_bank
from tests.bank.strategies import banks


@settings(max_examples=60, deadline=None)
@given(banks())
def test_a_written_bank_reads_back_equal(bank: Bank) -> None:
    assert parse_bank(dump_bank(bank), "round-trip.toml") == bank


@settings(max_examples=25, deadline=None)
@given(banks())
def test_writing_is_deterministic_and_stable(bank: Bank) -> None:
    text = dump_bank(bank)
    assert dump_bank(bank) == text
    assert dump_bank(parse_bank(text)) == text
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_the_layout_is_one_key_per_line_in_a_fixed_order(tiny_bank: Bank) -> None:
    bank = replace(tiny_bank, source="A handbook", corrections=("one", "two"))
    text = dump_bank(bank)
    assert text.startswith(
        'format = "balcony-question-bank"\n'
        "version = 1\n"
        'id = "tiny"\n'
        'title = "Tiny bank"\n'
        'source = "A handbook"\n'
        "corrections = [\n"
        '    "one",\n'
        '    "two",\n'
        "]\n"
        "\n"
        "[[themes]]\n"
        'id = "budget"\n'
        'title = "Budget"\n'
        'section = "signatures"\n'
        "\n"
        "[[themes.questions]]\n"
        'id = "budget-01"\n'
        'text = "Is the budget for your service under or overspent?"\n'
        "follow_ups = [\n"
        '    "What is the narrative from the corporate centre?",\n'
        "]\n"
    )
    assert 'scale = { low = "not confident at all", high = "very confident" }\n' in text
    assert 'id = "balcony-01"\ntext = "What are the basic assumptions' in text
    assert text.endswith('here?"\nfollow_ups = []\n')


def test_awkward_characters_are_escaped_and_read_back() -> None:
    awkward = 'He said "why?"\\ then\ttabbed,\nnew line, DEL\x7f, NUL\x00, children’s café 🙂'
    bank = _bank_of(awkward, title=awkward)
    text = dump_bank(bank)
    assert "\x7f" not in text
    assert "\x00" not in text
    assert "children’s café 🙂" in text  # written as themselves, so exports stay readable
    # Reading drops what Word cannot hold (the NUL) and puts a title on one line.
    kept = awkward.replace("\x00", "")
    assert parse_bank(text) == _bank_of(kept, title=" ".join(kept.split()))


def _bank_of(awkward: str, title: str) -> Bank:
    return Bank(
        id="b",
        title=title,
        themes=(
            Theme(
                id="t",
                title="T",
                section="plenary",
                description=awkward,
                questions=(
                    Question(
                        id="q",
                        theme_id="t",
                        text=awkward,
                        follow_ups=(awkward,),
                        scale=Scale(awkward, awkward),
                        note=awkward,
                    ),
                ),
            ),
        ),
    )
