"""When the day runs past its finish limit: start earlier, shorten, or finish later."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from facilitator.planning.agenda import format_clock
from facilitator.planning.planner import DayFit, DayPlan

START_EARLIER, SHORTEN, FINISH_LATER = 0, 1, 2


class FitDialog(QDialog):
    def __init__(self, plan: DayPlan, fit: DayFit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fit the day to its finish limit")
        self.setMinimumWidth(560)
        options = fit.options
        warning = QLabel(options.warning)
        warning.setObjectName("errorMessage")
        warning.setWordWrap(True)
        self.group = QButtonGroup(self)
        earlier = QRadioButton(
            f"Start earlier, at {format_clock(options.earlier_start)}"
            if options.earlier_start
            else "Start earlier (not possible: it would start before midnight)"
        )
        earlier.setEnabled(options.earlier_start is not None)
        shorten = QRadioButton("Shorten the session stages in proportion")
        shorten.setEnabled(fit.shortening is not None)
        later = QRadioButton(f"Finish later, at {format_clock(options.finish_later)}")
        self.group.addButton(earlier, START_EARLIER)
        self.group.addButton(shorten, SHORTEN)
        self.group.addButton(later, FINISH_LATER)
        detail = QLabel(options.impossible or self._shortening_text(plan, fit))
        detail.setObjectName("secondaryText")
        detail.setWordWrap(True)
        detail.setContentsMargins(28, 0, 0, 0)
        (shorten if shorten.isEnabled() else later).setChecked(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText("Apply")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        layout.addWidget(earlier)
        layout.addWidget(shorten)
        layout.addWidget(detail)
        layout.addWidget(later)
        layout.addWidget(buttons)

    @staticmethod
    def _shortening_text(plan: DayPlan, fit: DayFit) -> str:
        if fit.shortening is None:
            return ""
        titles = {s.id: (s.title, s.presenter, s.planned_minutes) for s in plan.stages}
        changes = []
        for stage_id, minutes in fit.shortening.stage_minutes:
            title, presenter, before = titles[stage_id]
            who = f" ({presenter})" if presenter else ""
            changes.append(f"{title}{who}: {before} → {minutes}")
        shown = changes[:8]
        more = f"\n…and {len(changes) - 8} more" if len(changes) > 8 else ""
        return "No stage goes below its minimum.\n" + "\n".join(shown) + more

    def choice(self) -> int:
        return self.group.checkedId()
