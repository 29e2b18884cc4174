"""A returned copy's changes as a two-level list: each heading, then the changes under it;
the model, and the view that draws it with a tick box on each change.

Changes that can be taken in are ticked to start with and can be unticked; a change with
problems is left out, cannot be ticked, and carries its reason. Comments come last in a
group of their own and are never taken in: the facilitator acts on them in Balcony.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QTextDocument
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QTreeView,
)

from facilitator.amendments.round_trip import ChangeKind, ParagraphChange
from facilitator.common.wording import one_line

Index = QModelIndex | QPersistentModelIndex

# GOV.UK tag colours: dark words on a light ground, so every pair meets WCAG AA.
KIND_COLOURS = {
    ChangeKind.CHANGED: ("#594d00", "#fff7bf"),
    ChangeKind.ADDED: ("#005a30", "#cce2d8"),
    ChangeKind.DELETED: ("#942514", "#f6d7d2"),
    ChangeKind.MOVED: ("#0c2d4a", "#bbd4ea"),
    ChangeKind.COMMENT: ("#3d2375", "#dbd5e9"),
}
SECONDARY = "#505a5f"
NO_PLACE = "Start of the note"
COMMENTS = "Comments to act on"
COMMENTS_NOTE = "Not taken in: act on them in Balcony."
LIST_HELP = "Space ticks or unticks the change you are on. Ticked changes are taken in."
HEADINGS_OWN = "the note’s headings are Balcony’s own"
_ADVICE = " Leave this change out, or keep the amended text."

HTML_ROLE = Qt.ItemDataRole.UserRole + 1
TRACKED = "Made with tracked changes on (read as if accepted)"
CHANGE_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass
class Row:
    change: ParagraphChange
    problems: tuple[str, ...] = ()
    ticked: bool = False

    @property
    def choosable(self) -> bool:
        return self.change.kind is not ChangeKind.COMMENT and not self.problems


@dataclass
class Group:
    title: str
    rows: list[Row] = field(default_factory=list)
    comments: bool = False


def is_heading(change: ParagraphChange) -> bool:
    return change.style.startswith("Heading") or change.style == "Title"


def reason(row: Row) -> str:
    """Why a change is left out, in a line: a heading says so plainly; otherwise the round
    trip's own words, less the advice to leave it out (it already is)."""
    if not row.problems:
        return ""
    if is_heading(row.change):
        what = "New heading" if row.change.kind is ChangeKind.ADDED else "Heading wording"
        return f"{what} — left out; {HEADINGS_OWN}."
    return "Left out: " + " ".join(p.removesuffix(_ADVICE) for p in row.problems)


def words_html(change: ParagraphChange) -> str:
    """What the change says: a changed paragraph as a word-by-word edit, like Word's."""
    if change.kind is ChangeKind.CHANGED:
        return edit_html(one_line(change.before), one_line(change.after))
    if change.kind is ChangeKind.DELETED:
        return escape(one_line(change.before))
    if change.kind is ChangeKind.MOVED:
        place = f"from {change.from_section or NO_PLACE.lower()}"
        if change.from_section == change.section:
            place = f"within {change.section or NO_PLACE.lower()}"
        return (
            f"{escape(one_line(change.after))} "
            f'<span style="color: {SECONDARY};">(moved {escape(place)})</span>'
        )
    if change.kind is ChangeKind.COMMENT:
        who = escape(one_line(change.author) or "Someone")
        return (
            f"<b>{who}</b> on “{escape(one_line(change.before))}”:<br>"
            f"{escape(one_line(change.after))}"
        )
    return escape(one_line(change.after))


def edit_html(before: str, after: str) -> str:
    old, new = before.split(" "), after.split(" ")
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, False).get_opcodes():
        if tag == "equal":
            parts.append(escape(" ".join(old[i1:i2])))
            continue
        if i2 > i1:
            gone = escape(" ".join(old[i1:i2]))
            parts.append(f'<s style="color: #942514;">{gone}</s>')
        if j2 > j1:
            added = escape(" ".join(new[j1:j2]))
            parts.append(f'<u style="color: #005a30; font-weight: bold;">{added}</u>')
    return " ".join(parts)


