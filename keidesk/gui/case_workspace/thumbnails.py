"""Small pictures of attached photos, made off the GUI thread and kept per stored file.

A stored file never changes (it is named by its content hash), so a thumbnail made once is
right for as long as the app runs. An image that cannot be read (damaged, not really an
image, larger than Qt's allocation limit) gets no thumbnail and is remembered as such.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage, QImageReader, QPixmap

from keidesk.gui.kit.tasks import Progress, TaskRunner

THUMBNAIL = QSize(64, 48)


def read_thumbnail(path: Path, size: QSize = THUMBNAIL) -> QImage:
    """The image at ``path`` scaled to fit ``size`` (decoded at that size where the format
    allows it, so a 20-megapixel photo costs little); a null image when it cannot be read."""
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)
    full = reader.size()
    if full.isValid() and not full.isEmpty():
        reader.setScaledSize(full.scaled(size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return QImage()
    if image.width() > size.width() or image.height() > size.height():
        image = image.scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


class Thumbnails(QObject):
    """Thumbnails by hash; :meth:`request` makes the missing ones off the GUI thread and
    ``ready`` says when they are there."""

    ready = Signal()

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self._pixmaps: dict[str, QPixmap | None] = {}  # None: tried, could not be read
        self._pending: set[str] = set()

    def get(self, sha256: str) -> QPixmap | None:
        return self._pixmaps.get(sha256)

    def tried(self, sha256: str) -> bool:
        return sha256 in self._pixmaps

    def request(self, hashes: Iterable[str], path_for: Callable[[str], Path]) -> None:
        """Make the thumbnails of these stored files; ``path_for`` (the store's, which may
        fetch the file from a server) is called off the GUI thread."""
        wanted = {sha for sha in hashes if sha not in self._pixmaps and sha not in self._pending}
        if not wanted:
            return
        self._pending.update(wanted)

        def work(_progress: Progress) -> dict[str, QImage]:
            return {sha: read_thumbnail(path_for(sha)) for sha in wanted}

        def done(images: dict[str, QImage]) -> None:
            for sha, image in images.items():
                self._pending.discard(sha)
                self._pixmaps[sha] = None if image.isNull() else QPixmap.fromImage(image)
            self.ready.emit()

        def failed(_exc: BaseException) -> None:
            for sha in wanted:
                self._pending.discard(sha)
                self._pixmaps[sha] = None

        self.tasks.run_task(work, done, on_error=failed, quiet=True, lane="read")
