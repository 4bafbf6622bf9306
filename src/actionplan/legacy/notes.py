"""What an import could not settle, for a person: each note names the topic (mostly the plan
file's key to set) and says in full what to do. The full text heads the plan file; the topics
make the summary table's column of what needs a human."""

from __future__ import annotations

from dataclasses import dataclass

LEFT_OUT = "text left out"  # document text outside the template's fields


@dataclass(frozen=True)
class Note:
    topic: str
    text: str

    def __str__(self) -> str:
        return self.text


def topics(notes: list[Note]) -> list[str]:
    """Each topic once, in the order the notes raise them."""
    return list(dict.fromkeys(note.topic for note in notes))
