"""The agenda as a Word file, checked by reopening it with python-docx."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.table import Table

from facilitator.common.vocabulary import DayKind, DayMode, StageKind
from facilitator.common.wording import long_date
from facilitator.demo import create_demo_day
from facilitator.planning.planner import AuthorityEntry, DayPlan, NewDay
from facilitator.storage.files import WriteError
from facilitator.word.agenda import export_agenda
from facilitator.word.agenda_content import agenda_content
from facilitator.word.conventions import TemplateError
from facilitator.workspace import Workspace

GENERATED = dt.datetime(2027, 1, 4, 9, 30)


@pytest.fixture
def demo_plan(workspace: Workspace) -> DayPlan:
    day_id = create_demo_day(workspace.planner, workspace.notebook)
    return workspace.planner.day_plan(day_id)


def quartet_plan(workspace: Workspace, mode: DayMode = DayMode.FACE_TO_FACE) -> DayPlan:
    day_id = workspace.planner.create_day(
        NewDay(
            date=dt.date(2027, 3, 9),
            kind=DayKind.QUARTET,
            mode=mode,
            authorities=(
                AuthorityEntry("Upton", "UP", "Nadia Fairbairn"),
                AuthorityEntry("Lowmoor", "LM", "Owen Castellan"),
                AuthorityEntry("Isle of Wren", "IW", "Owen Castellan"),
                AuthorityEntry("Redbank", "RB", "Beth Marchetti"),
            ),
            venue="Lowmoor Civic Hall",
            meeting_link="https://meet.example.org/quartet-2",
            facilitator="Idris Penhallow",
            cycle_name="Demo cycle 2026–2027",
        )
    )
    return workspace.planner.day_plan(day_id)


def export_and_open(
    plan: DayPlan, path: Path, *, template: Path | None = None, marking: str | None = None
) -> Document:
    export_agenda(plan, path, generated_at=GENERATED, template=template, marking=marking)
    return docx.Document(str(path))


def texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def footer_xml(doc: Document) -> str:
    return str(doc.sections[0].footer._element.xml)


def test_the_agenda_has_its_headings_details_and_tables(demo_plan: DayPlan, tmp_path: Path) -> None:
    doc = export_and_open(demo_plan, tmp_path / "agenda.docx")

    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert headings == [
        ("Heading 1", "Peer challenge day: agenda"),
        ("Heading 2", "Authorities and lead reviewers"),
        ("Heading 2", "Timetable"),
    ]
    details, people, _timetable = doc.tables
    assert texts(details) == [
        ["Date", "Monday 18 January 2027"],
        ["Day", "Triad, Demo cycle 2026–2027"],
        ["Where", "Riverside Conference Centre, Room 2"],
        ["Facilitator", "Sam Okafor"],
        ["Times", "10.00 to 17.35"],
    ]
    assert texts(people)[0] == ["Presenting order", "Authority", "DCS", "Lead reviewer for"]
    assert texts(people)[1:] == [
        [str(n), p.name, p.dcs, p.reviews] for n, p in enumerate(demo_plan.participants, 1)
    ]
    assert "balcony" in doc.paragraphs[-1].text


def test_the_timetable_lists_every_stage_then_the_finish(
    demo_plan: DayPlan, tmp_path: Path
) -> None:
    doc = export_and_open(demo_plan, tmp_path / "agenda.docx")
    rows = texts(doc.tables[2])

    assert rows[0] == ["Time", "Item", "Presenting", "Minutes"]
    assert rows[1] == ["10.00", "Introductions", "", "15"]
    assert rows[-1] == ["17.35", "Finish", "", ""]
    assert len(rows) == len(demo_plan.stages) + 2
    assert [row[0] for row in rows[1:-1]] == [s.starts.strftime("%H.%M") for s in demo_plan.stages]
    lunch = next(r for r in doc.tables[2].rows if r.cells[1].text == "Lunch")
    assert lunch.cells[1].paragraphs[0].runs[0].italic


def test_a_sessions_presenter_and_lead_reviewer_share_one_cell(
    demo_plan: DayPlan, tmp_path: Path
) -> None:
    doc = export_and_open(demo_plan, tmp_path / "agenda.docx")
    reviewer = next(p for p in demo_plan.participants if p.reviews == "Ashvale")
    rows = texts(doc.tables[2])

    ashvale = [row[2] for row in rows if row[2].startswith("Ashvale")]
    assert len(ashvale) == 1  # on the session's first row only: no merged cells
    assert ashvale[0] == f"Ashvale\nQuestioning led by {reviewer.dcs} ({reviewer.name})"


def test_the_header_row_repeats_and_rows_do_not_split(demo_plan: DayPlan, tmp_path: Path) -> None:
    doc = export_and_open(demo_plan, tmp_path / "agenda.docx")
    timetable = doc.tables[2]

    assert timetable.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in timetable.rows)
    assert timetable.rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


def test_page_properties_language_and_page_numbers(demo_plan: DayPlan, tmp_path: Path) -> None:
    doc = export_and_open(demo_plan, tmp_path / "agenda.docx")
    section = doc.sections[0]

    assert section.page_width is not None
    assert section.page_height is not None
    assert round(section.page_width.cm, 1) == 21.0
    assert round(section.page_height.cm, 1) == 29.7
    props = doc.core_properties
    assert props.title == "Agenda: Triad on Monday 18 January 2027"
    assert props.subject == "Peer challenge day agenda"
    assert props.author == "Sam Okafor"
    assert props.language == "en-GB"
    assert "PAGE" in footer_xml(doc)
    assert "NUMPAGES" in footer_xml(doc)
    assert "Page 1 of 1" in section.footer.paragraphs[0].text
    normal_lang = doc.styles["Normal"].element.rPr.find(qn("w:lang"))
    assert normal_lang.get(qn("w:val")) == "en-GB"
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    assert defaults.find(f".//{qn('w:lang')}").get(qn("w:val")) == "en-GB"
    assert doc.styles["Normal"].font.name == "Arial"


def test_no_blank_paragraphs_make_space(demo_plan: DayPlan, tmp_path: Path) -> None:
    doc = export_and_open(demo_plan, tmp_path / "agenda.docx")

    assert all(p.text.strip() for p in doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                assert all(p.text.strip() for p in cell.paragraphs[1:])


def test_no_marking_unless_asked(demo_plan: DayPlan, tmp_path: Path) -> None:
    plain = export_and_open(demo_plan, tmp_path / "plain.docx")
    marked = export_and_open(demo_plan, tmp_path / "marked.docx", marking="OFFICIAL-SENSITIVE")

    assert "OFFICIAL" not in plain.sections[0].header._element.xml
    header = [p.text for p in marked.sections[0].header.paragraphs]
    footer = [p.text for p in marked.sections[0].footer.paragraphs]
    assert header[0] == "OFFICIAL-SENSITIVE"
    assert footer[-1] == "OFFICIAL-SENSITIVE"
    assert footer[0].startswith("Page ")


def test_an_existing_file_is_kept_unless_replacing_is_confirmed(
    demo_plan: DayPlan, tmp_path: Path
) -> None:
    target = tmp_path / "agenda.docx"
    target.write_bytes(b"someone's notes")

    with pytest.raises(WriteError, match="already exists"):
        export_agenda(demo_plan, target, generated_at=GENERATED)
    assert target.read_bytes() == b"someone's notes"

    export_agenda(demo_plan, target, overwrite=True, generated_at=GENERATED)
    assert docx.Document(str(target)).paragraphs[0].text == "Peer challenge day: agenda"


def test_a_quartet_agenda(workspace: Workspace, tmp_path: Path) -> None:
    plan = quartet_plan(workspace)
    doc = export_and_open(plan, tmp_path / "quartet.docx")

    details, people, timetable = doc.tables
    assert texts(details)[1] == ["Day", "Quartet, Demo cycle 2026–2027"]
    assert len(people.rows) == 5
    assert len(timetable.rows) == len(plan.stages) + 2
    presented = {row[2].split("\n")[0] for row in texts(timetable)[1:] if row[2]}
    assert presented == {"Upton", "Lowmoor", "Isle of Wren", "Redbank"}
    assert texts(timetable)[-1][:2] == [plan.finish.strftime("%H.%M"), "Finish"]
    assert doc.core_properties.title == "Agenda: Quartet on Tuesday 9 March 2027"


def test_the_quartet_agenda_runs_0900_to_1735_without_an_over_limit_line(
    workspace: Workspace, tmp_path: Path
) -> None:
    doc = export_and_open(quartet_plan(workspace), tmp_path / "quartet.docx")

    details, _people, timetable = doc.tables
    assert ["Times", "09.00 to 17.35"] in texts(details)
    assert [row[0] for row in texts(timetable)[1:]][-3:] == ["17.10", "17.20", "17.35"]
    assert not any("finish limit" in p.text for p in doc.paragraphs)


def test_a_plan_past_its_limit_says_so_near_the_top(
    demo_plan: DayPlan, workspace: Workspace, tmp_path: Path
) -> None:
    workspace.planner.set_start_time(demo_plan.summary.id, dt.time(10, 30))
    plan = workspace.planner.day_plan(demo_plan.summary.id)
    doc = export_and_open(plan, tmp_path / "late.docx")

    line = "This plan ends at 18.05, 30 minutes after the 17.35 finish limit."
    assert doc.paragraphs[1].text == line
    assert doc.paragraphs[1].runs[0].bold
    assert agenda_content(plan).over_limit == line


def test_a_virtual_day_names_its_link_and_a_resumed_session(workspace: Workspace) -> None:
    plan = quartet_plan(workspace, DayMode.VIRTUAL)
    offer = plan.screen_break_offers[0]
    workspace.planner.add_screen_break(plan.summary.id, offer.after_stage_id)
    plan = workspace.planner.day_plan(plan.summary.id)

    content = agenda_content(plan)

    assert ("Where", "Virtual: https://meet.example.org/quartet-2") in content.details
    screen = next(i for i, s in enumerate(plan.stages) if s.kind is StageKind.SCREEN_BREAK)
    after = content.timetable[screen + 1]
    assert after.presenting == f"{plan.stages[screen - 1].presenter} (continued)"
    assert after.lead_reviewer == ""
    assert content.timetable[screen].is_break


def test_long_dates_are_english_without_a_leading_zero() -> None:
    assert long_date(dt.date(2027, 3, 9)) == "Tuesday 9 March 2027"


def make_template(path: Path) -> Path:
    template = docx.Document()
    template.sections[0].header.paragraphs[0].text = "Ashvale letterhead"
    style = template.styles.add_style("Ashvale Body", WD_STYLE_TYPE.PARAGRAPH)
    style.font.name = "Georgia"
    template.add_paragraph("Dear colleague, template text to be removed", style="Ashvale Body")
    template.add_table(rows=1, cols=1).cell(0, 0).text = "template table"
    docx_path = path.with_suffix(".docx")
    template.save(str(docx_path))
    if path.suffix == ".dotx":  # the same package, typed as a template
        with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(b"document.main+xml", b"template.main+xml")
                target.writestr(info, data)
    return path


@pytest.mark.parametrize("suffix", [".docx", ".dotx"])
def test_a_users_template_gives_its_letterhead_and_styles(
    demo_plan: DayPlan, tmp_path: Path, suffix: str
) -> None:
    template = make_template(tmp_path / f"letterhead{suffix}")

    doc = export_and_open(demo_plan, tmp_path / "agenda.docx", template=template)

    assert "Ashvale letterhead" in [p.text for p in doc.sections[0].header.paragraphs]
    assert "Ashvale Body" in [s.name for s in doc.styles]
    body = [p.text for p in doc.paragraphs]
    assert not any("template text" in text for text in body)
    assert len(doc.tables) == 3
    assert body[0] == "Peer challenge day: agenda"
    assert doc.paragraphs[0].style.name == "Heading 1"


def test_styles_a_template_lacks_are_added(demo_plan: DayPlan, tmp_path: Path) -> None:
    bare = docx.Document()
    for name in ("Heading 2", "List Bullet"):
        element = bare.styles[name].element
        element.getparent().remove(element)
    bare.save(str(tmp_path / "bare.docx"))

    doc = export_and_open(demo_plan, tmp_path / "agenda.docx", template=tmp_path / "bare.docx")

    assert [p.style.name for p in doc.paragraphs].count("Heading 2") == 2
    heading = doc.styles["Heading 2"]
    assert heading.font.bold
    assert heading.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    assert "List Bullet" in [s.name for s in doc.styles]


def test_a_file_that_is_not_a_template_is_refused_readably(
    demo_plan: DayPlan, tmp_path: Path
) -> None:
    template = tmp_path / "letterhead.docx"
    template.write_text("not a Word file")

    with pytest.raises(TemplateError, match=r"letterhead\.docx") as caught:
        export_agenda(demo_plan, tmp_path / "agenda.docx", template=template)
    assert isinstance(caught.value, WriteError)
    assert not (tmp_path / "agenda.docx").exists()
