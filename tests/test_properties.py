"""Property tests: parsers fail only with their own error; figures and CSV cells round-trip
(Markdown cells: test_markdown.py)."""

import contextlib
import csv
import io
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.dates import parse_date
from claimtrack.errors import ParseError
from claimtrack.figures import VAGUE_WORDS, Figure, format_figure, parse_figure, parse_figure_option
from claimtrack.render import csv_safe

TODAY = date(2024, 11, 6)
# Text made of the pieces figures and dates are made of, so that the parsers'
# deeper paths are reached, not only their first refusal.
PIECES = list("0123456789 ,.-~%kmbnt/") + [
    "up to ", "about ", "between ", " and ", " to ", "thousand", "million", "or more", "-plus",
    "October", " troops", "half a ", "dozen", "tens of thousands", "2024", "ago", "last ", "Monday",
]  # fmt: skip
NEWSY = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@given(st.one_of(st.text(), NEWSY))
@settings(max_examples=300)
def test_figure_parser_fails_only_with_parse_error(text):
    figure = parse_figure(text)
    assert figure is None or isinstance(figure, Figure)
    with contextlib.suppress(ParseError):
        assert isinstance(parse_figure_option(text), Figure)


@given(st.one_of(st.text(), NEWSY))
@settings(max_examples=300)
def test_date_parser_fails_only_with_parse_error(text):
    try:
        value = parse_date(text, TODAY)
    except ParseError:
        return
    assert value.start <= TODAY


VALUES = st.one_of(
    st.integers(min_value=1, max_value=10**12),
    st.decimals(min_value=1, max_value=10**6, places=2).map(float),
)


@st.composite
def figures(draw):
    kind = draw(st.sampled_from(["exact", "approx", "at_most", "at_least", "range", "vague"]))
    if kind == "vague":
        low, high = VAGUE_WORDS[draw(st.sampled_from(sorted(VAGUE_WORDS)))]
        return Figure(float(low), float(high), kind, "")
    value = float(draw(VALUES))
    if kind == "range":
        upper = round(value + float(draw(VALUES)), 2)  # figures are read from decimal text
        return Figure(value, upper, kind, "")
    if kind == "at_most":
        return Figure(0.0, value, kind, "")
    if kind == "at_least":
        return Figure(value, None, kind, "")
    return Figure(value, value, kind, "")


@given(figures())
@settings(max_examples=300)
def test_figure_renders_and_parses_back(figure):
    words = format_figure(figure)
    again = parse_figure(words)
    assert again is not None, words
    assert again.same_value(figure), (words, again)


TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1)


@given(TEXT)
@settings(max_examples=300)
def test_any_text_survives_the_csv_guard(text):
    buffer = io.StringIO()
    csv.writer(buffer).writerow([csv_safe(text)])
    (cell,) = next(csv.reader(io.StringIO(buffer.getvalue(), newline="")))
    restored = cell[1:] if cell.startswith("'") else cell
    assert restored == text
    assert not cell.startswith(("=", "+", "-", "@"))
