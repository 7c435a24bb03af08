#!/usr/bin/env python3
"""Build the booklets and decks of every publication in content/ into output/.

Run `python build.py --help` to see how. The work happens in the tweeluik package.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

from tweeluik.cli import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main(root=ROOT, end_process=True))
