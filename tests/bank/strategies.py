"""Hypothesis strategies for valid banks, shared by the writer and store tests."""

from __future__ import annotations

from hypothesis import strategies as st

from question_bank import SECTIONS, Bank, Question, Scale, Theme
from question_bank.text import single_line

# Any text a bank file can carry through a round trip: quotes, backslashes, curly
# apostrophes, emoji, tabs and line feeds; never lone surrogates, which are not text, nor
# the control characters (and carriage returns) that reading a file drops or normalises.
any_text = st.text(
    st.characters(
        exclude_categories=["Cs"],
        exclude_characters="".join(chr(c) for c in range(32) if chr(c) not in "\t\n")
        + "\ufffe\uffff",
    ),
    max_size=40,
)
words = any_text.filter(lambda value: value.strip() != "")
# Titles are read as one line with blanks collapsed (see question_bank.text.single_line).
titles = words.map(single_line).filter(bool)
ids = st.from_regex(r"[a-z0-9][a-z0-9._-]{0,12}", fullmatch=True)


@st.composite
def banks(draw: st.DrawFn, max_themes: int = 4, max_questions: int = 4) -> Bank:
    theme_ids = draw(st.lists(ids, max_size=max_themes, unique=True))
    question_ids = iter(
        draw(
            st.lists(
                ids.filter(lambda value: value not in theme_ids),
                min_size=len(theme_ids) * max_questions,
                max_size=len(theme_ids) * max_questions,
                unique=True,
            )
        )
    )
    themes = []
    for theme_id in theme_ids:
        questions = tuple(
            Question(
                id=next(question_ids),
                theme_id=theme_id,
                text=draw(words),
                follow_ups=tuple(draw(st.lists(words, max_size=3))),
                scale=draw(st.none() | st.builds(Scale, low=words, high=words)),
                note=draw(any_text),
            )
            for _ in range(draw(st.integers(0, max_questions)))
        )
        themes.append(
            Theme(
                id=theme_id,
                title=draw(titles),
                section=draw(st.sampled_from(SECTIONS)),
                description=draw(any_text),
                questions=questions,
            )
        )
    return Bank(
        id=draw(ids),
        title=draw(titles),
        source=draw(any_text),
        corrections=tuple(draw(st.lists(words, max_size=2))),
        themes=tuple(themes),
    )
