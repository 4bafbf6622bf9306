"""The one root for errors a user can fix, and the located problem they report.

The CLI catches `ActionplanError` once and exits with its code. A `Problem` is a place in a
file and what is wrong there; `FileProblem` carries the problems of one file that cannot be
read as plan data (a check reports them and goes on with the other files).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import yaml


class ActionplanError(Exception):
    """A problem with the user's input or files, reported without a traceback."""

    exit_code = 2

    def __init__(self, message: str, *, exit_code: int | None = None) -> None:
        super().__init__(message)
        if exit_code is not None:
            self.exit_code = exit_code


class PeriodError(ActionplanError, ValueError):
    """Text that is not a period. A ValueError too, so pydantic reports it as a field error."""


@dataclass(frozen=True)
class Problem:
    """Something wrong in a file, at a 1-based line and column; line 0 for a path with no
    place to point at (a file that is not there)."""

    path: Path
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        if self.line == 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"

    @classmethod
    def nowhere(cls, path: Path, message: str) -> Problem:
        """A problem with no line or column, as for a path that does not exist."""
        return cls(path, 0, 0, message)

    @classmethod
    def at(cls, path: Path, mark: yaml.Mark | None, message: str) -> Problem:
        """The one place where libyaml's 0-based marks become 1-based positions."""
        if mark is None:
            return cls(path, 1, 1, message)
        return cls(path, mark.line + 1, mark.column + 1, message)


class FileProblem(ActionplanError):
    """A file that cannot be read as plan data; carries its located problems (at least one).
    Uncaught, it reports them all as one error."""

    def __init__(self, first: Problem, *more: Problem) -> None:
        super().__init__("\n".join(str(problem) for problem in (first, *more)))
        self.problems = [first, *more]
