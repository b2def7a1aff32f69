"""Figures: one JSON line each as they are measured, and the closing table."""

from __future__ import annotations

import json
import math
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    value: float | None
    unit: str
    goal: float | None
    """Upper bound the figure must stay under; None for baselines and ratios."""
    n: int
    note: str = ""
    """Why a value is null, or what was measured instead (shown in the table only)."""

    @property
    def verdict(self) -> str:
        if self.goal is None:
            return ""
        if self.value is None:
            return "not measured"
        return "met" if self.value <= self.goal else "MISSED"


def emit(figure: Figure) -> Figure:
    """Print the figure's JSON line now, so a long run shows progress and a crash keeps it."""
    line = {"name": figure.name, "value": _rounded(figure.value), "unit": figure.unit,
            "goal": figure.goal, "n": figure.n}
    sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()
    return figure


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100): an observed sample, never an interpolation."""
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def table(figures: Sequence[Figure]) -> str:
    rows = [("name", "value", "unit", "goal", "n", "verdict / note")]
    for f in figures:
        value = "null" if f.value is None else f"{_rounded(f.value)}"
        goal = "" if f.goal is None else f"≤ {f.goal:g}"
        rows.append((f.name, value, f.unit, goal, str(f.n), " ".join(x for x in (f.verdict,
                     f.note) if x)))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for r in rows:
        cells = [r[i].ljust(widths[i]) for i in range(5)] + [r[5]]
        lines.append("  ".join(cells).rstrip())
    lines.insert(1, "-" * max(len(x) for x in lines))
    return "\n".join(lines)


def _rounded(value: float | None) -> float | None:
    if value is None:
        return None
    return round(value, 4 if abs(value) < 10 else 2)
