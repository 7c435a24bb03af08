"""Whether a drawn shape covers a point: by its outline for an ellipse or a custom
shape, by its box otherwise.

Part of step 3 of the deck writer, its input side (``backdrop`` asks which shape lies
under a box). A corporate design's coloured blobs lie inside boxes much larger than
themselves; their outlines (lines, curves and arcs) are traced into polygons, within a
bounded number of points.
"""

from __future__ import annotations

import math

from lxml import etree

from .template_xml import NS, Rect

# --- whether a shape covers a point -----------------------------------------------------------

#: Points a curve of a custom shape's outline is cut into when it is traced.
CURVE_STEPS = 8
MAX_OUTLINE_POINTS = 20_000


def covers(element, rect: Rect, x: float, y: float, traced: dict | None = None) -> bool:
    """True when the shape ``element`` placed at ``rect`` covers the point (``x``, ``y``):
    by its outline for an ellipse or a custom shape (the coloured blobs of a corporate
    design lie inside a box much larger than themselves), by its box otherwise.
    ``traced`` keeps each path's outline for the next point (path → outline)."""
    left, top, width, height = rect
    if not (left <= x <= left + width and top <= y <= top + height):
        return False
    properties = element.find("p:spPr", NS)
    if properties is None:
        return True
    preset = properties.find("a:prstGeom", NS)
    if preset is not None:
        if preset.get("prst") == "ellipse":
            dx, dy = (x - left) / width - 0.5, (y - top) / height - 0.5
            return dx * dx + dy * dy <= 0.25
        return True
    custom = properties.find("a:custGeom", NS)
    if custom is None:
        return True
    inside = None
    for path in custom.findall("a:pathLst/a:path", NS):
        if path.get("fill") == "none":
            continue
        if traced is None:
            outline = _outline(path)
        else:
            if path not in traced:
                traced[path] = _outline(path)
            outline = traced[path]
        if outline is None:
            return True  # a shape we cannot trace counts by its box, as before
        try:
            scale_x = width / float(path.get("w") or 0) if path.get("w") else 1.0
            scale_y = height / float(path.get("h") or 0) if path.get("h") else 1.0
        except (ValueError, ZeroDivisionError):
            return True
        point = ((x - left) / scale_x, (y - top) / scale_y)
        if any(_inside(polygon, point) for polygon in outline):
            return True
        inside = False
    return inside if inside is not None else True


def _number(element, name: str) -> float | None:
    try:
        return float(element.get(name))
    except (TypeError, ValueError):
        return None  # a guide's name (a formula): not traced


def _points(command) -> list[tuple[float, float]] | None:
    found = []
    for point in command.findall("a:pt", NS):
        x, y = _number(point, "x"), _number(point, "y")
        if x is None or y is None:
            return None
        found.append((x, y))
    return found


def _curve(name: str, start: tuple[float, float],
           points: list[tuple[float, float]]) -> list[tuple[float, float]] | None:
    """A Bézier curve from ``start`` through ``points`` cut into straight pieces."""
    if not (name == "cubicBezTo" and len(points) == 3 or name == "quadBezTo"
            and len(points) == 2):
        return None
    traced = []
    for step in range(1, CURVE_STEPS + 1):
        t = step / CURVE_STEPS
        u = 1 - t
        if name == "cubicBezTo":
            (ax, ay), (bx, by), (cx, cy) = points
            traced.append((u ** 3 * start[0] + 3 * u * u * t * ax + 3 * u * t * t * bx
                           + t ** 3 * cx, u ** 3 * start[1] + 3 * u * u * t * ay
                           + 3 * u * t * t * by + t ** 3 * cy))
        else:
            (ax, ay), (bx, by) = points
            traced.append((u * u * start[0] + 2 * u * t * ax + t * t * bx,
                           u * u * start[1] + 2 * u * t * ay + t * t * by))
    return traced


def _arc(command, start: tuple[float, float]) -> list[tuple[float, float]] | None:
    """An arc from ``start`` (its radii and angles in 60,000ths of a degree) cut into
    straight pieces."""
    values = [_number(command, key) for key in ("wR", "hR", "stAng", "swAng")]
    if any(value is None for value in values):
        return None
    w_radius, h_radius, start_angle, swing = (float(v or 0) for v in values)
    begin = math.radians(start_angle / 60000)
    end = begin + math.radians(swing / 60000)
    centre = (start[0] - w_radius * math.cos(begin), start[1] - h_radius * math.sin(begin))
    return [(centre[0] + w_radius * math.cos(angle), centre[1] + h_radius * math.sin(angle))
            for angle in (begin + (end - begin) * step / CURVE_STEPS
                          for step in range(1, CURVE_STEPS + 1))]


def _traced(command, name: str, start: tuple[float, float]
            ) -> list[tuple[float, float]] | None:
    """The points a line, curve or arc command adds after ``start``; ``None`` for a
    command that cannot be traced."""
    if name == "arcTo":
        return _arc(command, start)
    if name not in ("lnTo", "cubicBezTo", "quadBezTo"):
        return None
    points = _points(command)
    if not points:
        return None
    return points[:1] if name == "lnTo" else _curve(name, start, points)


def _outline(path) -> list[list[tuple[float, float]]] | None:
    """The closed polygons a custom shape's path traces (curves cut into straight
    pieces), in the path's own units; ``None`` when it cannot be traced."""
    polygons: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    count = 0
    for command in path:
        name = etree.QName(command).localname
        if name in ("close", "moveTo"):
            points = (_points(command) or None) if name == "moveTo" \
                else [current[0]] if current else []
            if points is None:
                return None
            if len(current) > 2:
                polygons.append(current)
            current = points[:1]
        elif not current:
            return None
        else:
            traced = _traced(command, name, current[-1])
            if traced is None:
                return None
            current.extend(traced)
        count += len(current)
        if count > MAX_OUTLINE_POINTS:
            return None
    if len(current) > 2:
        polygons.append(current)
    return polygons or None


def _inside(polygon: list[tuple[float, float]], point: tuple[float, float]) -> bool:
    """Even-odd test: does the closed ``polygon`` hold ``point``?"""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(polygon, [*polygon[1:], polygon[0]], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside
