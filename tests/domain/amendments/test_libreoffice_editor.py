"""The real-LibreOffice harness itself: each editing step leaves what Writer really writes.

These pin the harness (tests/support/libreoffice.py and uno_editor.py), not Balcony: a
round-trip test that relies on "tracking on + reword gives w:ins and w:del" can trust it.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml import etree

from tests.support.libreoffice import LibreOffice, Step

# The session's real LibreOffice (one soffice, however many modules use it). Not needed once

pytestmark = pytest.mark.slow

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADING = "Key lines of enquiry"
BULLETS = [
    "First bullet about leadership",
    "Second bullet about practice",
    "Third bullet about outcomes",
]
CLOSING = "A normal closing paragraph."


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small record: a Heading 2 in a bookmark, three List Bullet items, a Normal line."""
    document = docx.Document()
    heading = document.add_heading(HEADING, level=2)
    start, end = OxmlElement("w:bookmarkStart"), OxmlElement("w:bookmarkEnd")
    start.set(qn("w:id"), "1")
    start.set(qn("w:name"), "heading-1")
    end.set(qn("w:id"), "1")
    heading._p.insert(1, start)
    heading._p.append(end)
    for text in BULLETS:
        document.add_paragraph(text, style="List Bullet")
    document.add_paragraph(CLOSING)
    path = tmp_path_factory.mktemp("sent") / "record.docx"
    document.save(str(path))
    return path


def body(path: Path) -> etree._Element:
    with zipfile.ZipFile(path) as archive:
        return etree.fromstring(archive.read("word/document.xml"))


def paragraphs(root: etree._Element) -> list[etree._Element]:
    return list(root.iter(f"{W}p"))


def shown_text(paragraph: etree._Element) -> str:
    """The paragraph's text as it reads with changes accepted (w:t only, not w:delText)."""
    return "".join(t.text or "" for t in paragraph.iter(f"{W}t"))


def deleted_text(paragraph: etree._Element) -> str:
    return "".join(t.text or "" for t in paragraph.iter(f"{W}delText"))


def style(paragraph: etree._Element) -> str | None:
    found = paragraph.find(f"{W}pPr/{W}pStyle")
    return None if found is None else found.get(f"{W}val")


def numbering(paragraph: etree._Element) -> bytes | None:
    found = paragraph.find(f"{W}pPr/{W}numPr")
    return None if found is None else etree.tostring(found)


def paragraph_with(root: etree._Element, text: str) -> etree._Element:
    for paragraph in paragraphs(root):
        if text in shown_text(paragraph) or text in deleted_text(paragraph):
            return paragraph
    raise AssertionError(f"no paragraph holds {text!r}")


