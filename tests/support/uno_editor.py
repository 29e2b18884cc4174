"""Edit a Word or Writer file in a running LibreOffice, the way a person at the keyboard would.

Run by the SYSTEM python (the one that can ``import uno``), never by the app's venv:

    /usr/bin/python3 uno_editor.py --port N INPUT OUTPUT STEPS_JSON

It connects to a headless soffice listening on 127.0.0.1:N (tests/support/libreoffice.py
starts one), opens INPUT hidden, applies STEPS_JSON in order, stores OUTPUT with the filter
its extension names (.docx → "MS Word 2007 XML", .odt → "writer8") and closes the document.

Every edit goes through text cursors and the document model, so with change tracking on
LibreOffice records the same tracked insertions and deletions a user's typing would. Steps:

    {"track": true}                                        Edit ▸ Track Changes ▸ Record
    {"reword": {"find": "old words", "to": "new words"}}   select the words, type over them
    {"retitle_heading": {"find": "old", "to": "new"}}      the same, for a heading
    {"add_after": {"find": "words", "text": "new words"}}  End, Enter, type (keeps the style)
    {"delete": {"find": "words"}}                          select the paragraph and its mark,
                                                           press Delete
    {"comment": {"find": "words", "text": "...", "author": "A Director"}}
                                                           Insert ▸ Comment on the words
    {"author": "A Director"}                               Tools ▸ Options ▸ User Data name:
                                                           the author of the tracked changes
                                                           that follow (else "Unknown Author")

An empty list opens and re-saves the file unchanged. A step whose text is not found exits
with status 2 and says which step on stderr; any other failure exits with status 1.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import traceback
from datetime import datetime
from pathlib import Path

import uno
from com.sun.star.connection import NoConnectException
from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

FILTERS = {".docx": "MS Word 2007 XML", ".odt": "writer8"}
CONNECT_SECONDS = 20.0


class StepError(Exception):
    """A step could not be applied (its text is not in the document, or it is malformed)."""


def prop(name, value):
    value_holder = uno.createUnoStruct("com.sun.star.beans.PropertyValue")
    value_holder.Name = name
    value_holder.Value = value
    return value_holder


def connect(port):
    """The remote component context of the soffice on ``port``, retrying while it starts."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext(
        "com.sun.star.bridge.UnoUrlResolver", local
    )
    url = f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"
    deadline = time.monotonic() + CONNECT_SECONDS
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise SystemExit(
                    f"uno_editor: no LibreOffice accepted a connection on port {port} "
                    f"within {CONNECT_SECONDS:.0f} s"
                ) from None
            time.sleep(0.25)


def set_author(context, name):
    """Set the user name LibreOffice stamps on tracked changes (and new comments)."""
    provider = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.configuration.ConfigurationProvider", context
    )
    access = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationUpdateAccess",
        (prop("nodepath", "/org.openoffice.UserProfile/Data"),),
    )
    given, _, family = name.partition(" ")
    access.setPropertyValue("givenname", given)
    access.setPropertyValue("sn", family)
    access.commitChanges()


def paragraphs(text):
    """Every paragraph of ``text`` in reading order, descending into table cells."""
    enumeration = text.createEnumeration()
    while enumeration.hasMoreElements():
        element = enumeration.nextElement()
        if element.supportsService("com.sun.star.text.Paragraph"):
            yield element
        elif element.supportsService("com.sun.star.text.TextTable"):
            for name in element.getCellNames():
                yield from paragraphs(element.getCellByName(name))


def find(document, words, step_number, step_name):
    """The first occurrence of ``words`` in the body (tables included), or StepError.

    Searched paragraph by paragraph rather than with findFirst, which finds nothing in a
    document without a view (see ``open_document``). A match cannot span paragraphs.
    """
    if not isinstance(words, str) or not words:
        raise StepError(f"step {step_number} ({step_name}): 'find' must be non-empty text")
    for paragraph in paragraphs(document.getText()):
        offset = paragraph.getString().find(words)
        if offset < 0:
            continue
        cursor = paragraph.getText().createTextCursorByRange(paragraph.getStart())
        cursor.goRight(offset, False)
        cursor.goRight(len(words), True)
        if cursor.getString() == words:
            return cursor
    raise StepError(f"step {step_number} ({step_name}): text not found in the document: {words!r}")


def reword(document, found, new_words):
    """Select the found words and type the new ones over them."""
    text = found.getText()
    cursor = text.createTextCursorByRange(found)
    text.insertString(cursor, new_words, True)


def add_after(document, found, words):
    """End, Enter, type: a new paragraph after the found one, with its style and list."""
    text = found.getText()
    cursor = text.createTextCursorByRange(found.getEnd())
    cursor.gotoEndOfParagraph(False)
    text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
    cursor.collapseToEnd()
    text.insertString(cursor, words, False)


def delete_paragraph(document, found):
    """Select the whole paragraph and its paragraph mark, press Delete."""
    text = found.getText()
    line = text.createTextCursorByRange(found.getStart())
    line.gotoStartOfParagraph(False)
    line.gotoEndOfParagraph(True)
    words = line.getString()
    # From the start of the paragraph to the start of the next one...
    cursor = text.createTextCursorByRange(line.getStart())
    if not (cursor.gotoNextParagraph(True) and _is_line_and_mark(cursor.getString(), words)):
        # ...or, for the last paragraph (of the body or a cell, or before a table), from
        # the end of the paragraph before it, taking that paragraph's mark instead.
        cursor = text.createTextCursorByRange(line.getStart())
        if cursor.goLeft(1, False):
            cursor.gotoRange(line.getEnd(), True)
        if not _is_line_and_mark(cursor.getString(), words):
            cursor = line  # alone in its cell, or next to a table: just its words
    cursor.setString("")


