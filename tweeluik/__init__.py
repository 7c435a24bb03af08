"""tweeluik: one Markdown source, two panels — an A5 booklet and a slide deck.

Pipeline: ``source`` (read and check a file) → ``parse`` (Markdown to the content
``model``) → ``booklet`` and ``deck`` writers → ``build`` (files on disk) → ``cli``.
"""

__version__ = "0.1.0"