def test_unchanged_resave_keeps_every_paragraph_and_the_bookmark(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", [])

    root = body(returned)
    texts = [shown_text(p) for p in paragraphs(root) if shown_text(p)]
    assert texts == [HEADING, *BULLETS, CLOSING]
    assert root.find(f".//{W}ins") is None
    assert root.find(f".//{W}del") is None
    assert [b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")] == ["heading-1"]
    assert style(paragraph_with(root, HEADING)) == "Heading2"


def test_tracked_reword_records_a_deletion_and_an_insertion(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [
        {"track": True},
        {"reword": {"find": "about practice", "to": "about casework"}},
    ]
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", steps)

    paragraph = paragraph_with(body(returned), "Second bullet")
    deletions = paragraph.findall(f"{W}del")
    insertions = paragraph.findall(f"{W}ins")
    assert ["".join(d.itertext()) for d in deletions] == ["about practice"]
    assert ["".join(i.itertext()) for i in insertions] == ["about casework"]
    assert shown_text(paragraph) == "Second bullet about casework"


def test_untracked_reword_and_retitle_change_the_text_silently(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [
        {"reword": {"find": "leadership", "to": "leaders"}},
        {"retitle_heading": {"find": HEADING, "to": "Lines of enquiry"}},
    ]
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", steps)

    root = body(returned)
    assert root.find(f".//{W}ins") is None
    assert root.find(f".//{W}del") is None
    texts = [shown_text(p) for p in paragraphs(root) if shown_text(p)]
    assert texts[:2] == ["Lines of enquiry", "First bullet about leaders"]
    assert style(paragraph_with(root, "Lines of enquiry")) == "Heading2"


def test_add_after_makes_a_paragraph_like_the_one_it_follows(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [
        {"add_after": {"find": "Second bullet", "text": "A new bullet from the director"}}
    ]
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", steps)

    root = body(returned)
    texts = [shown_text(p) for p in paragraphs(root) if shown_text(p)]
    assert texts == [HEADING, *BULLETS[:2], "A new bullet from the director", BULLETS[2], CLOSING]
    before = paragraph_with(root, "Second bullet")
    added = paragraph_with(root, "A new bullet from the director")
    assert style(added) == style(before) == "ListBullet"
    assert numbering(added) == numbering(before)
    assert numbering(added) is not None


def test_tracked_add_after_is_a_tracked_insertion(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [{"track": True}, {"add_after": {"find": "Third bullet", "text": "Added"}}]
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", steps)

    added = paragraph_with(body(returned), "Added")
    assert ["".join(i.itertext()) for i in added.findall(f"{W}ins")] == ["Added"]
    assert style(added) == "ListBullet"


def test_tracked_delete_removes_the_whole_paragraph_as_a_tracked_deletion(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [{"track": True}, {"delete": {"find": "Second bullet"}}]
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", steps)

    root = body(returned)
    gone = paragraph_with(root, "Second bullet")
    assert deleted_text(gone) == BULLETS[1]
    assert shown_text(gone) == ""
    runs = gone.findall(f"{W}r")
    mark_deleted = gone.find(f"{W}pPr/{W}rPr/{W}del") is not None
    assert mark_deleted or not runs, "neither the paragraph mark nor every run is deleted"
    shown = [shown_text(p) for p in paragraphs(root) if shown_text(p)]
    assert shown == [HEADING, BULLETS[0], BULLETS[2], CLOSING]


def test_untracked_delete_leaves_no_trace(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    returned = libreoffice.edit(sent, tmp_path / "out.docx", [{"delete": {"find": "Third"}}])

    root = body(returned)
    assert [shown_text(p) for p in paragraphs(root)] == [HEADING, *BULLETS[:2], CLOSING]
    assert root.find(f".//{W}del") is None


def test_comment_is_anchored_on_the_words_with_its_author(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [
        {
            "comment": {
                "find": "about outcomes",
                "text": "Which outcomes?",
                "author": "A Director",
            }
        }
    ]
    returned = libreoffice.edit(sent, tmp_path / "returned.docx", steps)

    with zipfile.ZipFile(returned) as archive:
        comments = etree.fromstring(archive.read("word/comments.xml"))
    [note] = comments.findall(f"{W}comment")
    assert note.get(f"{W}author") == "A Director"
    assert "".join(note.itertext()).strip() == "Which outcomes?"
    paragraph = paragraph_with(body(returned), "Third bullet")
    assert paragraph.find(f".//{W}commentRangeStart") is not None
    assert paragraph.find(f".//{W}commentReference") is not None
    assert shown_text(paragraph) == BULLETS[2]


def test_author_step_names_the_tracked_changes(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [
        {"author": "Dana Director"},
        {"track": True},
        {"reword": {"find": "First", "to": "1st"}},
    ]
    named = libreoffice.edit(sent, tmp_path / "named.docx", steps)
    unnamed: list[Step] = [{"track": True}, {"reword": {"find": "First", "to": "1st"}}]
    anonymous = libreoffice.edit(sent, tmp_path / "anonymous.docx", unnamed)

    assert {i.get(f"{W}author") for i in body(named).iter(f"{W}ins")} == {"Dana Director"}
    assert {i.get(f"{W}author") for i in body(anonymous).iter(f"{W}ins")} == {"Unknown Author"}


def test_odt_output_is_an_opendocument(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    returned = libreoffice.edit(sent, tmp_path / "returned.odt", [])

    with zipfile.ZipFile(returned) as archive:
        assert archive.read("mimetype") == b"application/vnd.oasis.opendocument.text"
        content = archive.read("content.xml").decode()
    assert all(text in content for text in [HEADING, *BULLETS, CLOSING])


def test_a_step_whose_text_is_missing_fails_and_says_so(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    steps: list[Step] = [{"reword": {"find": "no such words", "to": "x"}}]
    with pytest.raises(AssertionError, match=r"step 1 \(reword\).*'no such words'"):
        libreoffice.edit(sent, tmp_path / "returned.docx", steps)
    assert not (tmp_path / "returned.docx").exists()


def test_soffice_is_restarted_when_it_has_gone(
    libreoffice: LibreOffice, sent: Path, tmp_path: Path
) -> None:
    libreoffice.close()

    returned = libreoffice.edit(sent, tmp_path / "returned.docx", [])

    assert shown_text(paragraphs(body(returned))[0]) == HEADING
