"""Asks (support wanted) and offers (good practice to share), first raised in reflection."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.exchanges import Exchanges
from facilitator.common.vocabulary import ExchangeKind, ExchangeScope
from ui.common.bridge import listen
from ui.outcomes.common import (
    AddedRow,
    DeleteRow,
    add_key,
    error_label,
    label,
    show_error,
    wrapping_table,
)
from ui.outcomes.models import ExchangesModel

NOT_NAMED = "Not named yet"


def _choice(first: str, second: str, name: str) -> tuple[QWidget, QButtonGroup]:
    box = QWidget()
    box.setAccessibleName(name)
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    group = QButtonGroup(box)
    for number, text in enumerate((first, second)):
        button = QRadioButton(text)
        button.setAccessibleName(f"{name}: {text.replace('&', '')}")
        group.addButton(button, number)
        row.addWidget(button)
    row.addStretch()
    group.button(0).setChecked(True)
    return box, group


class ExchangesPart(QWidget):
    def __init__(self, exchanges: Exchanges, undo: QUndoStack, authorities: dict[int, str]) -> None:
        super().__init__()
        self.exchanges, self.undo, self.authorities = exchanges, undo, authorities
        self.session_id: int | None = None
        self.presenter_id: int | None = None
        kind_box, self.kind = _choice("As&k", "O&ffer", "Ask or offer")
        self.topic = QLineEdit()
        self.topic.setAccessibleName("Topic (required)")
        self.topic.setPlaceholderText("A few words on what is wanted or offered")
        self.detail = QLineEdit()
        self.detail.setAccessibleName("Detail (optional)")
        self.detail.setPlaceholderText("Optional")
        self.who = QComboBox()
        self.who.setAccessibleName("Authority asking or offering")
        scope_box, self.scope = _choice("&Bilateral", "&Multilateral", "Reach")
        self.counterpart = QComboBox()
        self.counterpart.setAccessibleName("Counterpart authority (bilateral only)")
        self.add_button = QPushButton("Add the ask")
        self.error = error_label()
        self.model = ExchangesModel({})
        self.table = wrapping_table("Asks and offers of the session", self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.empty = label("No asks or offers yet for this session.")

        form = QFormLayout()
        form.addRow("Kind", kind_box)
        form.addRow("&Topic", self.topic)
        form.addRow("&Detail", self.detail)
        form.addRow("&From", self.who)
        form.addRow("Reach", scope_box)
        form.addRow("&With", self.counterpart)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.add_button)
        layout.addWidget(self.error)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)

        add_key(self.table, "Delete the ask or offer", QKeySequence.StandardKey.Delete, self.delete)
        for line in (self.topic, self.detail):
            line.returnPressed.connect(self.submit)
            line.textEdited.connect(lambda *_: show_error(self.error, ""))
        self.add_button.clicked.connect(self.submit)
        self.who.currentIndexChanged.connect(lambda *_: self._fill_counterparts())
        self.scope.idToggled.connect(lambda *_: self._scope_changed())
        self.kind.idToggled.connect(lambda *_: self._kind_changed())
        listen(self, exchanges.changed, self._changed)
        self.set_names(authorities, authorities)
        self._kind_changed()

    def set_names(self, authorities: dict[int, str], short: dict[int, str]) -> None:
        self.authorities, self.model.names = authorities, short
        self.who.blockSignals(True)
        self.who.clear()
        for authority_id, name in authorities.items():
            self.who.addItem(name, authority_id)
        self.who.blockSignals(False)
        self._fill_counterparts()

    def set_session(self, session_id: int | None, presenter_id: int | None) -> None:
        self.session_id, self.presenter_id = session_id, presenter_id
        self.who.setCurrentIndex(max(0, self.who.findData(presenter_id)))
        self._fill_counterparts()
        self._changed(session_id)

    def _fill_counterparts(self) -> None:
        kept = self.counterpart.currentData()
        self.counterpart.clear()
        for authority_id, name in self.authorities.items():
            if authority_id != self.who.currentData():
                self.counterpart.addItem(name, authority_id)
        self.counterpart.addItem(NOT_NAMED, None)
        self.counterpart.setCurrentIndex(
            max(0, self.counterpart.findData(kept)) if kept is not None else 0
        )
        self._scope_changed()

    def _scope_changed(self) -> None:
        self.counterpart.setEnabled(self.scope.checkedId() == 0)

    def _kind_changed(self) -> None:
        ask = self.kind.checkedId() == 0
        self.add_button.setText("Add the ask" if ask else "Add the offer")
        self.topic.setPlaceholderText(
            "What support is wanted?" if ask else "What good practice is offered?"
        )

    def submit(self) -> None:
        if self.session_id is None:
            return
        bilateral = self.scope.checkedId() == 0
        counterpart = self.counterpart.currentData() if bilateral else None
        try:
            view = self.exchanges.add(
                self.session_id,
                ExchangeKind.ASK if self.kind.checkedId() == 0 else ExchangeKind.OFFER,
                self.who.currentData(),
                self.topic.text(),
                self.detail.text(),
                ExchangeScope.BILATERAL if bilateral else ExchangeScope.MULTILATERAL,
                counterpart,
            )
        except ValueError as exc:
            show_error(self.error, str(exc))
            self.topic.setFocus()
            return
        show_error(self.error, "")
        self.undo.push(AddedRow(f"Add {view.kind.value}", view, self.exchanges))
        self.topic.clear()
        self.detail.clear()
        self.topic.setFocus()

    def delete(self) -> None:
        view = self.model.row_at(self.table.currentIndex().row())
        if view is not None:
            self.undo.push(DeleteRow(f"Delete {view.kind.value}", view, self.exchanges))

    def _changed(self, session_id: int | None) -> None:
        if session_id != self.session_id:
            return
        row = self.table.currentIndex().row()
        rows = self.exchanges.for_session(session_id) if session_id else []
        self.model.set_rows(rows)
        if rows and row >= 0:
            self.table.selectRow(min(row, len(rows) - 1))
        self.empty.setVisible(not rows)
