"""The one way keidesk writes a file it hands to people or reads back: never half-written.

``with replacing(target) as temp:`` gives a new private file beside ``target``; whatever is
written to it replaces ``target`` (flushed to disk first) only when the block ends without an
error, and the temporary file never outlives the block.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """Write to the yielded path; it becomes ``target`` (mode 0600) when the block succeeds.
    OSErrors (a missing or read-only folder) reach the caller, which words them for staff."""
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    os.close(handle)
    temp = Path(name)
    try:
        yield temp
        with temp.open("rb+") as written:
            os.fsync(written.fileno())
        temp.replace(target)
    finally:
        temp.unlink(missing_ok=True)
