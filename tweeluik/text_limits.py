"""What the reader accepts of a publication's text: its limits, each with its reason.

Step 2 (the reader, with ``parse``). A source within these limits is set in bounded time
and memory (the README's "What a publication may load"); past one, the reader stops with
the line and what to do.
"""

MAX_LESSONS = 300
MAX_PARAGRAPH_CHARS = 20_000
MAX_HEADING_CHARS = 300
MAX_WORD_CHARS = 120     # longer "words" are pasting accidents (addresses may be longer)
MAX_ADDRESS_CHARS = 600
MAX_PARAGRAPHS = 5_000  # list items, quotes and table cells counted: some 300 booklet pages
MAX_TABLE_COLUMNS = 6  # more do not fit across an A5 page
MAX_LINKS = 300  # each may get a note (and a QR code) at the foot of its booklet page
MAX_DEPTH = 12  # quotes in lists in quotes …, and emphasis in links in emphasis …
