"""WCAG colour arithmetic, shared by the checks and the writers: how light a colour is,
and how far two colours stand apart."""

from __future__ import annotations


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of "#RRGGBB", 0 for black to 1 for white."""
    linear = [value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
              for value in (int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def luminance_contrast(first: float, second: float) -> float:
    """WCAG contrast ratio of two relative luminances, from 1 (none) to 21."""
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21."""
    return luminance_contrast(relative_luminance(first), relative_luminance(second))
