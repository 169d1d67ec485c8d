"""Enclosing the case's own scans: checked before layout, drawn on reserved pages, merged after.

Each enclosed page gets a page of the packet, so it carries the same footer ("page X of Y")
and its own bookmark. Images are drawn by reportlab; PDF pages are merged onto their reserved
page with pypdf after the layout, scaled to fit. A file that cannot be read (corrupt,
password-protected, missing from the store, an image too large to be a scan) is named in a
warning and left out; the packet is still built, and its checklist shows the document as
unreadable. Large images are scaled down before they are embedded: a packet prints a page at
most, and a 12000 × 12000 photo must not cost seconds.
"""

from __future__ import annotations

import io
import struct
import warnings
import zlib
from dataclasses import dataclass, field

from PIL import Image, UnidentifiedImageError
from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.errors import PyPdfError
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable

from keidesk.packets import styles
from keidesk.packets.data import AttachedFile
from keidesk.packets.fonts import JAPANESE, LATIN, LATIN_BOLD, needs_japanese

HEADER_BAND = 30.0

#: An image with more pixels than this is refused as a decompression bomb, whatever its file
#: size: a 12000 × 12000 photo (144 million) is accepted and scaled down. Kept below Pillow's
#: own hard limit (twice ``Image.MAX_IMAGE_PIXELS``) so the refusal is always this one.
MAX_IMAGE_PIXELS = 170_000_000

#: Images are embedded at most this many pixels on their longer side (about 250 dpi on a
#: letter page: fine print stays readable).
MAX_EMBED_SIDE = 2400

#: What reading an untrusted PDF or image can raise; each is reported with the file's name.
_UNREADABLE = (
    PyPdfError,
    OSError,
    ValueError,
    KeyError,
    TypeError,
    AttributeError,
    IndexError,
    RecursionError,
    UnidentifiedImageError,
    Image.DecompressionBombError,
    zlib.error,
    struct.error,
)


