"""The results cache file as its parts: a header, then chunks of entries, each marshalled and
preceded by its length (for tests that damage it in chosen ways)."""

from __future__ import annotations

import marshal
from typing import Any


def frames(raw: bytes) -> list[Any]:
    parts = []
    while raw:
        size = int.from_bytes(raw[:4], "big")
        parts.append(marshal.loads(raw[4 : 4 + size]))
        raw = raw[4 + size :]
    return parts


def framed(parts: list[Any]) -> bytes:
    data = [marshal.dumps(part) for part in parts]
    return b"".join(len(d).to_bytes(4, "big") + d for d in data)
