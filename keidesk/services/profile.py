"""The importer's profile: the business details printed on every packet.

Kept in the database (``settings`` table) because it belongs with the data: a packet built on
the laptop at the port shows the same letterhead as one built in the office.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from keidesk.domain.errors import InvalidInput
from keidesk.services.documents import AttachmentStore
from keidesk.storage.models import Setting

PROFILE_KEY = "importer_profile"
LOGO_SUFFIXES = {".png", ".jpg", ".jpeg"}


@dataclass(frozen=True, slots=True)
class ImporterProfile:
    business_name: str = ""
    address: str = ""  # multi-line
    phone: str = ""
    email: str = ""
    dealer_licence: str = ""  # state dealer licence number, printed on bills of sale
    logo_sha256: str | None = None  # the logo image in the attachment store

    @property
    def is_complete(self) -> bool:
        return bool(self.business_name.strip() and self.address.strip())


def load_profile(session: Session) -> ImporterProfile:
    row = session.get(Setting, PROFILE_KEY)
    if row is None:
        return ImporterProfile()
    known = {f.name for f in dataclasses.fields(ImporterProfile)}
    return ImporterProfile(**{k: v for k, v in row.value.items() if k in known})


def save_profile(session: Session, profile: ImporterProfile) -> ImporterProfile:
    if not profile.business_name.strip():
        raise InvalidInput("Enter the business name; it is printed on every packet.")
    if len(profile.business_name) > 120:
        raise InvalidInput("The business name is too long for a packet (120 characters at most).")
    cleaned = dataclasses.replace(
        profile,
        business_name=profile.business_name.strip(),
        address=profile.address.strip(),
        phone=profile.phone.strip(),
        email=profile.email.strip(),
        dealer_licence=profile.dealer_licence.strip(),
    )
    row = session.get(Setting, PROFILE_KEY)
    value = dataclasses.asdict(cleaned)
    if row is None:
        session.add(Setting(key=PROFILE_KEY, value=value))
    else:
        row.value = value
    session.flush()
    return cleaned


def store_logo(store: AttachmentStore, image: Path) -> str:
    """Keep a logo image in the attachment store; returns its hash for the profile."""
    if image.suffix.lower() not in LOGO_SUFFIXES:
        raise InvalidInput("The logo must be a PNG or JPEG image.")
    return store.put(image).sha256
