"""Bank files chosen by mistake or made to hurt: devices, pipes, folders, huge files, clashing
ids and control characters. Each is refused (or cleaned) with a message, never a traceback."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from question_bank import BankFormatError, BankService, parse_bank, parse_csv, read_bank_file
from question_bank.errors import MAX_FILE_BYTES

# The real target is well under a second; this only catches a read that never ends.
GUARD_SECONDS = 5

needs_posix = pytest.mark.skipif(sys.platform == "win32", reason="no /dev/zero or FIFOs")


def refused(path: Path) -> BankFormatError:
    started = time.perf_counter()
    with pytest.raises(BankFormatError) as caught:
        read_bank_file(path)
    assert time.perf_counter() - started < GUARD_SECONDS
    return caught.value


@needs_posix
@pytest.mark.timeout(20)
def test_dev_zero_is_refused_without_being_read() -> None:
    message = str(refused(Path("/dev/zero")))
    assert message == (
        "zero: it is a device, not a file, so it cannot be a question bank. "
        "Choose the question bank file itself, saved on disk."
    )


@needs_posix
@pytest.mark.timeout(20)
def test_a_pipe_with_no_writer_is_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "bank.toml"
    os.mkfifo(fifo)
    assert "bank.toml: it is a pipe, not a file" in str(refused(fifo))


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "bank.csv"
    folder.mkdir()
    assert "bank.csv: it is a folder, not a file" in str(refused(folder))


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    huge = tmp_path / "huge.toml"
    with huge.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: costs no disk and no time
    message = str(refused(huge))
    assert message == (
        "huge.toml: the file is 5.0 MB; a question bank can be at most 5 MB. "
        "Check that this is the right file, or split it into smaller files."
    )


def test_a_theme_named_like_one_of_my_questions_is_a_file_error(
    service: BankService, tmp_path: Path
) -> None:
    before = service.export_text()
    file = tmp_path / "shared.toml"
    file.write_text(
        'format = "balcony-question-bank"\nversion = 1\nid = "s"\ntitle = "S"\n\n'
        '[[themes]]\nid = "budget-01"\ntitle = "Clash"\nsection = "plenary"\n',
        encoding="utf-8",
    )
    with pytest.raises(BankFormatError) as caught:
        service.import_file(file)
    assert str(caught.value) == (
        'shared.toml: theme "budget-01": this theme id is already the id of one of your '
        "questions. Give the theme another id in the file and import it again."
    )
    assert service.export_text() == before


def test_a_question_named_like_one_of_my_themes_is_a_file_error(service: BankService) -> None:
    incoming = parse_bank(
        'format = "balcony-question-bank"\nversion = 1\nid = "s"\ntitle = "S"\n\n'
        '[[themes]]\nid = "new"\ntitle = "New"\nsection = "plenary"\n\n'
        '[[themes.questions]]\nid = "budget"\ntext = "Clash?"\n'
    )
    with pytest.raises(BankFormatError, match='question "budget": this question id is already'):
        service.plan_import(incoming)


def test_control_characters_are_dropped_from_toml_text() -> None:
    bank = parse_bank(
        'format = "balcony-question-bank"\nversion = 1\nid = "s"\n'
        'title = "Shared\\u0000 bank\\u0007"\n\n'
        '[[themes]]\nid = "t"\ntitle = "Line\\none"\nsection = "plenary"\n'
        'description = "a\\u0000b\\r\\nc"\n\n'
        '[[themes.questions]]\nid = "q"\ntext = "Why\\u001b?"\nfollow_ups = ["x\\u0008y"]\n'
        'note = "\\ufffe"\n'
    )
    theme = bank.themes[0]
    question = theme.questions[0]
    assert (bank.title, theme.title, theme.description) == ("Shared bank", "Line one", "ab\nc")
    assert (question.text, question.follow_ups, question.note) == ("Why?", ("xy",), "")


def test_control_characters_are_dropped_from_csv_cells() -> None:
    bank = parse_csv(b"theme,question,note\nBud\x00get,Why\x07?,n\x1bote\n")
    theme = bank.themes[0]
    assert (theme.title, theme.questions[0].text, theme.questions[0].note) == (
        "Budget",
        "Why?",
        "note",
    )


def test_a_title_too_long_for_a_heading_is_refused_with_its_place() -> None:
    long_title = "T" * 201
    with pytest.raises(BankFormatError) as caught:
        parse_bank(
            'format = "balcony-question-bank"\nversion = 1\nid = "s"\ntitle = "S"\n\n'
            f'[[themes]]\nid = "t"\ntitle = "{long_title}"\nsection = "plenary"\n'
        )
    assert str(caught.value) == (
        "bank.toml: themes[0].title: the title is 201 characters long; it can be at most 200. "
        "Shorten it."
    )
    with pytest.raises(BankFormatError, match=r"row 2, column A \(theme\): the theme is 201"):
        parse_csv(f"theme,question\n{long_title},Why?\n".encode())


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: t.encode("utf-8", "replace")))
def test_any_bytes_give_a_bank_or_a_bank_format_error(data: bytes) -> None:
    for parse in (parse_bank, parse_csv):
        with contextlib.suppress(BankFormatError):
            parse(data)


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.lists(st.text(max_size=12), min_size=1, max_size=5),
        max_size=6,
    )
)
def test_any_sheet_of_cells_gives_a_bank_or_a_bank_format_error(cells: list[list[str]]) -> None:
    lines = ["theme,question,follow-ups,scale,id,section"]
    lines += [",".join('"' + c.replace('"', '""') + '"' for c in row) for row in cells]
    try:
        bank = parse_csv("\n".join(lines).encode("utf-8", "surrogatepass"))
    except BankFormatError:
        return
    for question in bank.all_questions():
        assert "\x00" not in question.text
