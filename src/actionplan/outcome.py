"""What a command did, decided by the core and printed by the CLI: messages for stdout and
stderr (shown with control characters escaped), documents for stdout, and the exit code.

The exit codes are a contract with scripts, CI and pre-commit (docs/check.md, "Exit codes"): 0 all
well, 1 something needs a person (a RED measure lacks a plan, or nothing was done), 2 input
that could not be read or used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import BinaryIO

OK = 0
NEEDS_ATTENTION = 1
BAD_INPUT = 2


@dataclass
class Outcome:
    exit_code: int = OK
    said: list[str] = field(default_factory=list)  # one message a line, for stdout
    err: list[str] = field(default_factory=list)  # one message a line, for stderr
    # documents for stdout, written as they are (a Word or PDF file as bytes, or as a file
    # open at its start, copied out a piece at a time)
    out: list[str | bytes | BinaryIO] = field(default_factory=list)

    def fail(self, code: int, message: str | None = None) -> None:
        """Record a failure; the worst code wins (2 over 1 over 0)."""
        self.exit_code = max(self.exit_code, code)
        if message:
            self.err.append(message)
