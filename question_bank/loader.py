"""Read question bank files: the shipped handbook, exported TOML banks, and CSV via csv_import."""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from question_bank.csv_import import parse_csv
from question_bank.decoding import decode
from question_bank.errors import MAX_FILE_BYTES, BankFormatError
from question_bank.model import Bank, Origin
from question_bank.reading import FileRefusedError, read_limited
from question_bank.schema import bank_from_document

HANDBOOK_PACKAGE = "question_bank.data"
HANDBOOK_FILE = "handbook.toml"

_TOML_POSITION = re.compile(
    r"^(?P<message>.*?)\s*\(at (?P<where>line \d+, column \d+|end of document)\)$"
)
# tomllib's wording for the mistakes people make most often when editing a bank by hand.
_PLAIN_SYNTAX_PROBLEMS = (
    ("Illegal character '\\n'", "text in quotes runs to the end of the line. Close the quotes."),
    (
        "Expected '=' after a key",
        'expected "=" after a key. Each line reads key = value, with text in quotes.',
    ),
    ("Invalid value", 'the value after "=" is missing or not valid. Put text in quotes.'),
    ("Cannot overwrite a value", "this key is given twice. Keep one of them."),
    ("Cannot declare", "this table is declared twice, or clashes with a key of the same name."),
)
_LOOKS_LIKE_TOML = re.compile(rb"^\s*(format|\[\[themes\]\])\s*(=|$)", re.MULTILINE)


def parse_bank(
    data: bytes | str, source_name: str = "bank.toml", *, origin: Origin = "user"
) -> Bank:
    """A Bank from the text of a TOML bank file, or BankFormatError; never half a bank."""
    text = decode(data, source_name, advice="Save the file as UTF-8 and try again.")
    if not text.strip():
        raise BankFormatError(source_name, "", "the file is empty.")
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise _syntax_error(source_name, str(error)) from None
    except RecursionError:
        raise BankFormatError(
            source_name, "", "the file nests lists or tables too deeply to be a question bank."
        ) from None
    return bank_from_document(document, source_name, origin)


def _syntax_error(source_name: str, message: str) -> BankFormatError:
    match = _TOML_POSITION.match(message)
    place, detail = (match["where"], match["message"]) if match else ("", message)
    if place == "end of document":
        place = "end of file"
    for start, plain in _PLAIN_SYNTAX_PROBLEMS:
        if detail.startswith(start):
            return BankFormatError(source_name, place, f"this is not valid TOML: {plain}")
    detail = detail[:1].lower() + detail[1:]
    return BankFormatError(
        source_name,
        place,
        f"this is not valid TOML ({detail}). Check the quotes, brackets and = signs there.",
    )


def read_bank_file(path: str | Path) -> Bank:
    """A Bank from a TOML or CSV file, told apart by extension and, failing that, by content."""
    file = Path(path)
    try:
        data = read_limited(file, MAX_FILE_BYTES, "question bank")
    except FileRefusedError as error:
        raise BankFormatError(error.name, "", error.problem) from None
    if is_csv(file.name, data):
        return parse_csv(data, file.name)
    return parse_bank(data, file.name)


def is_csv(name: str, data: bytes) -> bool:
    suffix = Path(name).suffix.lower()
    if suffix in {".csv", ".tsv", ".txt"}:
        return True
    if suffix == ".toml":
        return False
    return _LOOKS_LIKE_TOML.search(data[:65536]) is None


@lru_cache(maxsize=1)
def load_handbook() -> Bank:
    """The bank that ships with Balcony (read once; the result is immutable)."""
    data = resources.files(HANDBOOK_PACKAGE).joinpath(HANDBOOK_FILE).read_bytes()
    return parse_bank(data, HANDBOOK_FILE, origin="handbook")
