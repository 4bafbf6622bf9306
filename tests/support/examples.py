"""What an example file says of itself on its first line (or in its folder's EXPECTED.toml): the
problem an invalid example must be reported with."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path


def first_line(path: Path) -> str:
    # Only the header needs to be text: the rest of an invalid file may be any bytes.
    return path.read_bytes().split(b"\n", 1)[0].decode("utf-8-sig", "replace").rstrip("\r")


@dataclass(frozen=True)
class ExpectedProblem:
    line: int
    column: int
    fragment: str


_PROBLEM = re.compile(r"(\d+):(\d+): (.+)")


def expected_problem(path: Path) -> ExpectedProblem:
    header = first_line(path)
    if header.startswith("# expect:"):
        text = header.removeprefix("# expect:").strip()
    else:
        side = tomllib.loads((path.parent / "EXPECTED.toml").read_text(encoding="utf-8"))
        assert path.name in side, f"{path.name} has no `# expect:` line and no EXPECTED.toml entry"
        text = side[path.name]
    match = _PROBLEM.fullmatch(text)
    assert match, f"{path.name}: the expectation {text!r} is not LINE:COLUMN: fragment"
    return ExpectedProblem(int(match[1]), int(match[2]), match[3])
