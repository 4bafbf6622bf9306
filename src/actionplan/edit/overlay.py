"""An edited file's text laid over the original, line by line: lines the edit did not touch keep
their original bytes, whatever ruamel.yaml would re-space in them."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class _Segment:
    """Lines i1:i2 of the original that ruamel renders as lines j1:j2."""

    i1: int
    i2: int
    j1: int
    j2: int

    @property
    def one_to_one(self) -> bool:
        # Equal, or re-spaced line for line: either way line k here is line k there.
        return self.i2 - self.i1 == self.j2 - self.j1


def overlay(original: list[str], base: list[str], edited: list[str]) -> list[str] | None:
    """`edited` with every line that the edit (base -> edited) left alone taken from `original`,
    where `base` is ruamel's rendering of `original`. None when the changes cannot be placed."""
    segments = [_Segment(0, len(original), 0, len(base))]
    if base != original:
        segments = [
            _Segment(i1, i2, j1, j2)
            for _, i1, i2, j1, j2 in difflib.SequenceMatcher(
                None, original, base, autojunk=False
            ).get_opcodes()
            if j2 > j1
        ]
    out: list[str] = []
    done = 0  # original lines copied so far
    matcher = difflib.SequenceMatcher(None, base, edited, autojunk=False)
    for tag, j1, j2, k1, k2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        start, prefix = _start(segments, j1, len(original), base)
        end, suffix = _end(segments, j1, j2, start, base)
        if start < done:
            return None  # two changes inside one re-spaced block
        if tag == "insert" and start == end and not prefix:
            start = end = _after_content(original, done, start)
        out += original[done:start] + prefix + edited[k1:k2] + suffix
        done = end
    return out + original[done:]


_OPENS_BLOCK = re.compile(r":\s*(#.*)?$")


def _after_content(original: list[str], done: int, at: int) -> int:
    """Move an insertion up past the blank and comment lines above it: they introduce what
    follows them (ruamel files them under what precedes), unless a key opens just above."""
    line = at
    while line > done and (not original[line - 1].strip() or _is_comment(original[line - 1])):
        line -= 1
    if line == at or line == 0 or _OPENS_BLOCK.search(original[line - 1].rstrip("\n")):
        return at
    return line


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("#")


def _segment(segments: list[_Segment], j: int) -> _Segment | None:
    return next((s for s in segments if s.j1 <= j < s.j2), None)


def _start(segments: list[_Segment], j: int, total: int, base: list[str]) -> tuple[int, list[str]]:
    """Where a change at base line j begins in the original, and base lines it must repeat."""
    seg = _segment(segments, j)
    if seg is None:  # the end: before any lines ruamel drops there, such as `...`
        return (segments[-1].i2 if segments else total), []
    if seg.one_to_one or j == seg.j1:
        return seg.i1 + (j - seg.j1 if seg.one_to_one else 0), []
    return seg.i1, base[seg.j1 : j]


def _end(
    segments: list[_Segment], j1: int, j2: int, start: int, base: list[str]
) -> tuple[int, list[str]]:
    if j2 == j1:  # a pure insertion
        seg = _segment(segments, j1)
        if seg is None or seg.one_to_one or j1 == seg.j1:
            return start, []
        return seg.i2, base[j1 : seg.j2]
    seg = _segment(segments, j2 - 1)
    if seg is None:
        return start, []
    if seg.one_to_one:
        return seg.i1 + (j2 - seg.j1), []
    return seg.i2, base[j2 : seg.j2]
