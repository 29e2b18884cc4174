"""What a director changed: the paragraphs of a returned file against the version sent.

Paragraphs carrying the same Balcony bookmark are the same bullet, wherever they now stand;
the rest are lined up by their words (difflib), and a paragraph replaced by one much like it
counts as changed rather than deleted and added. Pure functions, no storage.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from enum import StrEnum

from facilitator.amendments.anchors import anchor_headings
from facilitator.common.wording import one_line
from facilitator.records.reading import DocComment, DocParagraph, heading_level

# How alike two paragraphs must be (difflib ratio) to count as one paragraph changed.
SIMILAR = 0.5


class ChangeKind(StrEnum):
    CHANGED = "changed"
    ADDED = "added"
    DELETED = "deleted"
    MOVED = "moved"  # a bookmarked bullet now elsewhere (reported, not taken in)
    COMMENT = "comment"  # a margin comment: for the facilitator to act on, never taken in


@dataclass(frozen=True)
class ParagraphChange:
    """One paragraph changed, added, deleted or moved.

    `section` is the heading it sits under (in the returned file; in the file as sent for
    a deletion), `headings` every heading above it, outermost first. `before` and `after`
    are whole paragraphs; `before_marked` and `after_marked` the words inside the bookmark,
    which is what a note stores. `index` is its place among the returned paragraphs (among
    the sent ones for a deletion).
    """

    kind: ChangeKind
    section: str
    before: str
    after: str
    bookmark: str | None = None
    style: str = ""
    headings: tuple[str, ...] = ()
    index: int = -1
    before_marked: str = ""
    after_marked: str = ""
    from_section: str = ""
    author: str = ""  # who wrote a comment, as the word processor recorded it
    tracked: bool = False  # made with tracked changes on (read as accepted)
    # For an addition: the section the Balcony bullets beside it were sent under, when that
    # is not the heading it now sits under (a heading lost or moved): its place is in doubt.
    neighbours_section: str | None = None

    @property
    def line(self) -> str:
        return describe(self)


def compare(
    sent: Sequence[DocParagraph],
    returned: Sequence[DocParagraph],
    comments: Sequence[DocComment] = (),
) -> tuple[ParagraphChange, ...]:
    """Every change from `sent` to `returned`, and each margin comment as a change for the
    facilitator to act on, in the returned file's reading order. The returned paragraphs are
    read with Balcony's headings anchored (anchors.py)."""
    returned = _own_bookmarks(sent, anchor_headings(sent, returned).paragraphs)
    sent_paths, returned_paths = heading_paths(sent), heading_paths(returned)
    sent_at = {p.bookmark: i for i, p in enumerate(sent) if p.bookmark}
    returned_at = {p.bookmark: j for j, p in enumerate(returned) if p.bookmark}
    common = sent_at.keys() & returned_at.keys()

    def key(p: DocParagraph) -> tuple[str, str]:
        return ("bookmark", p.bookmark) if p.bookmark in common and p.bookmark else ("text", p.text)

    found: list[tuple[float, int, ParagraphChange]] = []

    def note(where: float, change: ParagraphChange) -> None:
        found.append((where, len(found), change))

    def changed(i: int, j: int) -> ParagraphChange:
        old, new = sent[i], returned[j]
        return ParagraphChange(
            ChangeKind.CHANGED,
            _section(returned_paths[j]),
            old.text,
            new.text,
            old.bookmark,
            new.style,
            returned_paths[j],
            j,
            old.marked,
            _marked_after(old, new),
            tracked=new.tracked,
        )

    matcher = SequenceMatcher(None, [key(p) for p in sent], [key(p) for p in returned], False)
    in_place: set[str] = set()
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                if sent[i].bookmark in common:
                    in_place.add(sent[i].bookmark or "")
                if sent[i].text != returned[j].text:
                    note(j, changed(i, j))
            continue
        olds = [i for i in range(i1, i2) if sent[i].bookmark not in common]
        news = [j for j in range(j1, j2) if returned[j].bookmark not in common]
        pairs = _pair(olds, news, sent, returned)
        paired_old = {i for i, _ in pairs}
        paired_new = {j for _, j in pairs}
        for i in olds:
            if i not in paired_old:
                old = sent[i]
                change = ParagraphChange(
                    ChangeKind.DELETED,
                    _section(sent_paths[i]),
                    old.text,
                    "",
                    old.bookmark,
                    old.style,
                    sent_paths[i],
                    i,
                    old.marked,
                    # A tracked deletion leaves its mark on the paragraph it ran into.
                    tracked=j1 < len(returned) and returned[j1].tracked,
                )
                note(j1 - 0.5, change)
        for i, j in pairs:
            note(j, changed(i, j))
        for j in news:
            if j not in paired_new:
                new = returned[j]
                change = ParagraphChange(
                    ChangeKind.ADDED,
                    _section(returned_paths[j]),
                    "",
                    new.text,
                    None,
                    new.style,
                    returned_paths[j],
                    j,
                    after_marked=new.text,
                    tracked=new.tracked,
                    neighbours_section=_neighbours_section(
                        j, returned, returned_paths, sent_at, sent_paths
                    ),
                )
                note(j, change)
    for comment in comments:
        at = comment.paragraph if 0 <= comment.paragraph < len(returned) else -1
        path = returned_paths[at] if at >= 0 else ()
        note(
            at + 0.75,  # after any change to the paragraph it is anchored on
            ParagraphChange(
                ChangeKind.COMMENT,
                _section(path),
                returned[at].text if at >= 0 else "",
                comment.text,
                headings=path,
                index=at,
                author=comment.author,
            ),
        )
    for name in sorted(common - in_place, key=lambda n: returned_at[n]):
        i, j = sent_at[name], returned_at[name]
        if sent[i].text != returned[j].text:
            note(j, changed(i, j))
        moved = replace(changed(i, j), kind=ChangeKind.MOVED, from_section=_section(sent_paths[i]))
        note(j + 0.25, moved)
    return tuple(change for _, _, change in sorted(found, key=lambda f: (f[0], f[1])))


