"""Cut a font down to the characters a page shows, with HarfBuzz's subsetter.

Used by step 3c of the pipeline (the web edition embeds the theme's typefaces as
subsets). HarfBuzz's ``hb-subset`` is the library WeasyPrint cuts the booklet's fonts
with, installed with it (``libharfbuzz-subset0``); it does in milliseconds what
fontTools' subsetter takes a third of a second for (Carlito's kerning tables), which
was most of a cold build's wait for the web edition. The subset is wrapped as WOFF by
fontTools, whose writer copies the tables as they are and compresses them.

The C functions are declared here, each once, with ``cffi`` (WeasyPrint's own
dependency); they are HarfBuzz's public API (stable since HarfBuzz 2.9; Debian 12 has 6.0).
"""

from __future__ import annotations

import io
import logging
from collections.abc import Iterable
from pathlib import Path

import cffi

from .errors import InstallError

_DECLARATIONS = """
    typedef struct hb_blob_t hb_blob_t;
    typedef struct hb_face_t hb_face_t;
    typedef struct hb_set_t hb_set_t;
    typedef struct hb_subset_input_t hb_subset_input_t;
    typedef uint32_t hb_codepoint_t;
    typedef uint32_t hb_tag_t;
    hb_blob_t *hb_blob_create_from_file_or_fail (const char *file_name);
    void hb_blob_destroy (hb_blob_t *blob);
    const char *hb_blob_get_data (hb_blob_t *blob, unsigned int *length);
    hb_face_t *hb_face_create (hb_blob_t *blob, unsigned int index);
    void hb_face_destroy (hb_face_t *face);
    hb_blob_t *hb_face_reference_blob (hb_face_t *face);
    void hb_set_add (hb_set_t *set, hb_codepoint_t codepoint);
    void hb_set_add_range (hb_set_t *set, hb_codepoint_t first, hb_codepoint_t last);
    void hb_set_clear (hb_set_t *set);
    hb_tag_t hb_tag_from_string (const char *str, int len);
    hb_subset_input_t *hb_subset_input_create_or_fail (void);
    void hb_subset_input_destroy (hb_subset_input_t *input);
    void hb_subset_input_set_flags (hb_subset_input_t *input, unsigned int value);
    hb_set_t *hb_subset_input_set (hb_subset_input_t *input, int set_type);
    hb_face_t *hb_subset_or_fail (hb_face_t *source, const hb_subset_input_t *input);
"""
#: hb_subset_flags_t and hb_subset_sets_t, as hb-subset.h numbers them.
NO_HINTING, NOTDEF_OUTLINE = 0x01, 0x40
UNICODE_SET, NAME_ID_SET, LAYOUT_FEATURE_SET = 1, 4, 6
#: The OpenType features a browser needs for running text: kerning, ligatures, the
#: composition of accented letters and the language's own letter forms.
LAYOUT_FEATURES = ("kern", "liga", "ccmp", "locl", "mark", "mkmk")
LIBRARIES = ("libharfbuzz-subset.so.0", "libharfbuzz-subset.0.dylib", "libharfbuzz-subset-0.dll")


class HarfBuzzSubsetter:
    """HarfBuzz's subsetter, loaded once per process that asks for it."""

    def __init__(self) -> None:
        self.ffi = cffi.FFI()
        self.ffi.cdef(_DECLARATIONS)
        for name in LIBRARIES:
            try:
                self.hb = self.ffi.dlopen(name)
                break
            except OSError:
                continue
        else:
            raise InstallError("HarfBuzz's subsetter (libharfbuzz-subset0) is not installed; "
                               "install it with: sudo apt install libharfbuzz-subset0")

    def subset(self, path: Path, characters: Iterable[str]) -> bytes:
        """The font at ``path`` with just ``characters`` (and the glyphs their ligatures
        and accents need), unhinted, with every name record, as an OpenType file."""
        hb, ffi = self.hb, self.ffi
        blob = hb.hb_blob_create_from_file_or_fail(str(path).encode())
        if blob == ffi.NULL:
            raise OSError(f"cannot read the font {path}")
        face = hb.hb_face_create(blob, 0)
        wanted = hb.hb_subset_input_create_or_fail()
        try:
            hb.hb_subset_input_set_flags(wanted, NO_HINTING | NOTDEF_OUTLINE)
            unicodes = hb.hb_subset_input_set(wanted, UNICODE_SET)
            for character in sorted(set(characters)):
                hb.hb_set_add(unicodes, ord(character))
            hb.hb_set_add_range(hb.hb_subset_input_set(wanted, NAME_ID_SET), 0, 0x7FFF)
            features = hb.hb_subset_input_set(wanted, LAYOUT_FEATURE_SET)
            hb.hb_set_clear(features)
            for tag in LAYOUT_FEATURES:
                hb.hb_set_add(features, hb.hb_tag_from_string(tag.encode(), 4))
            cut = hb.hb_subset_or_fail(face, wanted)
            if cut == ffi.NULL:
                raise OSError(f"HarfBuzz could not cut down the font {path}")
            try:
                result = hb.hb_face_reference_blob(cut)
                length = ffi.new("unsigned int *")
                data = hb.hb_blob_get_data(result, length)
                font = bytes(ffi.buffer(data, length[0]))
                hb.hb_blob_destroy(result)
            finally:
                hb.hb_face_destroy(cut)
        finally:
            hb.hb_subset_input_destroy(wanted)
            hb.hb_face_destroy(face)
            hb.hb_blob_destroy(blob)
        return font


def as_woff(font: bytes) -> bytes:
    """An OpenType file wrapped as WOFF 1.0 (its tables compressed, none changed)."""
    from fontTools.ttLib import TTFont
    logging.getLogger("fontTools").setLevel(logging.ERROR)  # its notes on old time stamps
    opened = TTFont(io.BytesIO(font), recalcTimestamp=False, lazy=True)
    opened.flavor = "woff"
    buffer = io.BytesIO()
    opened.save(buffer, reorderTables=True)
    return buffer.getvalue()
