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

# Our messages go to this logger only; record_into() gives it the handler
# of the build under way.
logger = logging.getLogger("multilingual.frontmatter")


class FrontMatterError(ValueError):
    """A mistake in a content file; the message is for the editor."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.message = path, line, message


class Told(ValueError):
    """A message said before it reached this process's list: a warning
    replayed from the read cache, a mistake a worker process told."""

    def __init__(self, message: str, path: str = ""):
        super().__init__(message)
        self.path = path


class Messages:
    """What one build told the editor, in the order it was told: *errors*
    keep a file out (and stop a production build), *warnings* do not."""

    def __init__(self) -> None:
        self.errors: list[Exception] = []
        self.warnings: list[Exception] = []

    def tally(self) -> str:
        """The last line of every command: how many of each."""
        errors, warnings = len(self.errors), len(self.warnings)
        if not errors and not warnings:
            return "Content: no mistake found."
        return (
            f"Content: {errors} error{'s' * (errors != 1)} (not published), "
            f"{warnings} warning{'s' * (warnings != 1)}."
        )


def report(error: FrontMatterError) -> None:
    """One line an editor can act on; never a traceback."""
    logger.error("%s", error, extra={"mistake": error})


def warn(problem: FrontMatterError) -> None:
    """One line too, for what does not stop publishing."""
    logger.warning("%s", problem, extra={"mistake": problem})


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Read without telling: the editor loop reads a saved file once for its
    page and once in the full build that follows; only the second speaks
    (and counts)."""
    disabled, logger.disabled = logger.disabled, True
    try:
        yield
    finally:
        logger.disabled = disabled


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


class _Recorder(_StderrHandler):
    """Prints each message as a plain line and keeps it in one build's
    Messages. Counting where messages are said, rather than where they are
    made, counts them all: those replayed from the read cache, those logged
    in a worker process and said again here, warnings made in any module."""

    def __init__(self, messages: Messages) -> None:
        super().__init__()
        self.messages = messages
        self.setFormatter(logging.Formatter("%(message)s"))

    def emit(self, record: logging.LogRecord) -> None:
        mistake = getattr(record, "mistake", None) or Told(record.getMessage())
        if record.levelno >= logging.ERROR:
            self.messages.errors.append(mistake)
        else:
            self.messages.warnings.append(mistake)
        super().emit(record)


def record_into(messages: Messages) -> None:
    """From now on, our messages are plain lines on stderr, kept in
    `messages` (one build's), whatever Pelican's logging."""
    for old in [h for h in logger.handlers if isinstance(h, _StderrHandler)]:
        logger.removeHandler(old)
    logger.addHandler(_Recorder(messages))
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    # Pelican's logger class drops a warning it has shown once in this
    # process: in `invoke livereload`, a mistake still there at the next save
    # would go unsaid.
    for dedup in list(logger.filters):
        logger.removeFilter(dedup)


@contextlib.contextmanager
def collected(messages: Messages | None = None) -> Iterator[Messages]:
    """What is told inside the block (into `messages`, or new ones), for a
    task or a test that reads files outside a build; the recorder that was
    there is back afterwards."""
    before = list(logger.handlers)
    messages = Messages() if messages is None else messages
    record_into(messages)
    try:
        yield messages
    finally:
        for handler in list(logger.handlers):
            logger.removeHandler(handler)
        for handler in before:
            logger.addHandler(handler)
