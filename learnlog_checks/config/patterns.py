"""The `filename` and `title` patterns of a log, turned into regular expressions."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

PLACEHOLDER = re.compile(r"\{([a-z_]*)\}")
# {day} is one day number, or the range a post covering several days carries. In a file name: `3+4`,
# `3&4`, and `3-4` unless a `-` follows {day} in the pattern (under `day-{day}-{slug}`, `day-5-10-tips`
# is day 5). In a title: `3 & 4`, `3 and 4`, `3 to 4`, `3-4`, `3\u20134` (an en dash), `24/25`, `3+4`.
# A literal "day" just before {day} also reads "days" (`Days 3-4` under `Day {day}`).
FILENAME_RANGE = r"(?:(?P<range>[+&-])(?P<last_day>\d+))?"
FILENAME_RANGE_NO_DASH = r"(?:(?P<range>[+&])(?P<last_day>\d+))?"
TITLE_RANGE = r"(?:(?P<range>[ \t]*(?:[+&/\-\u2013]|and|to)[ \t]*)(?P<last_day>\d+))?"
FILENAME_FIELDS = {
    "date": r"(?P<date>\d{4}-\d{1,2}-\d{1,2})",  # Jekyll accepts 2024-1-2
    "day": r"(?P<day>\d+)" + FILENAME_RANGE,
    "slug": r"(?P<slug>.+?)",
}
TITLE_FIELDS = {
    "day": r"(?P<day>\d+)" + TITLE_RANGE,
    "text": r"(?P<text>.*\S.*?)",
    "date": FILENAME_FIELDS["date"],
}
DAY_WORD = re.compile(r"(day)([\W_]*)\Z", re.IGNORECASE)  # the literal before {day}: `Day `, `day-`


@lru_cache(maxsize=32)
def compile_filename(pattern: str) -> re.Pattern[str]:
    """`{date}-day-{day}.md` -> a regex with named groups; ValueError names a bad placeholder."""
    if "/" in pattern or "\\" in pattern:
        raise ValueError(f"must be a file name without folders, got {pattern!r}")
    return _compile(pattern, FILENAME_FIELDS)


@lru_cache(maxsize=32)
def compile_title(pattern: str) -> re.Pattern[str]:
    """`(Day {day}) {text}` -> a regex with named groups."""
    return _compile(pattern, TITLE_FIELDS)


def _compile(pattern: str, fields: dict[str, str]) -> re.Pattern[str]:
    parts: list[str] = []
    seen: set[str] = set()
    last = 0
    for match in PLACEHOLDER.finditer(pattern):
        name = match.group(1)
        if name not in fields:
            known = ", ".join("{" + key + "}" for key in fields)
            raise ValueError(f"unknown placeholder {{{name}}} in {pattern!r}; use {known}")
        if name in seen:
            raise ValueError(f"placeholder {{{name}}} appears twice in {pattern!r}")
        seen.add(name)
        literal = pattern[last : match.start()]
        _literal(literal, pattern, fields)
        parts.append(_before_day(literal) if name == "day" else re.escape(literal))
        dash_after = pattern[match.end() : match.end() + 1] == "-"
        ranged = fields is FILENAME_FIELDS and name == "day" and dash_after
        parts.append(r"(?P<day>\d+)" + FILENAME_RANGE_NO_DASH if ranged else fields[name])
        last = match.end()
    _literal(pattern[last:], pattern, fields)
    parts.append(re.escape(pattern[last:]))
    return re.compile("".join(parts) + r"\Z")


def _before_day(literal: str) -> str:
    """The literal text before {day} as a regex: `Day ` also matches `Days ` (a post of several days)."""
    word = DAY_WORD.search(literal)
    if word is None:
        return re.escape(literal)
    head = literal[: word.start()]
    return re.escape(head + word.group(1)) + "s?" + re.escape(word.group(2))


def days_of(match: re.Match[str]) -> tuple[int, int | None] | None:
    """The first day number a pattern's match holds, and the last of a range (None for one day); None
    when the pattern has no {day}. A "range" that does not go up (`day-5-3`) is not read as one."""
    groups = match.groupdict()
    if not groups.get("day"):
        return None
    first = int(groups["day"])
    last = int(groups["last_day"]) if groups.get("last_day") else None
    return first, last if last is not None and last > first else None


def _literal(text: str, pattern: str, fields: dict[str, str]) -> None:
    """The text between placeholders holds no brace: `{day` or `{Day}` is a mistake, not literal text."""
    brace = next((i for i, char in enumerate(text) if char in "{}"), None)
    if brace is None:
        return
    known = ", ".join("{" + key + "}" for key in fields)
    closed = re.match(r"\{[^{}]*\}", text[brace:])
    if closed is not None:
        raise ValueError(f"unknown placeholder {closed.group()} in {pattern!r}; use {known}")
    raise ValueError(
        f"unbalanced {text[brace]!r} in {pattern!r}; braces only surround a placeholder: {known}"
    )


def example_title(pattern: str, title: str, *, day: int) -> str:
    """The title `title` should be under `pattern`: the author's own text in it, `day` for {day}.

    The text is what is left of `title` once a loose copy of the pattern's other parts is taken off:
    `(Day 123] Eigenvalues` under `(Day {day}) {text}` gives `(Day 123) Eigenvalues`.
    """
    text = _own_text(pattern, title) or title.strip()
    values = {"day": str(day), "text": text}
    return PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), pattern)


def _own_text(pattern: str, title: str) -> str | None:
    if "{text}" not in pattern:
        return None
    parts: list[str] = []
    for piece in re.split(r"(\{[a-z_]*\})", pattern):
        if piece == "{text}":
            parts.append(r"(?P<text>.*?)")
        elif piece in ("{day}", "{date}"):
            parts.append(r"[\d-]*")
        else:  # literal text: its words optional, any punctuation and spaces around them
            words = "".join(rf"(?:{re.escape(w)})?[\W_]*" for w in re.findall(r"[^\W_]+", piece))
            parts.append(r"[\W_]*" + words)
    match = re.fullmatch("".join(parts), title.strip(), re.IGNORECASE)
    return match["text"].strip() if match and match["text"].strip() else None


# Extensions of the posts Jekyll renders as post pages (its default `markdown_ext`, and HTML), any case.
JEKYLL_POST_EXTENSIONS = frozenset({"md", "markdown", "mkdown", "mkdn", "mkd", "html"})


def published_as(basename: str, pattern: str) -> str | None:
    """The name under `pattern` of a post Jekyll publishes whose extension is not the pattern's:
    `2024-01-03-day-2.markdown` -> `2024-01-03-day-2.md`; None for any other name."""
    stem, dot, ext = basename.rpartition(".")
    wanted = _extension(pattern)
    if not dot or not stem or wanted is None or ext.lower() not in JEKYLL_POST_EXTENSIONS:
        return None
    candidate = f"{stem}.{wanted}"
    return candidate if candidate != basename and compile_filename(pattern).match(candidate) else None


def renamed(basename: str, pattern: str) -> str | None:
    """A name that follows `pattern` for a file that does not: its extension added, or put in place."""
    wanted = _extension(pattern)
    if wanted is None:
        return None
    stem = basename.rpartition(".")[0]
    for candidate in (f"{basename}.{wanted}", f"{stem}.{wanted}" if stem else ""):
        if candidate and compile_filename(pattern).match(candidate):
            return candidate
    return None


def _extension(pattern: str) -> str | None:
    tail = pattern.rsplit("}", 1)[-1]
    return tail.rpartition(".")[2] or None if "." in tail else None


def parse_date(text: str) -> date | None:
    """`2024-1-2` or `2024-01-02` -> a date; None when it is not a real calendar day."""
    try:
        year, month, day = (int(part) for part in text.split("-"))
        return date(year, month, day)
    except ValueError:
        return None


def has_field(pattern: str, name: str) -> bool:
    return "{" + name + "}" in pattern


BUNDLE_PAGE = "index.md"  # the page of a Hugo leaf bundle: `day-4/index.md` is the post `day-4.md`


def post_file_name(name: str, *, bundles: bool) -> str:
    """The name `filename` is matched against: the base name, or a page bundle's folder as `folder.md`."""
    parts = name.rsplit("/", 2)
    if bundles and len(parts) >= 2 and parts[-1] == BUNDLE_PAGE:
        return parts[-2] + ".md"
    return parts[-1]
