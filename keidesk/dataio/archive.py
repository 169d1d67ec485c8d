"""Zip archives that come from outside (case bundles, Excel files): the checks that keep a
small file from unpacking into gigabytes before anything reads it."""

from __future__ import annotations

import zipfile

from keidesk.domain.messages import msg

#: A member that expands more than this many times over is a compression bomb, not a scan
#: or a sheet.
MAX_RATIO = 100
#: Members smaller than this are never bombs, whatever their ratio (an empty sheet's XML).
SMALL_MEMBER = 1024 * 1024


def bomb_reason(info: zipfile.ZipInfo) -> str | None:
    """Why ``info`` looks like a compression bomb, or None."""
    packed = max(info.compress_size, 1)
    if info.file_size > SMALL_MEMBER and info.file_size > MAX_RATIO * packed:
        return msg(
            "{member!r} expands {times} times over (a compression bomb)",
            member=info.filename,
            times=info.file_size // packed,
        )
    return None
