"""Sample scans and cases for packet tests: real PDF and image files, real database rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw
from reportlab.lib.pagesizes import A4, LETTER, landscape
from reportlab.pdfgen.canvas import Canvas

from keidesk.domain.dates import parse_date
from keidesk.domain.documents import DocumentKind
from keidesk.domain.money import Money, Odometer
from keidesk.packets.fonts import JAPANESE, register_fonts
from keidesk.services import cases
from keidesk.services.documents import AttachmentStore, add_document
from keidesk.services.profile import ImporterProfile, save_profile, store_logo
from keidesk.storage.database import Database

TODAY = date(2026, 11, 21)


def scan_pdf(path: Path, title: str, *, pages: int = 1, size=A4, japanese: bool = False) -> Path:
    """A PDF that looks like a scanned form: a title, ruled boxes and some text."""
    register_fonts()
    canvas = Canvas(str(path), pagesize=size)
    width, height = size
    for number in range(1, pages + 1):
        canvas.setStrokeGray(0.3)
        canvas.rect(36, 36, width - 72, height - 72)
        canvas.setFont(JAPANESE if japanese else "Helvetica-Bold", 16)
        canvas.drawString(54, height - 70, title)
        canvas.setFont(JAPANESE if japanese else "Helvetica", 10)
        labels = (
            [
                "車名 スズキ",
                "型式 V-DA52T",
                "車台番号 DA52T-245871",
                "原動機の型式 F6A",
                "初度検査年月 平成11年3月",
            ]
            if japanese
            else ["Entry summary", "Importer of record", "Port code 3002", "Stamped by CBP"]
        )
        for row, label in enumerate(labels):
            y = height - 120 - row * 34
            canvas.rect(54, y - 8, width - 108, 26)
            canvas.drawString(62, y, label)
        canvas.drawString(54, 60, f"sample scan page {number} of {pages}")
        canvas.showPage()
    canvas.save()
    return path


def photo_png(path: Path, size: tuple[int, int] = (900, 600)) -> Path:
    image = Image.new("RGB", size, (205, 222, 236))
    draw = ImageDraw.Draw(image)
    w, h = size
    draw.rectangle([0, int(h * 0.72), w, h], fill=(120, 130, 110))
    draw.rectangle(
        [int(w * 0.12), int(h * 0.35), int(w * 0.42), int(h * 0.7)], fill=(240, 240, 235)
    )
    draw.rectangle(
        [int(w * 0.42), int(h * 0.48), int(w * 0.88), int(h * 0.66)], fill=(230, 230, 225)
    )
    for cx in (0.25, 0.75):
        x = int(w * cx)
        draw.ellipse([x - 45, int(h * 0.62), x + 45, int(h * 0.62) + 90], fill=(30, 30, 30))
    image.save(path)
    return path


def logo_png(path: Path) -> Path:
    image = Image.new("RGB", (400, 160), (29, 78, 137))
    draw = ImageDraw.Draw(image)
    draw.rectangle([20, 20, 140, 140], fill=(255, 255, 255))
    draw.rectangle([45, 60, 115, 100], fill=(29, 78, 137))
    image.save(path)
    return path


def attach(db: Database, case_id: int, path: Path, kind: DocumentKind) -> int:
    """Attach a scan as staff do: copied into the store, then recorded with its kind, filed
    under the kind's step. Returns the document id."""
    stored = AttachmentStore(db.folder).put(path)
    with db.transaction("tester") as session:
        document = add_document(
            session,
            case_id,
            stored,
            user="tester",
            doc_type=kind.value,
            step_key=kind.default_step,
        )
    return document.id


def set_profile(db: Database, folder: Path, *, logo: bool = True) -> None:
    store = AttachmentStore(db.folder)
    logo_sha = store_logo(store, logo_png(folder / "logo.png")) if logo else None
    with db.transaction("tester") as session:
        save_profile(
            session,
            ImporterProfile(
                business_name="Blue Ridge Kei Imports LLC",
                address="1200 Orchard Road\nHendersonville, NC 28792",
                phone="(828) 555-0142",
                email="office@blueridgekei.example",
                dealer_licence="NC-D-48213",
                logo_sha256=logo_sha,
            ),
        )


def rich_case(
    db: Database, make_case: Callable[..., int], folder: Path, *, attachments: bool = True
) -> int:
    """A case with every field filled and, optionally, every document attached."""
    case_id = make_case(
        chassis="DA52T-245871",
        built="1999-03",
        first_registered="H11.4",
        customer="Dale Whitaker",
        state="CO",
        eta=date(2026, 11, 2),
    )
    with db.transaction("tester") as session:
        cases.update_case(
            session,
            case_id,
            {
                "engine": "F6A",
                "engine_cc": 657,
                "colour": "White",
                "length_mm": 3395,
                "width_mm": 1475,
                "height_mm": 1780,
                "odometer": Odometer.parse("48200 km"),
                "purchase_price": Money.parse("420000", "JPY"),
                "vessel": "Hoegh Trotter V.112",
                "bill_of_lading": "NYKS123456789",
                "port_of_loading": "Yokohama",
                "port_of_entry": "Baltimore, MD",
                "etd": date(2026, 10, 5),
                "entry_number": "ABC-1234567-8",
                "release_date": date(2026, 11, 9),
                "customs_value": Money.parse("3200", "USD"),
                "freight": Money.parse("1650", "USD"),
                "duty_paid": Money.parse("842.30", "USD"),
                "customer_address": "88 Laurel Branch Road\nBoone, NC 28607",
                "sale_price": Money.parse("6500", "USD"),
                "sale_date": date(2026, 12, 15),
                "payment_terms": "Paid in full by bank transfer",
                "customer_phone": "(828) 555-0199",
                # Colorado's kei class is in force from 2027-07-01 (before: no rule on file).
                "planned_registration": date(2027, 8, 1),
            },
            user="tester",
            today=TODAY,
        )
    if attachments:
        attach(
            db,
            case_id,
            scan_pdf(folder / "export_certificate.pdf", "輸出予定届出証明書", japanese=True),
            DocumentKind.EXPORT_CERTIFICATE,
        )
        attach(
            db,
            case_id,
            scan_pdf(folder / "entry_7501.pdf", "CBP Form 7501 (stamped)", size=LETTER, pages=2),
            DocumentKind.CBP_7501,
        )
        attach(
            db,
            case_id,
            scan_pdf(folder / "hs7.pdf", "HS-7 Declaration", size=LETTER),
            DocumentKind.HS7,
        )
        attach(
            db,
            case_id,
            scan_pdf(folder / "epa_3520_1.pdf", "EPA 3520-1", size=LETTER),
            DocumentKind.EPA_3520_1,
        )
        attach(
            db,
            case_id,
            scan_pdf(folder / "invoice.pdf", "Commercial invoice", size=landscape(A4)),
            DocumentKind.INVOICE,
        )
        attach(
            db,
            case_id,
            scan_pdf(folder / "bill_of_lading.pdf", "Bill of lading", size=LETTER),
            DocumentKind.BILL_OF_LADING,
        )
        attach(db, case_id, photo_png(folder / "truck.png"), DocumentKind.PHOTO)
    return case_id


def sparse_case(make_case: Callable[..., int]) -> int:
    """A case with only its chassis number: every packet shows gaps."""
    return int(make_case(chassis="HA4-1012345"))


def corrupt_pdf(path: Path) -> Path:
    path.write_bytes(
        b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf\n%%EOF"
    )
    return path


__all__ = ["TODAY", "parse_date"]
