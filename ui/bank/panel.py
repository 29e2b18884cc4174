"""The question bank beside the session: search, themes, mark asked, focus risks, scales."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from facilitator.capture.question_use import Answer, QuestionLog
from facilitator.live.conductor import Conductor
from facilitator.live.turns import Turns
from facilitator.planning.day_sessions import SessionInfo
from facilitator.planning.planner import Planner
from question_bank import Bank, BankService, Question, SearchEngine, make_search_index
from ui.bank.asking_bar import AskingBar
from ui.bank.commands import MarkAsked, SetScale, TogglePin, Unmark
from ui.bank.models import HTML_ROLE, QuestionsModel, ThemesModel
from ui.bank.search_keys import ResultsView, SearchBox
from ui.bank.session_marks import session_marks
from ui.common.bridge import listen
from ui.common.html_delegate import HtmlDelegate

NO_ANSWER = -1


class QuestionBankPanel(QWidget):
    """Reads the bank from `bank`, marks and pins through `questions`, and learns each day's
    sessions and lead reviewers from `planner`. Searches on the database server when
    `engine` (the workspace database's) is PostgreSQL, otherwise in memory."""

    def __init__(
        self,
        bank: BankService,
        questions: QuestionLog,
        planner: Planner,
        undo: QUndoStack,
        parent: QWidget | None = None,
        *,
        engine: SearchEngine | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("questionBankPanel")
        self.bank_service, self.question_log, self.planner = bank, questions, planner
        self.undo = undo
        self.bank: Bank = bank.bank()
        self.index = make_search_index(self.bank, engine)
        # A server index holds a database connection: hand it back with the panel (through a
        # child, as ui.common.bridge does, so the panel's own destroyed signal stays free).
        QObject(self).destroyed.connect(self.index.close)
        self._loading = False
        self._theme_picked = False  # a theme chosen for the search under way
        self._theme_by_program = False

        self.context = AskingBar(planner)
        self.session_combo = self.context.session_combo
        self.asking_combo = self.context.asking_combo

        self.search = SearchBox()
        self.search.setPlaceholderText("Search every theme (Ctrl+F)")
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
        self.scale_spin.setAccessibleName("The presenting authority’s own rating from 0 to 10")
        self.scale_spin.setToolTip(
            "A scale answer is the presenting authority rating itself; who asked is kept too."
        )
        self.scale_label = QLabel("Their own &rating")
        self.scale_label.setBuddy(self.scale_spin)
        actions = QHBoxLayout()
        actions.addWidget(self.mark_button)
        actions.addWidget(self.pin_button)
        actions.addStretch()
        scale_row = QHBoxLayout()
        scale_row.addWidget(self.scale_label)
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
        layout.addWidget(self.context)
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
        self.show_action = QAction("Go to the question bank", self)
        self.show_action.setShortcut(QKeySequence("Ctrl+B"))
        self.show_action.triggered.connect(self.focus_bank)
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

        self.search.textEdited.connect(self._search_edited)
        self.search.textChanged.connect(self.refresh_results)
        self.search.move_to_results.connect(self._enter_results)
        self.themes_view.selectionModel().currentChanged.connect(self._theme_chosen)
        self.results.selectionModel().currentChanged.connect(self._current_question_changed)
        self.results.activated_by_key.connect(self.mark_current_asked)
        self.results.doubleClicked.connect(self.mark_current_asked)
        self.mark_button.clicked.connect(self.mark_current_asked)
        self.pin_button.clicked.connect(self.toggle_pin)
        self.scale_spin.valueChanged.connect(self._scale_changed)
        self.context.session_changed.connect(self._session_shown)
        self.context.asker_changed.connect(self._current_question_changed)
        listen(self, questions.changed, self._log_changed)

        self.themes_model.set_bank(self.bank)
        self.themes_view.setCurrentIndex(self.themes_model.index(0))
        self.refresh_results()
        self.set_day(None)

    # context ----------------------------------------------------------------------------

    @property
    def sessions(self) -> list[SessionInfo]:
        return self.context.sessions

    @property
    def session_id(self) -> int | None:
        return self.context.session_id

    @property
    def day_id(self) -> int | None:
        return self.context.day_id

    def set_day(self, day_id: int | None) -> None:
        self.context.set_day(day_id)
        # A question naming the cycle's years ("{cycle_years}") reads them from this day.
        cycle = self.planner.day_plan(day_id).summary.cycle_name if day_id is not None else None
        self.questions_model.set_cycle(cycle or None)

    def set_session(self, session_id: int | None) -> None:
        self.context.set_session(session_id)

    def follow(self, conductor: Conductor, turns: Turns) -> None:
        """Session and asker follow the running session and each F7 (see AskingBar)."""
        self.context.follow(conductor, turns)

    def asking_authority(self) -> int | None:
        return self.context.asking_authority()

    def _session_shown(self, session_id: int | None) -> None:
        for widget in (self.mark_button, self.pin_button):
            widget.setEnabled(session_id is not None)
        presenter = self.context.presenting_authority()
        info = next((s for s in self.sessions if s.authority_id == presenter), None)
        who = f"{info.authority_name}’s" if info else "Their"
        self.scale_label.setText(f"{who} own &rating")
        self._log_changed(session_id)

    # bank -------------------------------------------------------------------------------

    def reload_bank(self) -> None:
        """Picks up edits and imports made elsewhere."""
        current = self.themes_model.theme_at(self.themes_view.currentIndex().row())
        self.bank = self.bank_service.bank()
        self.index.rebuild(self.bank)
        self.themes_model.set_bank(self.bank)
        self._set_theme_row(self.themes_model.row_of(current.id if current else None))
        self.refresh_results()
        self._log_changed(self.session_id)

    def reveal(self) -> None:
        """Brings the bank's dock forward wherever it is: hidden, behind a tab, floating."""
        dock = self.parentWidget()
        while dock is not None and not isinstance(dock, QDockWidget):
            dock = dock.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
            if dock.isFloating():
                dock.activateWindow()

    def focus_bank(self) -> None:
        """Ctrl+B: the bank in front, the questions list (or the search) taking keys."""
        self.reveal()
        (self.results if self.questions_model.rowCount() else self.search).setFocus()

    def focus_search(self) -> None:
        """Ctrl+F: the bank in front and a new search, across every theme until one is
        picked."""
        self.reveal()
        self._theme_picked = False
        self.search.setFocus()
        self.search.selectAll()

    def _search_edited(self, text: str) -> None:
        if not text.strip():
            self._theme_picked = False
        elif not self._theme_picked and self.themes_view.currentIndex().row() != 0:
            self._set_theme_row(0)  # "All themes", shown selected in the list

    def _theme_chosen(self, *_: object) -> None:
        if not self._theme_by_program:
            self._theme_picked = bool(self.search.text().strip())
        self.refresh_results()

    def _set_theme_row(self, row: int) -> None:
        self._theme_by_program = True
        try:
            self.themes_view.setCurrentIndex(self.themes_model.index(row))
        finally:
            self._theme_by_program = False

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
        who = self.context.asking_name()
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
        if self._loading or question is None or self.session_id is None:
            return
        old = self._answer(question.id)
        new = None if value == NO_ANSWER else value
        if (old.value if old else None) != new:
            self.undo.push(
                SetScale(
                    self.question_log,
                    self.session_id,
                    question.id,
                    old,
                    new,
                    self.asking_authority(),
                )
            )

    def _answer(self, question_id: str) -> Answer | None:
        """The presenting authority's own rating, whoever is asking."""
        if self.session_id is None:
            return None
        return self.question_log.rating(self.session_id, question_id)

    def _current_question_changed(self, *_: object) -> None:
        question = self.current_question()
        is_scale = question is not None and question.scale is not None
        self.scale_spin.setEnabled(is_scale and self.session_id is not None)
        self._loading = True
        answer = self._answer(question.id) if question else None
        self.scale_spin.setValue(NO_ANSWER if answer is None else answer.value)
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
