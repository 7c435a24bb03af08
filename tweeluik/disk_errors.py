"""A disk problem in plain words, with what to do about it: one home for both kinds.

Used wherever tweeluik meets the operating system (step 1, reading a source; step 4,
writing the outputs, and the import): reading and writing go wrong for the same reasons
but call for different advice, so each has its own wording.
"""

from __future__ import annotations

import errno

_WHEN_WRITING = {
    errno.ENOSPC: "the disk is full; free some space and build again",
    errno.EDQUOT: "your disk quota is used up; free some space and build again",
    errno.EACCES: "permission denied; check that you may write to this folder",
    errno.EPERM: "permission denied; check that you may write to this folder",
    errno.EROFS: "the disk is read-only; choose another output folder with --out",
    errno.ENAMETOOLONG: "the file name is too long; give the source a shorter name",
    errno.EISDIR: "a folder stands where the file should go; remove or rename it",
    errno.ENOTDIR: "a file stands where a folder should be; choose another --out",
    errno.ELOOP: "a symbolic link points to itself; remove it",
}

_WHEN_READING = {
    errno.ELOOP: "a symbolic link points to itself; replace it by the real file",
    errno.EACCES: "you may not read it; check its permissions",
    errno.EPERM: "you may not read it; check its permissions",
    errno.ENAMETOOLONG: "the name is too long; use a shorter one",
    errno.EISDIR: "it is a folder",
    errno.ENOENT: "it does not exist",
    errno.ENOSPC: "the disk is full; free some space",
    errno.EROFS: "the disk is read-only",
}


def describe_write_error(error: OSError) -> str:
    """Why a file could not be written, and what to do."""
    return _WHEN_WRITING.get(error.errno or 0, (error.strerror or str(error)).lower())


def describe_read_error(error: OSError) -> str:
    """Why a file could not be read (the system's words), with a hint where one helps."""
    reason = (error.strerror or str(error)).lower()
    hint = _WHEN_READING.get(error.errno or 0)
    return f"{reason}: {hint}" if hint else reason
