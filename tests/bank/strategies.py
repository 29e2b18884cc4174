"""Hypothesis strategies for valid banks, shared by the writer and store tests."""

from __future__ import annotations

from hypothesis import strategies as st

from question_bank import SECTIONS, Bank, Question, Scale, Theme

# Any text a facilitator could type or paste, including control characters, quotes,
# backslashes, curly apostrophes and emoji; never lone surrogates, which are not text.
any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
words = any_text.filter(lambda value: value.strip() != "")
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
                title=draw(words),
                section=draw(st.sampled_from(SECTIONS)),
                description=draw(any_text),
                questions=questions,
            )
        )
    return Bank(
        id=draw(ids),
        title=draw(words),
        source=draw(any_text),
        corrections=tuple(draw(st.lists(words, max_size=2))),
        themes=tuple(themes),
    )
