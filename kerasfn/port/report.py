"""What a translation gives and where a person must look: :class:`Translation`, its share of R lines
translated without a note and the report ``python -m kerasfn.port`` prints."""

from __future__ import annotations

from dataclasses import dataclass

from kerasfn.port.core import Note
from kerasfn.port.parser import RNode

__all__ = ["Translation", "code_lines"]


@dataclass(frozen=True)
class Translation:
    """The Python translation of an R script, and where a person must look.

    ``python`` is the formatted Python source; ``notes`` the
    :class:`~kerasfn.port.core.Note` list (R line numbers);
    ``code_lines`` the R lines that hold code.  ``share`` is the fraction of
    those lines translated without a note."""

    python: str
    notes: tuple[Note, ...]
    code_lines: tuple[int, ...]

    @property
    def noted_lines(self) -> frozenset[int]:
        """R code lines a note covers."""
        covered = {line for note in self.notes for line in range(note.line, note.end_line + 1)}
        return frozenset(covered & set(self.code_lines))

    @property
    def share(self) -> float:
        """Fraction of R code lines translated without a note (1.0 for an empty script)."""
        return 1.0 - len(self.noted_lines) / len(self.code_lines) if self.code_lines else 1.0

    def report(self) -> str:
        """The short report ``python -m kerasfn.port`` prints."""
        total, noted = len(self.code_lines), len(self.noted_lines)
        lines = [f"{total - noted} of {total} R code lines translated without a note ({self.share:.0%}); "
                 f"{noted} left for a person:"]
        lines += [f"  {note}" for note in sorted(self.notes, key=lambda note: (note.line, note.end_line))]
        if not self.notes:
            lines[0] = lines[0].replace("; 0 left for a person:", "; nothing left for a person.")
        return "\n".join(lines)


def code_lines(program: RNode) -> tuple[int, ...]:
    """Lines that hold R code (not only comments or blanks)."""
    lines: set[int] = set()
    pending = [program.node]
    while pending:
        node = pending.pop()
        if node.type == "comment" or not node.type.strip():  # comments and newline tokens
            continue
        if node.child_count == 0:
            lines.update(range(node.start_point[0] + 1, node.end_point[0] + 2))
        else:
            pending.extend(node.children)
    return tuple(sorted(lines))
