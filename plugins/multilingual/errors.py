"""Mistakes in content files, as editors read them: one line each.

An *error* keeps a file out of the site (and stops a production build); a
*warning* says what the build worked around (an unknown topic left out) or
what is wrong in work that is not published yet (a draft). Both are printed
as plain lines, ``path:line: what is wrong; what to write``: no time, level or
Python location, and never wrapped to the terminal's width (Pelican's own log
handler does all three), so an editor can copy the path and find the line.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Iterator

# Our messages go to this logger only; install_plain_output() gives it its
# own handler.
logger = logging.getLogger("multilingual.frontmatter")


class FrontMatterError(ValueError):
    """A mistake in a content file; the message is for the editor."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.message = path, line, message


# Mistakes found in this build, in the order they were found.
ERRORS: list[FrontMatterError] = []
# What was worked around, or what would fail once published.
WARNINGS: list[FrontMatterError] = []


def report(error: FrontMatterError) -> None:
    """One line an editor can act on; never a traceback."""
    ERRORS.append(error)
    logger.error("%s", error)


def warn(problem: FrontMatterError) -> None:
    """One line too, for what does not stop publishing."""
    WARNINGS.append(problem)
    logger.warning("%s", problem)


def reset() -> None:
    ERRORS.clear()
    WARNINGS.clear()


def tally() -> str:
    """The last line of every command: how many of each."""
    errors, warnings = len(ERRORS), len(WARNINGS)
    if not errors and not warnings:
        return "Content: no mistake found."
    return (
        f"Content: {errors} error{'s' * (errors != 1)} (not published), "
        f"{warnings} warning{'s' * (warnings != 1)}."
    )


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Read without telling: the editor loop reads a saved file once for its
    page and once in the full build that follows; only the second speaks."""
    errors, warnings = len(ERRORS), len(WARNINGS)
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled
        del ERRORS[errors:]
        del WARNINGS[warnings:]


class _StderrHandler(logging.StreamHandler):
    """Writes to the sys.stderr of the moment (tests and invoke swap it)."""

    def __init__(self) -> None:
        super().__init__()

    @property  # type: ignore[override]
    def stream(self):  # noqa: ANN201
        return sys.stderr

    @stream.setter
    def stream(self, _value) -> None:  # noqa: ANN001
        pass


def install_plain_output() -> None:
    """Our messages as plain lines on stderr, whatever Pelican's logging."""
    if not any(isinstance(h, _StderrHandler) for h in logger.handlers):
        handler = _StderrHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    # Pelican's logger class drops a warning it has shown once in this
    # process: in `invoke livereload`, a mistake still there at the next save
    # would go unsaid.
    for dedup in list(logger.filters):
        logger.removeFilter(dedup)
