"""The question bank beside the session: search, themes, mark asked, focus risks, scales."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.question_use import QuestionLog
from facilitator.planning.day_sessions import SessionInfo
from facilitator.planning.planner import Planner
from question_bank import Bank, BankService, Question, SearchIndex
from ui.bank.commands import MarkAsked, SetScale, TogglePin, Unmark
from ui.bank.models import HTML_ROLE, QuestionsModel, ThemesModel
from ui.bank.search_keys import ResultsView, SearchBox
from ui.bank.session_marks import session_marks
from ui.common.bridge import listen
from ui.common.html_delegate import HtmlDelegate

NO_ANSWER = -1


class QuestionBankPanel(QWidget):
    """Reads the bank from `bank`, marks and pins through `questions`, and learns each day's
    sessions and lead reviewers from `planner`."""

    def __init__(
        self,
        bank: BankService,
        questions: QuestionLog,
        planner: Planner,
        undo: QUndoStack,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("questionBankPanel")
        self.bank_service, self.question_log, self.planner = bank, questions, planner
        self.undo = undo
        self.bank: Bank = bank.bank()
        self.index = SearchIndex(self.bank)
        self.sessions: list[SessionInfo] = []
        self.session_id: int | None = None
        self.day_id: int | None = None
        self._loading = False

        self.session_combo = QComboBox()
        self.session_combo.setAccessibleName("Presenting authority’s session")
        self.asking_combo = QComboBox()
        self.asking_combo.setAccessibleName("Authority asking")
        context = QHBoxLayout()
        session_label = QLabel("&Session")
        session_label.setBuddy(self.session_combo)
        asking_label = QLabel("As&king")
        asking_label.setBuddy(self.asking_combo)
        context.addWidget(session_label)
        context.addWidget(self.session_combo, 1)
        context.addWidget(asking_label)
        context.addWidget(self.asking_combo, 1)

        self.search = SearchBox()
        self.search.setPlaceholderText("Search the questions (Ctrl+F)")
        self.search.setAccessibleName("Search the question bank")
        self.search.setClearButtonEnabled(True)

        self.themes_model = ThemesModel()
        self.themes_view = QListView()
        self.themes_view.setObjectName("bankThemes")
        self.themes_view.setAccessibleName("Themes")
        self.themes_view.setModel(self.themes_model)
        self.questions_model = QuestionsModel()
        self.results = ResultsView()
        self.results.setObjectName("bankResults")
        self.results.setAccessibleName("Questions")
        self.results.setModel(self.questions_model)
        self.results.setItemDelegate(HtmlDelegate(HTML_ROLE, self.results))
        self.results.setWordWrap(True)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setUniformItemSizes(False)
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.empty_label = QLabel()
        self.empty_label.setObjectName("secondaryText")
        self.empty_label.setWordWrap(True)
        self.empty_label.hide()

        results_column = QWidget()
        results_layout = QVBoxLayout(results_column)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.results)
        results_layout.addWidget(self.empty_label)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.themes_view)
        split.addWidget(results_column)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([270, 560])
        split.setChildrenCollapsible(False)

        self.mark_button = QPushButton("Mark asked")
        self.mark_button.setToolTip("Enter")
        self.pin_button = QPushButton("Pin as focus risk")
        self.pin_button.setToolTip("Ctrl+P")
        self.scale_spin = QSpinBox()
        self.scale_spin.setRange(NO_ANSWER, 10)
        self.scale_spin.setSpecialValueText("–")
        self.scale_spin.setAccessibleName("Scale answer from 0 to 10")
        scale_label = QLabel("Scale &answer")
        scale_label.setBuddy(self.scale_spin)
        actions = QHBoxLayout()
        actions.addWidget(self.mark_button)
        actions.addWidget(self.pin_button)
        actions.addStretch()
        scale_row = QHBoxLayout()
        scale_row.addWidget(scale_label)
        scale_row.addWidget(self.scale_spin)
        scale_row.addStretch()

        self.asked_heading = QLabel("Asked so far")
        self.asked_heading.setObjectName("sectionHeading")
        self.asked_model = QStringListModel()
        self.asked_view = QListView()
        self.asked_view.setAccessibleName("Questions asked so far")
        self.asked_view.setModel(self.asked_model)
        self.asked_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.asked_view.setMaximumHeight(140)
        self.untouched_label = QLabel()
        self.untouched_label.setObjectName("secondaryText")
        self.untouched_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(context)
        layout.addWidget(self.search)
        layout.addWidget(split, 1)
        layout.addLayout(actions)
        layout.addLayout(scale_row)
        layout.addWidget(self.asked_heading)
        layout.addWidget(self.asked_view)
        layout.addWidget(self.untouched_label)

        self.focus_search_action = QAction("Find in question bank", self)
        self.focus_search_action.setShortcut(QKeySequence.StandardKey.Find)
        self.focus_search_action.triggered.connect(self.focus_search)
        self.pin_action = QAction("Pin as focus risk", self)
        self.pin_action.setShortcut(QKeySequence("Ctrl+P"))
        self.pin_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.pin_action.triggered.connect(self.toggle_pin)
        self.unmark_action = QAction("Unmark asked", self.asked_view)
        self.unmark_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.unmark_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.unmark_action.triggered.connect(self.unmark_selected)
        self.addAction(self.focus_search_action)
        self.addAction(self.pin_action)
        self.asked_view.addAction(self.unmark_action)

        self.search.textChanged.connect(self.refresh_results)
        self.search.move_to_results.connect(self._enter_results)
        self.themes_view.selectionModel().currentChanged.connect(self.refresh_results)
        self.results.selectionModel().currentChanged.connect(self._current_question_changed)
        self.results.activated_by_key.connect(self.mark_current_asked)
        self.results.doubleClicked.connect(self.mark_current_asked)
        self.mark_button.clicked.connect(self.mark_current_asked)
        self.pin_button.clicked.connect(self.toggle_pin)
        self.scale_spin.valueChanged.connect(self._scale_changed)
        self.session_combo.currentIndexChanged.connect(self._session_chosen)
        self.asking_combo.currentIndexChanged.connect(self._current_question_changed)
        listen(self, questions.changed, self._log_changed)

        self.themes_model.set_bank(self.bank)
        self.themes_view.setCurrentIndex(self.themes_model.index(0))
        self.refresh_results()
        self.set_day(None)

    # context ----------------------------------------------------------------------------

    def set_day(self, day_id: int | None) -> None:
        self.day_id = day_id
        self._loading = True
        self.session_combo.clear()
        self.sessions = self.planner.presenting_sessions(day_id) if day_id else []
        for info in self.sessions:
            self.session_combo.addItem(info.label, info.session_id)
        self._loading = False
        self.set_session(self.sessions[0].session_id if self.sessions else None)

    def set_session(self, session_id: int | None) -> None:
        self.session_id = session_id
        self._loading = True
        row = next((i for i, s in enumerate(self.sessions) if s.session_id == session_id), -1)
        self.session_combo.setCurrentIndex(row)
        self.asking_combo.clear()
        presenter = self.sessions[row] if row >= 0 else None
        if presenter is not None:
            visitors = [s for s in self.sessions if s.authority_id != presenter.authority_id]
            lead = self._lead_reviewer_of(presenter)
            visitors.sort(key=lambda s: s.authority_id != lead)
            for visitor in visitors:
                suffix = " (lead reviewer)" if visitor.authority_id == lead else ""
                self.asking_combo.addItem(f"{visitor.authority_name}{suffix}", visitor.authority_id)
        self._loading = False
        has_session = session_id is not None
        for widget in (self.mark_button, self.pin_button, self.asking_combo):
            widget.setEnabled(has_session)
        self._log_changed(session_id)

    def _lead_reviewer_of(self, presenter: SessionInfo) -> int | None:
        if self.day_id is None:
            return None
        # Read afresh: lead reviewers can be changed while the panel shows the day.
        return self.planner.day_plan(self.day_id).lead_reviewer_of(presenter.authority_id)

    def _session_chosen(self, row: int) -> None:
        if not self._loading and 0 <= row < len(self.sessions):
            self.set_session(self.sessions[row].session_id)

    def asking_authority(self) -> int | None:
        value = self.asking_combo.currentData()
        return int(value) if value is not None else None

    # bank -------------------------------------------------------------------------------

    def reload_bank(self) -> None:
        """Picks up edits and imports made elsewhere."""
        current = self.themes_model.theme_at(self.themes_view.currentIndex().row())
        self.bank = self.bank_service.bank()
        self.index.rebuild(self.bank)
        self.themes_model.set_bank(self.bank)
        self.themes_view.setCurrentIndex(
            self.themes_model.index(self.themes_model.row_of(current.id if current else None))
        )
        self.refresh_results()
        self._log_changed(self.session_id)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def refresh_results(self, *_: object) -> None:
        theme = self.themes_model.theme_at(self.themes_view.currentIndex().row())
        hits = self.index.search(self.search.text(), theme.id if theme else None)
        self.questions_model.set_hits(hits)
        if hits:
            self.results.setCurrentIndex(self.questions_model.index(0))
        words = self.search.text().strip()
        self.empty_label.setVisible(not hits)
        self.empty_label.setText(
            f"No question matches “{words}”. Try fewer or shorter words, or all themes."
            if words
            else "This theme has no questions."
        )
        self._current_question_changed()

    def current_question(self) -> Question | None:
        return self.questions_model.question_at(self.results.currentIndex().row())

    def _enter_results(self) -> None:
        if self.questions_model.rowCount():
            self.results.setFocus()
            if not self.results.currentIndex().isValid():
                self.results.setCurrentIndex(self.questions_model.index(0))

    # actions ----------------------------------------------------------------------------

    def mark_current_asked(self, *_: object) -> None:
        question = self.current_question()
        if question is None or self.session_id is None:
            return
        who = self.asking_combo.currentText().replace(" (lead reviewer)", "")
        self.undo.push(
            MarkAsked(
                self.question_log,
                self.session_id,
                question,
                self.bank.find_theme(question.theme_id),
                self.asking_authority(),
                who,
            )
        )

    def toggle_pin(self) -> None:
        if self.session_id is None:
            return
        if self.results.hasFocus() or self.themes_view.currentIndex().row() == 0:
            question = self.current_question()
            if question is None:
                return
            theme_id, question_id = question.theme_id, question.id
        else:
            theme = self.themes_model.theme_at(self.themes_view.currentIndex().row())
            if theme is None:
                return
            theme_id, question_id = theme.id, None
        pinned = any(
            f.theme_id == theme_id and f.question_id == question_id
            for f in self.question_log.focus(self.session_id)
        )
        self.undo.push(
            TogglePin(self.question_log, self.session_id, theme_id, question_id, not pinned)
        )

    def unmark_selected(self) -> None:
        if self.session_id is None:
            return
        row = self.asked_view.currentIndex().row()
        asked = self.question_log.asked(self.session_id)
        if 0 <= row < len(asked):
            self.undo.push(Unmark(self.question_log, asked[row]))

    def _scale_changed(self, value: int) -> None:
        question = self.current_question()
        authority = self.asking_authority()
        if self._loading or question is None or self.session_id is None or authority is None:
            return
        old = self._answer(question.id, authority)
        new = None if value == NO_ANSWER else value
        if old != new:
            self.undo.push(
                SetScale(self.question_log, self.session_id, question.id, authority, old, new)
            )

    def _answer(self, question_id: str, authority_id: int) -> int | None:
        if self.session_id is None:
            return None
        for answer in self.question_log.scale_answers(self.session_id):
            if answer.question_id == question_id and answer.authority_id == authority_id:
                return answer.value
        return None

    def _current_question_changed(self, *_: object) -> None:
        question = self.current_question()
        authority = self.asking_authority()
        is_scale = question is not None and question.scale is not None
        self.scale_spin.setEnabled(is_scale and self.session_id is not None)
        self._loading = True
        value = self._answer(question.id, authority) if question and authority else None
        self.scale_spin.setValue(NO_ANSWER if value is None else value)
        self._loading = False

    def _log_changed(self, session_id: int | None) -> None:
        if session_id != self.session_id:
            return
        names = {s.authority_id: s.short_name or s.authority_name for s in self.sessions}
        marks = session_marks(self.question_log, session_id, names, self.bank)
        self.questions_model.set_marks(marks.asked_by, marks.focus_questions, marks.answers)
        self.themes_model.set_marks(marks.focus_themes, marks.asked_per_theme)
        self.asked_model.setStringList(marks.asked_lines)
        self.asked_heading.setText(f"Asked so far ({len(marks.asked_lines)})")
        self.untouched_label.setText(marks.untouched)
        self._current_question_changed()
