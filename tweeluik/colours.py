"""WCAG colour arithmetic, shared by the checks and the writers: how light a colour is,
and how far two colours stand apart."""

from __future__ import annotations

#: Each 8-bit channel value as linear light (WCAG's formula, worked out once).
_LINEAR = tuple(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4
                for value in (step / 255 for step in range(256)))


def rgb_luminance(red: int, green: int, blue: int) -> float:
    """WCAG relative luminance of 8-bit channels, 0 for black to 1 for white."""
    return 0.2126 * _LINEAR[red] + 0.7152 * _LINEAR[green] + 0.0722 * _LINEAR[blue]


def relative_luminance(colour: str) -> float:
    """WCAG relative luminance of "#RRGGBB", 0 for black to 1 for white."""
    return rgb_luminance(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


def luminance_contrast(first: float, second: float) -> float:
    """WCAG contrast ratio of two relative luminances, from 1 (none) to 21."""
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours, from 1 (none) to 21."""
    return luminance_contrast(relative_luminance(first), relative_luminance(second))
