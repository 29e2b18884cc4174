"""A returned Word file as Balcony first meets it: its properties and paragraphs read (without
characters Word cannot hold), the record it names and the version it says it is, each refused
in plain words when it cannot be trusted."""

from __future__ import annotations

from facilitator.amendments.numbers import MAX_DIGITS, plain_number
from facilitator.common.clean_text import word_safe
from facilitator.records.keys import RecordKey
from facilitator.records.reading import (
    DocComment,
    DocContents,
    DocParagraph,
    UnreadableDocumentError,
    read_document,
)


class AmendedFileError(ValueError):
    """A file that cannot be taken as the returned copy; the message says why and what to do."""


def read_returned(data: bytes, name: str) -> DocContents:
    """The file's properties and paragraphs, without the characters Word cannot hold: they
    would be compared, stored and then exported, and a later export would fail on them."""
    try:
        contents = read_document(data)
    except UnreadableDocumentError as exc:
        raise AmendedFileError(
            f"{name} cannot be read: {exc} If it was saved in another format (.doc, .pdf, "
            ".odt), open it in Word, save it as a Word Document (.docx) and import that."
        ) from exc
    return DocContents(
        identifier=word_safe(contents.identifier).strip(),
        version=word_safe(contents.version).strip(),
        content_status=word_safe(contents.content_status).strip(),
        paragraphs=tuple(
            DocParagraph(
                word_safe(p.style),
                word_safe(p.text),
                word_safe(p.bookmark) if p.bookmark is not None else None,
                word_safe(p.marked),
                p.tracked,
            )
            for p in contents.paragraphs
        ),
        comments=tuple(
            DocComment(word_safe(c.author), word_safe(c.text), c.paragraph)
            for c in contents.comments
        ),
    )


def version_of(text: str, what: str) -> int:
    """The version the file says it is: plain digits only, so "¹" or 5,000 digits are
    refused in words rather than failing in int()."""
    number = plain_number(text)
    if number is not None:
        return number
    if not text:
        said = "does not say which version it is"
    elif len(text) > 20:
        said = f"says its version is a {len(text):,}-character value, not a version number"
    else:
        said = f"says its version is “{text}”, not a version number"
    raise AmendedFileError(
        f"This {what} {said} (Balcony writes 1 to {MAX_DIGITS} plain digits), so it cannot "
        "be compared. Choose the file Balcony exported, as it came back from the director."
    )


def key_of(contents: DocContents, what: str) -> RecordKey:
    if not contents.identifier.startswith("balcony:"):
        raise AmendedFileError(
            f"This is not a Balcony {what} (it has no Balcony record identifier). "
            "Choose the file Balcony exported."
        )
    try:
        return RecordKey.from_identifier(contents.identifier)
    except ValueError as exc:
        raise AmendedFileError(
            f"This file’s Balcony identifier (“{contents.identifier}”) cannot be read, so it "
            "cannot be matched to a record. Choose the file Balcony exported."
        ) from exc