def _neighbours_section(
    j: int,
    returned: Sequence[DocParagraph],
    returned_paths: list[tuple[str, ...]],
    sent_at: dict[str, int],
    sent_paths: list[tuple[str, ...]],
) -> str | None:
    """The section the nearest Balcony bullet under the same heading as paragraph `j` was
    sent under (the one above, else below), if that is another section; None if it agrees
    or there is no such bullet."""
    here = returned_paths[j]
    for places in (range(j - 1, -1, -1), range(j + 1, len(returned))):
        for k in places:
            if returned_paths[k] != here or returned[k].is_heading:
                break
            mark = returned[k].bookmark
            i = sent_at.get(mark) if mark else None
            if i is not None:
                sent_section = _section(sent_paths[i])
                return sent_section if sent_section != _section(here) else None
    return None


def render_diff(changes: Sequence[ParagraphChange]) -> list[str]:
    """One plain line per change, for the facilitator to read before choosing."""
    if not changes:
        return ["No changes: the returned copy says what the version sent said."]
    return [describe(change) for change in changes]


def describe(change: ParagraphChange) -> str:
    before, after = f"“{one_line(change.before)}”", f"“{one_line(change.after)}”"
    section = change.section
    if change.kind is ChangeKind.CHANGED:
        where = f"in {section}" if section else "at the start"
        return f"Changed {where}: {before} → {after}"
    if change.kind is ChangeKind.ADDED:
        where = f"to {section}" if section else "at the start"
        return f"Added {where}: {after}"
    if change.kind is ChangeKind.DELETED:
        where = f"from {section}" if section else "from the start"
        return f"Deleted {where}: {before}"
    if change.kind is ChangeKind.COMMENT:
        where = f"in {section}" if section else "at the start"
        who = f" from {change.author}" if change.author else ""
        return f"Comment{who} {where}, on {before}: {after}"
    if change.from_section != section:
        return (
            f"Moved from {change.from_section or 'the start'} to {section or 'the start'}: {after}"
        )
    return f"Moved within {section or 'the start'}: {after}"


def heading_paths(paragraphs: Sequence[DocParagraph]) -> list[tuple[str, ...]]:
    """For each paragraph, the headings above it, outermost first (not itself)."""
    stack: list[tuple[int, str]] = []
    paths: list[tuple[str, ...]] = []
    for p in paragraphs:
        level = heading_level(p.style)
        if level is not None:
            while stack and stack[-1][0] >= level:
                stack.pop()
        paths.append(tuple(text for _, text in stack))
        if level is not None:
            stack.append((level, p.text))
    return paths


def _section(path: tuple[str, ...]) -> str:
    return path[-1] if path else ""


def _own_bookmarks(
    sent: Sequence[DocParagraph], returned: Sequence[DocParagraph]
) -> list[DocParagraph]:
    """The returned paragraphs, keeping only bookmarks the version sent had, each once.

    A bullet copied in Word may carry its bookmark twice: the copy with the sent words (or
    else the first) keeps it.
    """
    sent_text = {p.bookmark: p.text for p in sent if p.bookmark}
    keeper: dict[str, int] = {}
    for j, p in enumerate(returned):
        if p.bookmark in sent_text and p.bookmark:
            held = keeper.get(p.bookmark)
            if held is None or (
                returned[held].text != sent_text[p.bookmark] and p.text == sent_text[p.bookmark]
            ):
                keeper[p.bookmark] = j
    return [
        p if p.bookmark is None or keeper.get(p.bookmark) == j else replace(p, bookmark=None)
        for j, p in enumerate(returned)
    ]


def _pair(
    olds: list[int], news: list[int], sent: Sequence[DocParagraph], returned: Sequence[DocParagraph]
) -> list[tuple[int, int]]:
    """Pairs each old paragraph with the most alike new one after the last pair, in order."""
    pairs: list[tuple[int, int]] = []
    start = 0
    for i in olds:
        best, best_ratio = -1, SIMILAR
        for place in range(start, len(news)):
            j = news[place]
            if sent[i].is_heading != returned[j].is_heading:
                continue
            ratio = SequenceMatcher(None, sent[i].text, returned[j].text, False).ratio()
            if ratio >= best_ratio and (best < 0 or ratio > best_ratio):
                best, best_ratio = place, ratio
        if best >= 0:
            pairs.append((i, news[best]))
            start = best + 1
    return pairs


def _marked_after(old: DocParagraph, new: DocParagraph) -> str:
    """What a bookmarked bullet's own words now are: the returned paragraph less the words
    printed around the bookmark when it was sent (an attribution, a lead-in).

    Word does not grow a bookmark as words are typed at its end, so the paragraph, not the
    bookmark, is trusted first; the bookmark's own words are used only when the words
    around it were edited too.
    """
    if not old.bookmark:
        return ""
    text = new.text.strip()
    start = old.text.find(old.marked) if old.marked else -1
    if start < 0:
        return text
    prefix = old.text[:start].strip()
    suffix = old.text[start + len(old.marked) :].strip()
    has_prefix = not prefix or text.startswith(prefix)
    has_suffix = not suffix or text.endswith(suffix)
    if not (has_prefix and has_suffix) and new.bookmark == old.bookmark and new.marked.strip():
        return new.marked.strip()
    if has_prefix:
        text = text[len(prefix) :]
    if has_suffix and len(text) >= len(suffix):
        text = text[: len(text) - len(suffix)]
    return text.strip()
