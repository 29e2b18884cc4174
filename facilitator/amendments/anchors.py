"""Finding a returned copy's sections by what cannot drift: the headings Balcony wrote.

A word processor may restyle a paragraph on its own: LibreOffice, deleting a bullet with Record
Changes on, gives the heading after it the bullet's list style. Sections are therefore found
by the bookmark Balcony puts on every heading, then by a heading's exact words, and only then
by style; each Balcony bullet keeps the style it was sent with. What was restyled or is
missing is reported, never silently read another way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from facilitator.records.reading import DocParagraph


@dataclass(frozen=True)
class Anchored:
    """The returned paragraphs with Balcony's own headings and bullets in their sent styles,
    and one plain sentence for each heading found restyled or missing."""

    paragraphs: tuple[DocParagraph, ...]
    notices: tuple[str, ...]


def anchor_headings(sent: Sequence[DocParagraph], returned: Sequence[DocParagraph]) -> Anchored:
    sent_style = {p.bookmark: p.style for p in sent if p.bookmark}
    heading_marks = {p.bookmark for p in sent if p.bookmark and p.is_heading}
    counts = Counter(p.text for p in sent if p.is_heading)
    # A heading's words find it only when no other heading shares them.
    by_words = {p.text: p for p in sent if p.is_heading and counts[p.text] == 1}
    present_marks = {p.bookmark for p in returned if p.bookmark}
    found: set[str] = set()  # sent headings found, by bookmark or words
    notices: list[str] = []
    anchored: list[DocParagraph] = []
    for p in returned:
        original = sent_style.get(p.bookmark) if p.bookmark else None
        by_text = by_words.get(p.text)
        if original is None and by_text is not None and by_text.bookmark not in present_marks:
            original = by_text.style
            if by_text.bookmark:
                found.add(by_text.bookmark)
            found.add(p.text)
        if p.bookmark in heading_marks:
            found.add(p.bookmark or "")
        if original is not None and original != p.style:
            was_heading = DocParagraph(original, "").is_heading
            if was_heading and not p.is_heading:
                notices.append(
                    f"The heading “{p.text}” is no longer styled as a heading in the returned "
                    "copy (the word processor restyled it); Balcony read it as the heading it was."
                )
            elif p.is_heading and not was_heading:
                notices.append(
                    f"“{_short(p.text)}” is styled as a heading in the returned copy; Balcony "
                    "read it as the bullet it was sent as."
                )
            p = replace(p, style=original)
        anchored.append(p)
    for p in sent:
        if p.is_heading and (p.bookmark or p.text) not in found and p.text not in found:
            if p.bookmark in present_marks:
                continue  # reworded, but its bookmark still marks the place
            notices.append(
                f"The heading “{p.text}” is missing from the returned copy, so nothing added "
                "near it can be told apart from the section above it."
            )
    return Anchored(tuple(anchored), tuple(notices))


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
