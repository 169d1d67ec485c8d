"""Reading built packets back with pypdf, as a person or another program would."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader


@dataclass
class ReadPacket:
    reader: PdfReader
    pages: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    def outline_titles(self) -> list[str]:
        titles: list[str] = []

        def walk(items: Sequence[object]) -> None:
            for item in items:
                if isinstance(item, list):
                    walk(item)
                else:
                    titles.append(str(item.title))  # type: ignore[attr-defined]

        walk(self.reader.outline)
        return titles

    def font_names(self) -> set[str]:
        names: set[str] = set()
        for page in self.reader.pages:
            fonts = page.get("/Resources", {}).get_object().get("/Font", {})
            for font in fonts.get_object().values():
                names.add(str(font.get_object().get("/BaseFont")))
        return names


def read_packet(path: Path) -> ReadPacket:
    reader = PdfReader(path)
    return ReadPacket(reader, [page.extract_text() for page in reader.pages])
