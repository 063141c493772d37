"""Expected calibration error: how far stated probabilities are from observed frequencies."""

from __future__ import annotations

from collections.abc import Sequence

BINS = 10


def expected_calibration_error(pairs: Sequence[tuple[float, bool]]) -> float:
    """Mean |frequency - mean probability| over ten equal-width bins, weighted by their size.

    `pairs` are (stated probability, whether it came true).
    """
    if not pairs:
        return 0.0
    total = 0.0
    for number in range(BINS):
        low, high = number / BINS, (number + 1) / BINS
        members = [
            (p, hit) for p, hit in pairs if low <= p < high or (number == BINS - 1 and p == 1.0)
        ]
        if members:
            stated = sum(p for p, _ in members) / len(members)
            observed = sum(hit for _, hit in members) / len(members)
            total += len(members) * abs(stated - observed)
    return total / len(pairs)
