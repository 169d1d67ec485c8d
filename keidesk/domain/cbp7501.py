"""CBP Form 7501 (Entry Summary) block numbers, as printed on the 2024 form.

The customs broker packet names blocks by these numbers. Older guides (Customs Directive
3550-061, 1992) number the blocks differently (13 Exporting Country, 21 Manufacturer ID): use
only this table. Source: CBP Form 7501, OMB 1651-0022, 2024 update (form copy in the
2023-11 information collection, expires 2025-03-31); block 1 = 3-character filer code,
7-digit entry number and a check digit; entry type 01 = consumption, free and dutiable,
11 = informal.
"""

from __future__ import annotations

from types import MappingProxyType

FORM = "CBP Form 7501 (Entry Summary), 2024 edition"
CITATION = "CBP Form 7501, OMB No. 1651-0022 (2024 update)"

#: Block number (as printed) → what the block holds.
BLOCKS: MappingProxyType[str, str] = MappingProxyType(
    {
        "1": "Filer Code/Entry Number",
        "2": "Entry Type",
        "3": "Summary Date",
        "4": "Surety Number",
        "5": "Bond Type",
        "6": "Port Code",
        "7": "Entry Date",
        "8": "Importing Carrier",
        "9": "Mode of Transport",
        "10": "Country of Origin",
        "11": "Import Date",
        "12": "B/L or AWB Number",
        "13": "Manufacturer ID",
        "14": "Exporting Country",
        "15": "Export Date",
        "16": "I.T. Number",
        "17": "I.T. Date",
        "18": "Missing Documents",
        "19": "Foreign Port of Lading",
        "20": "U.S. Port of Unlading",
        "21": "Country of Melt and Pour",
        "22": "Primary Country of Smelt",
        "23": "Secondary Country of Smelt",
        "24": "Country of Cast",
        "25": "Location of Goods/G.O. Number",
        "26": "Consignee Number",
        "27": "Importer Number",
        "28": "Reference Number",
        "29": "Ultimate Consignee Name and Address",
        "30": "Importer of Record Name and Address",
        "31": "Line Number",
        "32": "Description of Merchandise",
        "32A": "HTSUS Number",
        "32B": "AD/CVD Number",
        "33A": "Gross Weight",
        "33B": "Manifest Quantity",
        "34": "Net Quantity in HTSUS Units",
        "35A": "Entered Value",
        "35B": "Charges (CHGS)",
        "35C": "Relationship",
        "36A": "HTSUS Rate",
        "36B": "AD/CVD Rate",
        "36C": "IRC Rate",
        "36D": "Visa Number",
        "37": "Duty and IR Tax (dollars)",
        "38": "Duty and IR Tax (cents)",
        "39": "Total Entered Value and Other Fee Summary",
        "40": "Declaration of Importer of Record or Authorized Agent",
        "41": "Duty",
        "42": "Tax",
        "43": "Other",
        "44": "Total",
    }
)

# The blocks a kei truck's entry is read from, by name, so a packet never hard-codes a number.
ENTRY_NUMBER = "1"
ENTRY_TYPE = "2"
ENTRY_DATE = "7"
IMPORTING_CARRIER = "8"
COUNTRY_OF_ORIGIN = "10"
IMPORT_DATE = "11"
BILL_OF_LADING = "12"
MANUFACTURER_ID = "13"
EXPORTING_COUNTRY = "14"
FOREIGN_PORT_OF_LADING = "19"
US_PORT_OF_UNLADING = "20"
DESCRIPTION = "32"
HTSUS_NUMBER = "32A"
ENTERED_VALUE = "35A"
HTSUS_RATE = "36A"
OTHER_FEES = "39"  # MPF and HMF appear in the Other Fee Summary
DUTY = "41"
TOTAL = "44"


def block_label(number: str) -> str:
    """``"Block 10 (Country of Origin)"``: how a packet refers to a block."""
    return f"Block {number} ({BLOCKS[number]})"
