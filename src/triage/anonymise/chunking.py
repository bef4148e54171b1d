"""Split long texts into overlapping windows so no part escapes analysis."""

from __future__ import annotations

__all__ = ["chunk_bounds"]


def _back_to_space(text: str, position: int, floor: int) -> int:
    """Move ``position`` back to just after a whitespace, not below ``floor``."""
    cut = text.rfind(" ", floor, position)
    newline = text.rfind("\n", floor, position)
    cut = max(cut, newline)
    return cut + 1 if cut > floor else position


def chunk_bounds(text: str, size: int, overlap: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` windows of at most ``size`` characters covering ``text``.

    Consecutive windows share at least ``overlap`` characters (cut at whitespace when possible),
    so an identifier cut by one window boundary is whole in the next window.
    """
    if len(text) <= size:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(start + size, len(text))
        if end < len(text):
            end = _back_to_space(text, end, start + size // 2)
        bounds.append((start, end))
        if end >= len(text):
            return bounds
        # end - overlap > start because end >= start + size // 2 > start + overlap.
        start = _back_to_space(text, end - overlap, max(start + 1, end - 2 * overlap))