def plain(change: ParagraphChange) -> str:
    """The change in words, for screen readers and tests."""
    if change.kind is ChangeKind.COMMENT:
        who = one_line(change.author) or "Someone"
        return f"Comment by {who} on “{one_line(change.before)}”: {one_line(change.after)}"
    return change.line


class ChangesModel(QAbstractItemModel):
    """Headings (and the comments group) at the top level, the changes beneath them."""

    def __init__(
        self,
        changes: Sequence[ParagraphChange],
        problems: Mapping[ParagraphChange, Sequence[str]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.groups: list[Group] = []
        by_title: dict[str, Group] = {}
        comments = Group(COMMENTS, comments=True)
        self.rows: list[Row] = []  # in reading order, comments included
        for change in changes:
            if change.kind is ChangeKind.COMMENT:
                row = Row(change)
                comments.rows.append(row)
            else:
                row = Row(change, tuple(problems.get(change, ())))
                row.ticked = row.choosable
                title = change.section or NO_PLACE
                if title not in by_title:
                    by_title[title] = Group(title)
                    self.groups.append(by_title[title])
                by_title[title].rows.append(row)
            self.rows.append(row)
        if comments.rows:
            self.groups.append(comments)

    # what is chosen ---------------------------------------------------------------------

    def chosen(self) -> tuple[ParagraphChange, ...]:
        return tuple(r.change for r in self.rows if r.choosable and r.ticked)

    @property
    def change_count(self) -> int:
        return sum(1 for r in self.rows if r.change.kind is not ChangeKind.COMMENT)

    @property
    def choosable_count(self) -> int:
        return sum(1 for r in self.rows if r.choosable)

    @property
    def comment_count(self) -> int:
        return len(self.rows) - self.change_count

    def set_all(self, ticked: bool) -> None:
        for g, group in enumerate(self.groups):
            for r, row in enumerate(group.rows):
                if row.choosable and row.ticked != ticked:
                    row.ticked = ticked
                    changed = self.index(r, 0, self.index(g, 0))
                    self.dataChanged.emit(changed, changed)

    def first_change(self) -> QModelIndex:
        """Where the keyboard starts: the first change that can be ticked, else the first."""
        ticks = [(g, r) for g, group in enumerate(self.groups) for r, row in enumerate(group.rows)]
        g, r = next((p for p in ticks if self.groups[p[0]].rows[p[1]].choosable), (0, 0))
        return self.index(r, 0, self.index(g, 0))

    # the model --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self.groups) else QModelIndex()
        if parent.internalId() != 0 or parent.row() >= len(self.groups):
            return QModelIndex()
        if row >= len(self.groups[parent.row()].rows):
            return QModelIndex()
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, child: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        return self.createIndex(child.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self.groups)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        row = self._row(index)
        if row is not None and row.choosable:
            flags |= Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemNeverHasChildren
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._row(index)
        if row is None:
            return self._group_data(self.groups[index.row()], role)
        if role == Qt.ItemDataRole.CheckStateRole:
            if row.change.kind is ChangeKind.COMMENT:
                return None
            return Qt.CheckState.Checked if row.ticked else Qt.CheckState.Unchecked
        if role == CHANGE_ROLE:
            return row.change
        if role == HTML_ROLE:
            return self._html(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n\n".join(row.problems) or None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return plain(row.change)
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if row.change.kind is ChangeKind.COMMENT:
                return "Not taken in: act on it in Balcony."
            if not row.choosable:
                return reason(row)
            return "Ticked: it will be taken in." if row.ticked else "Not ticked: left out."
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        row = self._row(index) if index.isValid() else None
        if role != Qt.ItemDataRole.CheckStateRole or row is None or not row.choosable:
            return False
        ticked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
        if ticked != row.ticked:
            row.ticked = ticked
            self.dataChanged.emit(index, index)
        return True

    def _row(self, index: Index) -> Row | None:
        group = index.internalId()
        if group == 0:
            return None
        return self.groups[group - 1].rows[index.row()]

    def _group_data(self, group: Group, role: int) -> Any:
        note = COMMENTS_NOTE if group.comments else ""
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return group.title
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            return note or None
        if role == HTML_ROLE:
            extra = f' <span style="font-weight: normal; color: {SECONDARY};">{note}</span>'
            return f"<b>{escape(group.title)}</b>{extra if note else ''}"
        return None

    def _html(self, row: Row) -> str:
        change = row.change
        colour, ground = KIND_COLOURS[change.kind]
        tag = (
            f'<td width="84" bgcolor="{ground}" style="color: {colour}; font-weight: bold;">'
            f"{escape(change.kind.value.capitalize())}</td>"
        )
        words = words_html(change)
        if change.kind is not ChangeKind.COMMENT and not (row.choosable and row.ticked):
            words = f'<span style="color: {SECONDARY};">{words}</span>'
        why = reason(row)
        if change.tracked:  # the director's word processor recorded it as a tracked change
            words += f'<br><span style="color: {SECONDARY};">{TRACKED}</span>'
        if why:
            words += f'<br><i style="color: {SECONDARY};">{escape(why)}</i>'
        return (
            '<table width="100%" cellspacing="0" cellpadding="4"><tr>'
            f'{tag}<td style="padding-left: 10px;">{words}</td></tr></table>'
        )


PADDING, GUTTER, SECTION_GROUND = 8, 36, QColor("#f3f2f1")


class ChangeDelegate(QStyledItemDelegate):
    """Draws a row's HTML, with a tick box in a gutter on the left for the changes; a click
    anywhere in the gutter ticks or unticks (Space does the same, through the view)."""

    def __init__(self, view: QTreeView) -> None:
        super().__init__(view)
        self._view = view
        self._heights: dict[tuple[str, int, str], int] = {}

    def _document(self, option: QStyleOptionViewItem, index: Index, width: int) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setHtml(str(index.data(HTML_ROLE) or ""))
        document.setTextWidth(max(width - self._left(index) - PADDING, 50))
        return document

    @staticmethod
    def _left(index: Index) -> int:
        return GUTTER if index.parent().isValid() else PADDING

    @staticmethod
    def _gutter(rect: QRect) -> QRect:
        return QRect(rect.x(), rect.y(), GUTTER, rect.height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        rect = option.rect
        painter.save()
        if not index.parent().isValid():
            painter.fillRect(rect, SECTION_GROUND)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(rect, QColor("#d2e2f1"))
            painter.fillRect(rect.x(), rect.y(), 5, rect.height(), QColor("#1d70b8"))
        painter.setPen(QColor("#e5e4e3"))
        painter.drawLine(rect.bottomLeft(), rect.bottomRight())
        if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:  # a left-out change has no box
            box = QStyleOptionButton()
            box.rect = QRect(rect.x() + 12, rect.y() + PADDING + 2, 16, 16)
            ticked = _ticked(index.data(Qt.ItemDataRole.CheckStateRole))
            on = QStyle.StateFlag.State_On if ticked else QStyle.StateFlag.State_Off
            box.state = on | QStyle.StateFlag.State_Enabled
            style = self._view.style()
            style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorCheckBox, box, painter)
        document = self._document(option, index, rect.width())
        painter.translate(rect.x() + self._left(index), rect.y() + PADDING)
        document.drawContents(painter, QRectF(0, 0, rect.width(), rect.height()))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        width = self._view.viewport().width()
        key = (str(index.data(HTML_ROLE) or ""), width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            height = int(self._document(option, index, width).size().height()) + 2 * PADDING
            self._heights[key] = height
        return QSize(width, height)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: Index,
    ) -> bool:
        if not isinstance(event, QMouseEvent):
            return super().editorEvent(event, model, option, index)  # Space and Select
        if not index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return False
        if not self._gutter(option.rect).contains(event.position().toPoint()):
            return False
        if event.type() == QEvent.Type.MouseButtonRelease:
            if event.button() == Qt.MouseButton.LeftButton:
                ticked = _ticked(index.data(Qt.ItemDataRole.CheckStateRole))
                new = Qt.CheckState.Unchecked if ticked else Qt.CheckState.Checked
                model.setData(index, new, Qt.ItemDataRole.CheckStateRole)
            return True
        return event.type() == QEvent.Type.MouseButtonDblClick  # a press still selects


def _ticked(state: object) -> bool:
    return state in (Qt.CheckState.Checked, Qt.CheckState.Checked.value)
