"""How an estimated false-match rate is written, in every view alike.

A face-search candidate's score comes with the share of impostor pairs
(different people) of a reference set that scored at least as much (see
:mod:`workstation.vision.score_calibration`). The CLI, the Faces tab and the
PDF reports all write that rate through :func:`fmr_text`, so one value reads
the same everywhere.

With ``n`` impostor pairs measured the finest non-zero rate is ``1/n`` (one
pair); where no pair reached the score the rate is written as below ``1/n``.
That bound is never above a rate written for a lower score, which counts at
least one pair, so the text never rises as the score does.
"""

from __future__ import annotations


def fmr_text(rate: float | None, pairs: int | None = None) -> str:
    """An estimated false-match rate as every view shows it.

    Args:
        rate: The observed share of impostor pairs scoring at least the
            candidate's score; None where the model pack has no calibration.
        pairs: How many impostor pairs the rate was measured on; None where
            that is no longer known.

    Returns:
        ``"2.8e-03"``; ``"<4.6e-04"`` (below ``1/pairs``) when no pair reached
        the score; ``"0"`` for no pair out of an unknown number; ``"-"`` for
        no rate.

    Example:
        >>> fmr_text(6 / 2164, 2164), fmr_text(1 / 2164, 2164), fmr_text(0.0, 2164)
        ('2.8e-03', '4.6e-04', '<4.6e-04')
        >>> fmr_text(0.0), fmr_text(None)
        ('0', '-')
    """
    if rate is None:
        return "-"
    if rate > 0:
        return f"{rate:.1e}"
    if pairs:
        return f"<{1 / pairs:.1e}"
    return "0"