@dataclass
class Enclosure:
    """An attachment that was read successfully and will be enclosed."""

    attached: AttachedFile
    label: str
    pdf_pages: list[PageObject] = field(default_factory=list)
    image: ImageReader | None = None

    @property
    def page_count(self) -> int:
        return len(self.pdf_pages) if self.pdf_pages else 1

    @property
    def anchor(self) -> str:
        """The key of the page it starts on (for the checklist's "enclosed, page N")."""
        return f"enclosure-{self.attached.document.id}"


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Why an attachment was left out: a few words for the checklist ("damaged file") and the
    whole warning, which names the file."""

    reason: str
    message: str


@dataclass(frozen=True, slots=True)
class Slot:
    """Where a PDF page goes: packet page number and the rectangle it is fitted into."""

    page_number: int
    source: PageObject
    x: float
    y: float
    width: float
    height: float


Prepared = tuple[Enclosure, None] | tuple[None, Unreadable]


def prepare(attached: AttachedFile, label: str) -> Prepared:
    """Read an attachment fully; returns the enclosure, or why it is left out."""
    name = attached.document.original_name
    if not attached.path.is_file():
        return None, Unreadable(
            "missing from the attachment folder",
            f"The attached file '{name}' ({label}) is missing from the attachment folder.",
        )
    if attached.is_pdf:
        return _prepare_pdf(attached, label)
    if attached.is_image:
        return _prepare_image(attached, label)
    return None, Unreadable(
        "not a PDF or a PNG/JPEG image",
        f"The attached file '{name}' ({label}) is neither a PDF nor a PNG/JPEG image and "
        "cannot be enclosed.",
    )


def _prepare_pdf(attached: AttachedFile, label: str) -> Prepared:
    name = attached.document.original_name
    try:
        with warnings.catch_warnings():
            # pypdf warns about the damage it works around; what it cannot work around raises.
            warnings.simplefilter("ignore")
            reader = PdfReader(io.BytesIO(attached.path.read_bytes()))
            if reader.is_encrypted:
                return None, Unreadable(
                    "password-protected",
                    f"The attached PDF '{name}' ({label}) is password-protected and was left "
                    "out; attach an unprotected copy.",
                )
            pages = list(reader.pages)
            for page in pages:
                if page.rotation % 90:
                    raise ValueError(f"a page is turned {page.rotation} degrees")
                box = page.mediabox
                if float(box.width) <= 0 or float(box.height) <= 0:
                    raise ValueError("a page has no size")
                page.get_contents()
    except _UNREADABLE as exc:
        return None, Unreadable(
            "damaged file",
            f"The attached PDF '{name}' ({label}) could not be read and was left out "
            f"({type(exc).__name__}: {str(exc)[:80] or 'damaged file'}); attach a good copy.",
        )
    if not pages:
        return None, Unreadable(
            "no pages", f"The attached PDF '{name}' ({label}) has no pages and was left out."
        )
    return Enclosure(attached, label, pdf_pages=pages), None


def _open_image(attached: AttachedFile) -> Image.Image:
    """Read an image, refusing one beyond :data:`MAX_IMAGE_PIXELS` from its header alone, and
    scale it to at most :data:`MAX_EMBED_SIDE` pixels, in RGB (transparency on white)."""
    with warnings.catch_warnings():
        # Pillow warns from 89 million pixels; the limit that decides is ours, below.
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        with Image.open(attached.path) as probe:
            probe.verify()
        opened = Image.open(attached.path)
    with opened:
        width, height = opened.size
        if width * height > MAX_IMAGE_PIXELS:
            raise Image.DecompressionBombError(f"{width} × {height} pixels")
        opened.draft("RGB", (MAX_EMBED_SIDE, MAX_EMBED_SIDE))  # JPEG: decoded already smaller
        image: Image.Image = opened
        factor = max(image.size) // MAX_EMBED_SIDE
        if factor >= 2 and image.mode in {"RGB", "L", "RGBA", "LA"}:
            image = image.reduce(factor)  # a box filter, far quicker than resampling it all
        image.thumbnail((MAX_EMBED_SIDE, MAX_EMBED_SIDE), Image.Resampling.BICUBIC)
        if image.mode in {"RGB", "L"}:
            return image.copy()
        if image.mode in {"RGBA", "LA", "PA"} or "transparency" in image.info:
            rgba = image.convert("RGBA")
            flat = Image.new("RGB", rgba.size, (255, 255, 255))
            flat.paste(rgba, mask=rgba.getchannel("A"))
            return flat
        return image.convert("RGB")


def _prepare_image(attached: AttachedFile, label: str) -> Prepared:
    name = attached.document.original_name
    try:
        image = _open_image(attached)
    except Image.DecompressionBombError:
        limit = MAX_IMAGE_PIXELS // 1_000_000
        return None, Unreadable(
            f"more than {limit} million pixels",
            f"The attached image '{name}' ({label}) has more than {limit} million pixels, too "
            "many for a scan or photo (it may be made to exhaust memory), and was left out; "
            "attach a smaller copy.",
        )
    except _UNREADABLE as exc:
        return None, Unreadable(
            "damaged file",
            f"The attached image '{name}' ({label}) could not be read and was left out "
            f"({type(exc).__name__}); attach a good copy.",
        )
    return Enclosure(attached, label, image=ImageReader(image)), None


class EnclosurePage(Flowable):
    """One page of an enclosure: a header band naming it, then the scan fitted below."""

    def __init__(
        self,
        enclosure: Enclosure,
        index: int,
        slots: list[Slot],
        *,
        number: int,
    ) -> None:
        super().__init__()
        self.enclosure = enclosure
        self.index = index
        self.slots = slots
        self.number = number
        if index == 0:
            self.outline_title = f"Enclosure {number}: {enclosure.label}"
            self.outline_level = 0
            self.anchor_key = enclosure.anchor

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height - 1
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self.height
        canvas.saveState()
        canvas.setFillColor(styles.HEADER_FILL)
        canvas.rect(0, top - HEADER_BAND + 4, self.width, HEADER_BAND - 4, stroke=0, fill=1)
        canvas.setFillColor(styles.INK)
        label = f"Enclosure {self.number}: {self.enclosure.label}"
        canvas.setFont(JAPANESE if needs_japanese(label) else LATIN_BOLD, 9.5)
        canvas.drawString(6, top - 13, label)
        detail = (
            f"Attached file '{self.enclosure.attached.document.original_name}', "
            f"page {self.index + 1} of {self.enclosure.page_count}"
        )
        canvas.setFont(JAPANESE if needs_japanese(detail) else LATIN, 7.5)
        canvas.setFillColor(styles.MUTED)
        canvas.drawString(6, top - 23, detail)
        canvas.restoreState()
        box_height = top - HEADER_BAND - 4
        if self.enclosure.image is not None:
            self._draw_image(self.enclosure.image, box_height)
            return
        x, y = canvas.absolutePosition(0, 0)
        self.slots.append(
            Slot(
                canvas.getPageNumber(),
                self.enclosure.pdf_pages[self.index],
                x,
                y,
                self.width,
                box_height,
            )
        )

    def _draw_image(self, image: ImageReader, box_height: float) -> None:
        width, height = image.getSize()
        scale = min(self.width / width, box_height / height)
        shown_w, shown_h = width * scale, height * scale
        self.canv.drawImage(
            image, (self.width - shown_w) / 2, box_height - shown_h, shown_w, shown_h
        )


def _upright(page: PageObject) -> tuple[Transformation, float, float]:
    """A transformation that moves the page's box to the origin and turns it the way a viewer
    shows it (/Rotate is clockwise), with the width and height as shown."""
    box = page.mediabox
    width, height = float(box.width), float(box.height)
    transform = Transformation().translate(-float(box.left), -float(box.bottom))
    turn = page.rotation % 360
    if turn == 90:
        return transform.rotate(-90).translate(0, width), height, width
    if turn == 180:
        return transform.rotate(180).translate(width, height), width, height
    if turn == 270:
        return transform.rotate(90).translate(height, 0), height, width
    return transform, width, height


def merge_slots(pdf: bytes, slots: list[Slot]) -> bytes:
    """Lay each reserved page's PDF page onto it, scaled to fit and centred at the top."""
    if not slots:
        return pdf
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    for slot in slots:
        source = slot.source
        transform, width, height = _upright(source)
        scale = min(slot.width / width, slot.height / height)
        tx = slot.x + (slot.width - width * scale) / 2
        ty = slot.y + slot.height - height * scale
        transform = transform.scale(scale, scale).translate(tx, ty)
        writer.pages[slot.page_number - 1].merge_transformed_page(source, transform)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
