"""When the day runs past its finish limit: what a facilitator would do, each previewed."""

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
from facilitator.planning.planner import DayFit, DayPlan, FitChoice, FitWay

# The choice made first when the dialog opens: the gentlest that keeps the day's start.
PREFERRED = (FitWay.SHORTEN_BREAKS, FitWay.TRIM, FitWay.START_EARLIER, FitWay.EARLIER_AND_TRIM)


def preview_lines(plan: DayPlan, choice: FitChoice) -> list[str]:
    """The day's timetable as the choice would make it: each new time, and what changed."""
    times = choice.times
    lines = []
    for stage, minutes, starts in zip(plan.stages, choice.minutes, times[:-1], strict=True):
        who = f" ({stage.presenter})" if stage.presenter else ""
        was = f", was {stage.planned_minutes}" if minutes != stage.planned_minutes else ""
        lines.append(f"{format_clock(starts)}  {stage.title}{who}: {minutes} min{was}")
    lines.append(f"{format_clock(times[-1])}  Finish")
    return lines


class FitDialog(QDialog):
    def __init__(self, plan: DayPlan, fit: DayFit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Fit the day to its finish limit")
        self.setMinimumWidth(600)
        self.fit = fit
        options = fit.options
        warning = QLabel(options.warning)
        warning.setObjectName("errorMessage")
        warning.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(warning)
        if options.impossible:
            impossible = QLabel(options.impossible)
            impossible.setObjectName("secondaryText")
            impossible.setWordWrap(True)
            layout.addWidget(impossible)
        self.group = QButtonGroup(self)
        self.ways: list[FitWay] = []
        self.previews: dict[FitWay, str] = {}
        for index, choice in enumerate(options.choices):
            button = QRadioButton(
                f"{choice.title}: {format_clock(choice.start)} to {format_clock(choice.finish)}"
            )
            self.group.addButton(button, index)
            self.ways.append(choice.way)
            self.previews[choice.way] = "\n".join(preview_lines(plan, choice))
            layout.addWidget(button)
        self.preview = QLabel()
        self.preview.setObjectName("secondaryText")
        self.preview.setAccessibleName("The day as this choice would make it")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        first = next((self.ways.index(w) for w in PREFERRED if w in self.ways), 0)
        self.group.idToggled.connect(self._show_preview)
        self.group.button(first).setChecked(True)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok_button.setText("Apply")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _show_preview(self, index: int, checked: bool) -> None:
        if checked:
            self.preview.setText(self.previews[self.ways[index]])

    def select(self, way: FitWay) -> None:
        self.group.button(self.ways.index(way)).setChecked(True)

    def choice(self) -> FitWay:
        return self.ways[self.group.checkedId()]
