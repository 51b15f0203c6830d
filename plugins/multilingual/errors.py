"""Mistakes in content files, as editors read them: one line each."""

from __future__ import annotations

import logging

logger = logging.getLogger("multilingual.frontmatter")


class FrontMatterError(ValueError):
    """A content file that cannot be read; the message is for the editor."""

    def __init__(self, path: str, line: int | None, message: str):
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {message}")
        self.path, self.line, self.message = path, line, message


# Mistakes found in this build, in the order they were found.
ERRORS: list[FrontMatterError] = []


def report(error: FrontMatterError) -> None:
    """One line an editor can act on; never a traceback."""
    ERRORS.append(error)
    logger.error("%s", error)
