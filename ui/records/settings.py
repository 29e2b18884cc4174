"""How records are marked and which Word template they use, kept in QSettings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.records.exporting import DEFAULT_MARKING, RecordExports
from facilitator.workspace import Workspace

MARKING_KEY = "records/marking"
TEMPLATE_KEY = "records/template"


def marking(settings: QSettings) -> str | None:
    value = settings.value(MARKING_KEY, DEFAULT_MARKING)
    text = str(value).strip() if value is not None else DEFAULT_MARKING
    return text or None


def template(settings: QSettings) -> Path | None:
    value = str(settings.value(TEMPLATE_KEY, "") or "").strip()
    return Path(value) if value else None


def record_exports(workspace: Workspace, settings: QSettings) -> RecordExports:
    """Exports marked and laid out as the settings say, with their charts drawn here."""
    from ui.charts.render import render_for_records

    return RecordExports(
        workspace,
        marking=marking(settings),
        template=template(settings),
        figures=render_for_records,
    )


class RecordSettingsDialog(QDialog):
    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Record settings")
        self.setMinimumWidth(560)
        self.marking_edit = QLineEdit(marking(settings) or "")
        self.marking_edit.setAccessibleName("Protective marking")
        self.marking_edit.setPlaceholderText("Leave empty for no marking")
        current = template(settings)
        self.template_edit = QLineEdit(str(current) if current else "")
        self.template_edit.setAccessibleName("Word template")
        self.template_edit.setPlaceholderText("Balcony’s own layout")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose)
        clear = QPushButton("Use Balcony’s layout")
        clear.clicked.connect(self.template_edit.clear)
        row = QHBoxLayout()
        row.addWidget(self.template_edit, 1)
        row.addWidget(choose)
        row.addWidget(clear)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorMessage")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        form = QFormLayout()
        form.addRow("Protective &marking", self.marking_edit)
        form.addRow("Word &template", row)
        hint = QLabel(
            "The marking is printed at the top and bottom of every page of session notes, "
            "day summaries and cycle reports. A template (your organisation’s .docx or .dotx "
            "with its styles and letterhead) is used for every record and agenda export."
        )
        hint.setObjectName("secondaryText")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Choose a Word template", "", "Word templates (*.docx *.dotx)"
        )
        if name:
            self.template_edit.setText(name)

    def accept(self) -> None:
        path = self.template_edit.text().strip()
        if path and not Path(path).is_file():
            self.error_label.setText(f"{path} does not exist. Choose the template again.")
            self.error_label.show()
            return
        self.settings.setValue(MARKING_KEY, self.marking_edit.text().strip())
        self.settings.setValue(TEMPLATE_KEY, path)
        super().accept()
