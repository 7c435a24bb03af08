"""The kinds of file a letter may be brought in from (step 0, bringing a letter in).

Read by the import, which reads each, and by the studio, which takes only these as a
letter: a module of its own, so that the studio starts without loading the import.
"""

from __future__ import annotations

#: Word, LibreOffice (and its flat file), plain text, Markdown (and a website's MDX), a
#: web page saved as HTML, and an e-mail saved by a mail program.
LETTER_FORMATS = (".docx", ".odt", ".fodt", ".txt", ".md", ".text", ".markdown", ".mdx", ".html", ".htm",
                  ".eml")