def _is_line_and_mark(selected, words):
    """Whether ``selected`` is exactly ``words`` plus one paragraph break, before or after."""
    return selected != words and words in (selected.rstrip("\r\n"), selected.lstrip("\r\n"))


def now_as_uno():
    moment = datetime.now()
    value = uno.createUnoStruct("com.sun.star.util.DateTime")
    value.Year, value.Month, value.Day = moment.year, moment.month, moment.day
    value.Hours, value.Minutes, value.Seconds = moment.hour, moment.minute, moment.second
    return value


def comment(document, found, content, author):
    """Insert ▸ Comment with the found words selected: a comment anchored on that range."""
    annotation = document.createInstance("com.sun.star.text.textfield.Annotation")
    annotation.Author = author
    annotation.Content = content
    annotation.DateTimeValue = now_as_uno()
    initials = "".join(part[0] for part in author.split() if part)
    if initials:
        annotation.Initials = initials
    text = found.getText()
    cursor = text.createTextCursorByRange(found)
    text.insertTextContent(cursor, annotation, True)


def require(arguments, key, step_number, step_name):
    value = arguments.get(key) if isinstance(arguments, dict) else None
    if not isinstance(value, str):
        raise StepError(f"step {step_number} ({step_name}): needs a text {key!r}")
    return value


def apply_step(context, document, step, number):
    if not isinstance(step, dict) or len(step) != 1:
        raise StepError(f"step {number}: expected an object with one key, got {step!r}")
    ((name, arguments),) = step.items()
    if name == "track":
        if not isinstance(arguments, bool):
            raise StepError(f"step {number} (track): expected true or false, got {arguments!r}")
        document.RecordChanges = arguments
    elif name == "author":
        if not isinstance(arguments, str) or not arguments.strip():
            raise StepError(f"step {number} (author): expected a name, got {arguments!r}")
        set_author(context, arguments.strip())
    elif name in ("reword", "retitle_heading"):
        found = find(document, require(arguments, "find", number, name), number, name)
        reword(document, found, require(arguments, "to", number, name))
    elif name == "add_after":
        found = find(document, require(arguments, "find", number, name), number, name)
        add_after(document, found, require(arguments, "text", number, name))
    elif name == "delete":
        found = find(document, require(arguments, "find", number, name), number, name)
        delete_paragraph(document, found)
    elif name == "comment":
        found = find(document, require(arguments, "find", number, name), number, name)
        author = arguments.get("author", "A Director")
        if not isinstance(author, str):
            raise StepError(f"step {number} (comment): 'author' must be text")
        comment(document, found, require(arguments, "text", number, name), author)
    else:
        raise StepError(f"step {number}: unknown step {name!r}")


def open_document(context, source):
    """Load ``source`` as a Writer document model with no window and no view.

    Not loadComponentFromURL: the view it creates (even with Hidden=True) lays comments out
    in margin windows, and libreoffice-writer-nogui ships no .ui files for those, so soffice
    aborts as soon as a document has a comment. A bare model edits and saves the same way.
    """
    url = uno.systemPathToFileUrl(str(source.resolve()))
    detection = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.document.TypeDetection", context
    )
    _, descriptor = detection.queryTypeByDescriptor((prop("URL", url),), True)
    filter_name = next((p.Value for p in descriptor if p.Name == "FilterName"), "")
    if not filter_name:
        raise StepError(f"LibreOffice does not recognise {source} as a document")
    document = context.ServiceManager.createInstanceWithContext(
        "com.sun.star.text.TextDocument", context
    )
    document.load((prop("URL", url), prop("FilterName", filter_name), prop("Hidden", True)))
    return document


def edit(port, source, target, steps):
    filter_name = FILTERS.get(target.suffix.lower())
    if filter_name is None:
        raise StepError(f"cannot save as {target.suffix!r}: use one of {', '.join(FILTERS)}")
    if not source.is_file():
        raise StepError(f"no such input file: {source}")
    context = connect(port)
    # Each edit starts without a user name (tracked changes by "Unknown Author"), whatever
    # an earlier edit's "author" step left in the shared soffice's profile.
    set_author(context, "")
    document = open_document(context, source)
    try:
        for number, step in enumerate(steps, start=1):
            apply_step(context, document, step, number)
        target.parent.mkdir(parents=True, exist_ok=True)
        document.storeToURL(
            uno.systemPathToFileUrl(str(target.resolve())),
            (prop("FilterName", filter_name), prop("Overwrite", True)),
        )
    finally:
        try:
            document.close(True)
        except Exception:
            document.dispose()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("input", type=Path)
    parser.add_argument("output", type=Path)
    parser.add_argument("steps", help="a JSON list of steps")
    options = parser.parse_args(argv)
    try:
        steps = json.loads(options.steps)
    except json.JSONDecodeError as error:
        print(f"uno_editor: steps are not valid JSON: {error}", file=sys.stderr)
        return 2
    if not isinstance(steps, list):
        print("uno_editor: steps must be a JSON list", file=sys.stderr)
        return 2
    try:
        edit(options.port, options.input, options.output, steps)
    except StepError as error:
        print(f"uno_editor: {error}", file=sys.stderr)
        return 2
    except Exception:
        print("uno_editor: LibreOffice failed:", file=sys.stderr)
        traceback.print_exc()
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
