"""Who takes part: presenting order (drag or Alt+arrows), lead reviewers, DCS and teams."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QKeySequence, QStandardItem, QStandardItemModel, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.planner import DayTextError, Planner, TeamMember, clean_team
from ui.common.bridge import listen
from ui.common.undo import Change
from ui.planning.day_models import EditedPlanTable

Index = QModelIndex | QPersistentModelIndex
ROW_MIME = "application/x-balcony-authority-row"
REVIEWS_COLUMN = 2


class AuthoritiesModel(EditedPlanTable):
    """The day's authorities in presenting order; dropping a row moves it in the day."""

    headers = ("Presenting order", "DCS", "Lead reviewer for")

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.plan.participants)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        base |= Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == REVIEWS_COLUMN:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        person = self.plan.participants[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            short = f" ({person.short_name})" if person.short_name else ""
            if index.column() == 0:
                return f"{index.row() + 1}. {person.name}{short}"
            if index.column() == 1:
                shared = (
                    f" (also {', '.join(person.shares_dcs_with)})" if person.shares_dcs_with else ""
                )
                return (person.dcs or "–") + shared
            return person.reviews or "Not chosen"
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and not person.reviews:
            return QColor("#d4351c")
        return None

    def authority_id(self, row: int) -> int:
        return self.plan.participants[row].authority_id

    # reordering -------------------------------------------------------------------------

    def move(self, row: int, target: int) -> None:
        ids = [p.authority_id for p in self.plan.participants]
        if row == target or not (0 <= row < len(ids) and 0 <= target < len(ids)):
            return
        old = list(ids)
        ids.insert(target, ids.pop(row))
        name = self.plan.participants[row].name
        self.undo.push(
            Change(
                f"Move {name}",
                lambda: self.planner.reorder_authorities(self.day_id, ids),
                lambda: self.planner.reorder_authorities(self.day_id, old),
            )
        )

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        data = QMimeData()
        if indexes:
            data.setData(ROW_MIME, QByteArray(str(indexes[0].row()).encode()))
        return data

    def dropMimeData(
        self,
        data: QMimeData,
        action: Qt.DropAction,
        row: int,
        column: int,
        parent: Index,
    ) -> bool:
        if not data.hasFormat(ROW_MIME):
            return False
        source = int(bytes(data.data(ROW_MIME).data()).decode())
        target = parent.row() if row < 0 else row
        if target < 0:
            target = self.rowCount() - 1
        if target > source:
            target -= 1 if row >= 0 else 0
        self.move(source, max(0, min(target, self.rowCount() - 1)))
        # The planner has moved it; returning False stops the view removing the source row.
        return False


class ReviewsDelegate(QStyledItemDelegate):
    """A list of the day's other authorities for the lead-reviewer column."""

    def __init__(self, model: AuthoritiesModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setAccessibleName("Lead reviewer for")
        me = self.model.plan.participants[index.row()]
        combo.addItem("Not chosen", None)
        for other in self.model.plan.participants:
            if other.authority_id != me.authority_id:
                combo.addItem(other.name, other.authority_id)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        me = self.model.plan.participants[index.row()]
        editor.setCurrentIndex(max(0, editor.findData(me.reviews_authority_id)))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        m = self.model
        me = m.plan.participants[index.row()]
        new = editor.currentData()
        old = me.reviews_authority_id
        if new != old:
            m.undo.push(
                Change(
                    f"Lead reviewer for {me.name}",
                    lambda: m.planner.set_lead_reviewers(m.day_id, {me.authority_id: new}),
                    lambda: m.planner.set_lead_reviewers(m.day_id, {me.authority_id: old}),
                )
            )


class AuthoritiesTab(QWidget):
    def __init__(
        self, planner: Planner, day_id: int, undo: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.planner, self.day_id, self.undo = planner, day_id, undo
        self.model = AuthoritiesModel(planner, day_id, undo)
        self.view = QTableView()
        self.view.setAccessibleName("Authorities in presenting order")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(REVIEWS_COLUMN, ReviewsDelegate(self.model, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        self.up_button = QPushButton("Move up")
        self.up_button.setShortcut(QKeySequence("Alt+Up"))
        self.down_button = QPushButton("Move down")
        self.down_button.setShortcut(QKeySequence("Alt+Down"))
        self.suggest_button = QPushButton("Suggest lead reviewers")
        buttons = QHBoxLayout()
        for button in (self.up_button, self.down_button, self.suggest_button):
            buttons.addWidget(button)
        buttons.addStretch()
        hint = QLabel(
            "Drag an authority, or use Alt+Up and Alt+Down, to change the presenting order. "
            "Double-click (or F2) the lead-reviewer column to change who reviews whom."
        )
        hint.setObjectName("secondaryText")
        hint.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setObjectName("errorMessage")
        self.problems.setWordWrap(True)

        self.team_heading = QLabel()
        self.team_heading.setObjectName("sectionHeading")
        self.short_edit = QLineEdit()
        self.short_edit.setAccessibleName("Short name")
        self.dcs_edit = QLineEdit()
        self.dcs_edit.setAccessibleName("DCS")
        self.dcs_edit.setPlaceholderText("Type another authority’s DCS to share one DCS")
        self.team_model = QStandardItemModel(0, 2, self)
        self.team_model.setHorizontalHeaderLabels(["Name", "Role"])
        self.team_view = QTableView()
        self.team_view.setAccessibleName("Team")
        self.team_view.setModel(self.team_model)
        self.team_view.verticalHeader().hide()
        self.team_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_person = QPushButton("Add person")
        self.remove_person = QPushButton("Remove person")
        team_buttons = QHBoxLayout()
        team_buttons.addWidget(self.add_person)
        team_buttons.addWidget(self.remove_person)
        team_buttons.addStretch()
        form = QFormLayout()
        form.addRow("Short &name", self.short_edit)
        form.addRow("&DCS", self.dcs_edit)
        self.team_error = QLabel()
        self.team_error.setObjectName("errorMessage")
        self.team_error.setWordWrap(True)
        self.team_error.hide()

        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.view, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.problems)
        layout.addWidget(self.team_heading)
        layout.addLayout(form)
        layout.addWidget(self.team_view, 2)
        layout.addWidget(self.team_error)
        layout.addLayout(team_buttons)

        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.suggest_button.clicked.connect(self.suggest)
        self.view.selectionModel().currentRowChanged.connect(self.show_team)
        self.short_edit.editingFinished.connect(self.save_team)
        self.dcs_edit.editingFinished.connect(self.save_team)
        self.team_model.itemChanged.connect(self.save_team)
        self.add_person.clicked.connect(self.add_team_row)
        self.remove_person.clicked.connect(self.remove_team_row)
        self._loading = False
        listen(self, planner.day_changed, self._day_changed)
        self.refresh(select_row=0)

    def _day_changed(self, day_id: int) -> None:
        if day_id == self.day_id:
            self.refresh()

    def refresh(self, select_row: int | None = None) -> None:
        current = self.view.currentIndex()
        selected_id = self.model.authority_id(current.row()) if current.isValid() else None
        self.model.reload()
        problems = self.model.plan.lead_reviewer_problems
        self.problems.setText("\n".join(problems))
        self.problems.setVisible(bool(problems))
        row = select_row
        if selected_id is not None:
            ids = [p.authority_id for p in self.model.plan.participants]
            row = ids.index(selected_id) if selected_id in ids else 0
        if row is not None and self.model.rowCount():
            self.view.selectRow(row)
            self.show_team()

    def selected_row(self) -> int:
        return self.view.currentIndex().row()

    def move_selected(self, step: int) -> None:
        row = self.selected_row()
        if row >= 0:
            self.model.move(row, row + step)

    def suggest(self) -> None:
        suggestion = self.planner.suggest_lead_reviewers(self.day_id)
        old = {p.authority_id: p.reviews_authority_id for p in self.model.plan.participants}
        self.undo.push(
            Change(
                "Suggest lead reviewers",
                lambda: self.planner.set_lead_reviewers(self.day_id, dict(suggestion)),
                lambda: self.planner.set_lead_reviewers(self.day_id, old),
            )
        )

    # team -------------------------------------------------------------------------------

    def show_team(self, *_: object) -> None:
        row = self.selected_row()
        if row < 0:
            return
        authority_id = self.model.authority_id(row)
        team = next(t for t in self.planner.teams(self.day_id) if t.authority_id == authority_id)
        self._loading = True
        self.team_error.hide()  # a problem typed for another authority no longer applies
        self.team_heading.setText(f"{team.name}: DCS and team")
        self.short_edit.setText(team.short_name)
        self.dcs_edit.setText(team.dcs_name)
        self.team_model.setRowCount(0)
        for member in team.members:
            self.team_model.appendRow([QStandardItem(member.name), QStandardItem(member.role)])
        self._loading = False

    def _typed_team(self) -> tuple[str, str, tuple[TeamMember, ...]]:
        members = []
        for row in range(self.team_model.rowCount()):
            name = self.team_model.item(row, 0)
            role = self.team_model.item(row, 1)
            members.append(TeamMember(name.text() if name else "", role.text() if role else ""))
        return self.short_edit.text(), self.dcs_edit.text(), tuple(members)

    def save_team(self, *_: object) -> None:
        row = self.selected_row()
        if self._loading or row < 0:
            return
        authority_id = self.model.authority_id(row)
        before = next(t for t in self.planner.teams(self.day_id) if t.authority_id == authority_id)
        try:
            # Checked before the change is pushed, so the undo stack never holds one that fails.
            short, dcs, members = clean_team(*self._typed_team())
        except DayTextError as exc:
            self.team_error.setText(str(exc))
            self.team_error.show()
            return
        self.team_error.hide()
        kept = tuple(m for m in members if m.name)
        if (short, dcs, kept) == (before.short_name, before.dcs_name, before.members):
            return
        self.undo.push(
            Change(
                f"Change the team of {before.name}",
                lambda: self.planner.set_team(
                    self.day_id, authority_id, short_name=short, dcs_name=dcs, members=kept
                ),
                lambda: self.planner.set_team(
                    self.day_id,
                    authority_id,
                    short_name=before.short_name,
                    dcs_name=before.dcs_name,
                    members=before.members,
                ),
            )
        )

    def add_team_row(self) -> None:
        self._loading = True
        self.team_model.appendRow([QStandardItem(""), QStandardItem("")])
        self._loading = False
        index = self.team_model.index(self.team_model.rowCount() - 1, 0)
        self.team_view.setCurrentIndex(index)
        self.team_view.edit(index)

    def remove_team_row(self) -> None:
        row = self.team_view.currentIndex().row()
        if row >= 0:
            self.team_model.removeRow(row)
            self.save_team()
