"""The 2024 CBP 7501 block numbers (not the 1992 directive's)."""

from __future__ import annotations

from keidesk.domain import cbp7501


def test_2024_layout_not_the_1992_one() -> None:
    assert cbp7501.BLOCKS["13"] == "Manufacturer ID"  # 1992: Exporting Country
    assert cbp7501.BLOCKS["14"] == "Exporting Country"
    assert cbp7501.BLOCKS["10"] == "Country of Origin"
    assert cbp7501.BLOCKS[cbp7501.HTSUS_NUMBER] == "HTSUS Number"
    assert cbp7501.block_label(cbp7501.ENTRY_NUMBER) == "Block 1 (Filer Code/Entry Number)"
    named = [v for k, v in vars(cbp7501).items() if k.isupper() and isinstance(v, str)]
    assert all(number in cbp7501.BLOCKS for number in named if number[:1].isdigit())
