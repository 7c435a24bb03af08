"""The names a template's XML is read with: its namespaces, and a shape's rectangle.

Part of step 3 of the deck writer, its input side: every module that reads a
template's parts with lxml (package cleaning, the reader, what lies behind a box)
uses these, so a namespace is spelled once.
"""

from __future__ import annotations

NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main",
      "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
      "ct": "http://schemas.openxmlformats.org/package/2006/content-types"}
#: A shape's place: left, top, width, height in EMU.
Rect = tuple[float, float, float, float]
