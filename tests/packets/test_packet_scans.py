"""Hostile and heavy scans: a damaged PDF or an image bomb is named in a warning and left out,
the packet is still built (a draft: that paper is unreadable); a large photo is scaled down
before it is embedded."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from keidesk.domain.documents import DocumentKind
from keidesk.packets import GapStatus, PacketKind, build_packet
from keidesk.packets.enclosures import MAX_EMBED_SIDE, MAX_IMAGE_PIXELS
from keidesk.storage.database import Database
from tests.packets import samples
from tests.packets.pdfread import read_packet
from tests.packets.samples import TODAY


def build(db: Database, case_id: int, kind: PacketKind, out: Path):
    return build_packet(db, case_id, kind, out, user="tester", today=TODAY)


def png_header_only(path: Path, width: int, height: int) -> Path:
    """A tiny PNG file that claims to be ``width`` × ``height`` pixels: a decompression bomb
    as far as any reader that trusts the header is concerned."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\0" + b"\0" * 3 * 16)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    )
    return path


def embedded_image_sizes(path: Path) -> list[tuple[int, int]]:
    sizes = []
    for page in PdfReader(path).pages:
        for image in page.images:
            sizes.append(image.image.size if image.image else (0, 0))
    return sizes


@pytest.mark.parametrize(
    ("width", "height"),
    [
        (30_000, 30_000),  # beyond what Pillow itself refuses
        (13_100, 13_000),  # just over keidesk's own limit, where Pillow would only warn
    ],
)
def test_an_image_bomb_is_named_left_out_and_the_packet_is_a_draft(
    db: Database, rich_case: int, tmp_path: Path, scans: Path, width: int, height: int
):
    assert width * height > MAX_IMAGE_PIXELS
    bomb = png_header_only(scans / "bomb.png", width, height)
    samples.attach(db, rich_case, bomb, DocumentKind.PHOTO)
    out = tmp_path / "handover.pdf"
    result = build(db, rich_case, PacketKind.HANDOVER, out)
    named = [w for w in result.warnings if "'bomb.png'" in w]
    assert len(named) == 1
    assert "has more than 170 million pixels" in named[0] and "left out" in named[0]
    assert [(g.what, g.status, g.detail) for g in result.gaps] == [
        ("Photos of the truck", GapStatus.UNREADABLE, "'bomb.png': more than 170 million pixels")
    ]
    packet = read_packet(out)
    assert len(packet.pages) == result.pages == 15  # the good photo is still enclosed
    assert all("DRAFT" in page for page in packet.pages)
    assert "Unreadable: bomb.png (more than 170 million pixels)" in packet.text
    assert "Enclosed, page 15: truck.png" in packet.text


def test_a_corrupt_pdf_and_a_bomb_together_still_build(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    samples.attach(
        db,
        bare_rich_case,
        samples.corrupt_pdf(scans / "7501.pdf"),
        DocumentKind.CBP_7501,
    )
    samples.attach(
        db, bare_rich_case, png_header_only(scans / "hs7.png", 40_000, 40_000), DocumentKind.HS7
    )
    out = tmp_path / "dmv.pdf"
    result = build(db, bare_rich_case, PacketKind.DMV, out)
    assert any("'7501.pdf'" in w and "could not be read" in w for w in result.warnings)
    assert any("'hs7.png'" in w and "million pixels" in w for w in result.warnings)
    unreadable = [g.what for g in result.gaps if g.status is GapStatus.UNREADABLE]
    assert unreadable == ["CBP Form 7501 entry summary", "NHTSA HS-7 declaration"]
    assert all("DRAFT" in page for page in read_packet(out).pages)


def test_a_large_photo_is_scaled_down_before_it_is_embedded(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    big = scans / "big.png"
    Image.new("RGBA", (5000, 3000), (200, 40, 40, 128)).save(big)
    samples.attach(db, bare_rich_case, big, DocumentKind.PHOTO)
    out = tmp_path / "handover.pdf"
    build(db, bare_rich_case, PacketKind.HANDOVER, out)
    sizes = embedded_image_sizes(out)
    # The photo on the vehicle summary and its enclosure page: one image, scaled down.
    assert (MAX_EMBED_SIDE, MAX_EMBED_SIDE * 3 // 5) in sizes
    assert max(max(size) for size in sizes) <= MAX_EMBED_SIDE


@pytest.mark.slow
def test_a_12000_pixel_square_photo_is_embedded_small(
    db: Database, bare_rich_case: int, tmp_path: Path, scans: Path
):
    huge = scans / "huge.jpg"
    Image.new("L", (12_000, 12_000), 180).save(huge, quality=70)
    samples.attach(db, bare_rich_case, huge, DocumentKind.PHOTO)
    out = tmp_path / "handover.pdf"
    result = build(db, bare_rich_case, PacketKind.HANDOVER, out)
    assert not any("huge.jpg" in w for w in result.warnings)
    sizes = embedded_image_sizes(out)
    assert max(max(size) for size in sizes) <= MAX_EMBED_SIDE
    assert out.stat().st_size < 5_000_000
