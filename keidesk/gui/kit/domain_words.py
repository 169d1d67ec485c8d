"""The words the GUI shows from values of the Qt-free core, listed as literals to translate.

``tr()`` can only be extracted for a literal (see :mod:`keidesk.gui.kit.i18n`), but step titles,
stages, document kinds, field labels and hints, statuses, registration paths, table headers
and the like reach the screen as values: ``tr(step.title)``, ``tr(FIELDS[name].label)``. Their
English texts are listed here with ``QT_TR_NOOP`` so ``pyside6-lupdate`` puts them in the
``.ts`` file (in the same empty context as ``tr()``), and ``tr(value)`` finds their
translation at run time. Nothing imports this module to run: it is there to be read by lupdate
and by ``tests/gui/kit/test_domain_words.py``, which fails when a word shown from a value is
missing here (add it, then run ``python3 dev.py translations``) or when one here is no longer
shown anywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TR_NOOP

DOMAIN_WORDS: frozenset[str] = frozenset(
    map(
        str,  # QT_TR_NOOP returns its argument, typed as object
        (
            # step titles and stages
            QT_TR_NOOP("Age check"),
            QT_TR_NOOP("Complete"),
            QT_TR_NOOP("Customs"),
            QT_TR_NOOP("Emissions"),
            QT_TR_NOOP("Handover"),
            QT_TR_NOOP("Intake"),
            QT_TR_NOOP("Lien clearance"),
            QT_TR_NOOP("Shipping"),
            QT_TR_NOOP("State registration"),
            # step descriptions
            QT_TR_NOOP("FMVSS 25-year exemption (HS-7 box 1) and EPA code E (21 years)."),
            QT_TR_NOOP("HS-7, EPA 3520-1, CBP 7501/3461, duty and fees, release date."),
            QT_TR_NOOP(
                "Japanese export certificate in the exporter's name, ownership retention "
                "(所有権留保) released, translation; US lien holder and release where the "
                "customer finances."
            ),
            QT_TR_NOOP("Original engine confirmed; the destination state's own rule."),
            QT_TR_NOOP("Title and registration path in the customer's state."),
            QT_TR_NOOP("Truck and document packet handed to the customer."),
            QT_TR_NOOP("Truck bought at auction, chassis number and papers recorded."),
            QT_TR_NOOP("Vessel, bill of lading, ETD/ETA, ports."),
            # next actions
            QT_TR_NOOP("Blocked: Age check"),
            QT_TR_NOOP("Blocked: Complete"),
            QT_TR_NOOP("Blocked: Customs"),
            QT_TR_NOOP("Blocked: Emissions"),
            QT_TR_NOOP("Blocked: Handover"),
            QT_TR_NOOP("Blocked: Intake"),
            QT_TR_NOOP("Blocked: Lien clearance"),
            QT_TR_NOOP("Blocked: Shipping"),
            QT_TR_NOOP("Blocked: State registration"),
            QT_TR_NOOP("Book vessel, track ETA"),
            QT_TR_NOOP("Clear export certificate and liens"),
            QT_TR_NOOP("Confirm 25-year eligibility"),
            QT_TR_NOOP("Confirm emissions for the state"),
            QT_TR_NOOP("File entry (HS-7, 3520-1, 7501)"),
            QT_TR_NOOP("Hand over truck and packet"),
            QT_TR_NOOP("Nothing: complete"),
            QT_TR_NOOP("Record papers and photos"),
            QT_TR_NOOP("Title and register"),
            # dashboard
            QT_TR_NOOP("At port, awaiting release"),
            QT_TR_NOOP("At sea"),
            QT_TR_NOOP("Blocked"),
            QT_TR_NOOP("Eligible within 90 days"),
            QT_TR_NOOP("Overdue steps"),
            # document kinds
            QT_TR_NOOP("Auction or exporter invoice"),
            QT_TR_NOOP("Bill of lading"),
            QT_TR_NOOP("Bill of sale"),
            QT_TR_NOOP("CBP Form 3461 entry / immediate delivery"),
            QT_TR_NOOP("CBP Form 7501 entry summary"),
            QT_TR_NOOP("Customer's ID"),
            QT_TR_NOOP("EPA Form 3520-1 declaration"),
            QT_TR_NOOP("Export certificate translation"),
            QT_TR_NOOP("Insurance"),
            QT_TR_NOOP("Japanese export certificate (輸出予定届出証明書)"),
            QT_TR_NOOP("Lien release"),
            QT_TR_NOOP("NHTSA HS-7 declaration"),
            QT_TR_NOOP("Other paper"),
            QT_TR_NOOP("Photo of the truck"),
            QT_TR_NOOP("State safety or emissions inspection"),
            QT_TR_NOOP("US title"),
            # packet kinds (the packets themselves stay in English)
            QT_TR_NOOP("Customer handover packet"),
            QT_TR_NOOP("Customs broker packet"),
            QT_TR_NOOP("DMV title and registration packet"),
            # registration paths
            QT_TR_NOOP("No road registration"),
            QT_TR_NOOP("Off-road, farm or antique only"),
            QT_TR_NOOP("Restricted kei / mini-truck registration"),
            QT_TR_NOOP("Standard title and registration"),
            QT_TR_NOOP("Under review"),
            QT_TR_NOOP("Unknown (no data)"),
            # confidence
            QT_TR_NOOP("primary source"),
            QT_TR_NOOP("secondary source"),
            QT_TR_NOOP("unverified"),
            # field labels
            QT_TR_NOOP("Address"),
            QT_TR_NOOP("Body"),
            QT_TR_NOOP("Built"),
            QT_TR_NOOP("Case"),
            QT_TR_NOOP("Chassis number"),
            QT_TR_NOOP("Colour"),
            QT_TR_NOOP("Customer"),
            QT_TR_NOOP("Customs value (USD)"),
            QT_TR_NOOP("Destination state"),
            QT_TR_NOOP("Drive"),
            QT_TR_NOOP("Duty paid (USD)"),
            QT_TR_NOOP("ETA"),
            QT_TR_NOOP("ETD"),
            QT_TR_NOOP("Email"),
            QT_TR_NOOP("Engine"),
            QT_TR_NOOP("Engine cc"),
            QT_TR_NOOP("Entry number"),
            QT_TR_NOOP("FMVSS eligible"),
            QT_TR_NOOP("First registered"),
            QT_TR_NOOP("Freight (USD)"),
            QT_TR_NOOP("Height mm"),
            QT_TR_NOOP("Length mm"),
            QT_TR_NOOP("Make"),
            QT_TR_NOOP("Model"),
            QT_TR_NOOP("Notes"),
            QT_TR_NOOP("Odometer"),
            QT_TR_NOOP("Payment terms"),
            QT_TR_NOOP("Phone"),
            QT_TR_NOOP("Planned registration"),
            QT_TR_NOOP("Port of entry"),
            QT_TR_NOOP("Port of loading"),
            QT_TR_NOOP("Purchase price (JPY)"),
            QT_TR_NOOP("Release date"),
            QT_TR_NOOP("Sale date"),
            QT_TR_NOOP("Sale price (USD)"),
            QT_TR_NOOP("Stage"),
            QT_TR_NOOP("Vessel"),
            QT_TR_NOOP("Width mm"),
            # field hints
            QT_TR_NOOP("$1,450.00"),
            QT_TR_NOOP("$3,200.00"),
            QT_TR_NOOP("$6,500.00"),
            QT_TR_NOOP("1999-03, H11.3, 平成11年3月"),
            QT_TR_NOOP("2WD or 4WD"),
            QT_TR_NOOP("48,200 km or 30,000 mi"),
            QT_TR_NOOP("TX"),
            QT_TR_NOOP("YYYY-MM-DD"),
            QT_TR_NOOP("YYYY-MM-DD: the state rule in force on this day applies (else today's)"),
            QT_TR_NOOP("e.g. 657"),
            QT_TR_NOOP("e.g. DA52T-123456"),
            QT_TR_NOOP("e.g. F6A"),
            QT_TR_NOOP("e.g. paid in full by wire on delivery"),
            QT_TR_NOOP("truck or van"),
            QT_TR_NOOP("¥450,000"),
            QT_TR_NOOP("初度登録年月"),
            # import fields
            QT_TR_NOOP("Built (date of manufacture)"),
            QT_TR_NOOP("Customer e-mail"),
            QT_TR_NOOP("Customer phone"),
            # import outcomes
            QT_TR_NOOP("created"),
            QT_TR_NOOP("failed"),
            QT_TR_NOOP("merged"),
            QT_TR_NOOP("not imported"),
            QT_TR_NOOP("set aside"),
            QT_TR_NOOP("skipped"),
            QT_TR_NOOP("unchanged"),
            # step statuses
            QT_TR_NOOP("blocked"),
            QT_TR_NOOP("done"),
            QT_TR_NOOP("in progress"),
            QT_TR_NOOP("n/a"),
            QT_TR_NOOP("to do"),
            # history
            QT_TR_NOOP("case"),
            QT_TR_NOOP("customer"),
            QT_TR_NOOP("document"),
            QT_TR_NOOP("vehicle"),
            QT_TR_NOOP("workflow step"),
            # table headers
            QT_TR_NOOP("Added"),
            QT_TR_NOOP("As of"),
            QT_TR_NOOP("Code"),
            QT_TR_NOOP("Confidence"),
            QT_TR_NOOP("File"),
            QT_TR_NOOP("Interstate"),
            QT_TR_NOOP("Kind"),
            QT_TR_NOOP("Max mph"),
            QT_TR_NOOP("New"),
            QT_TR_NOOP("Old"),
            QT_TR_NOOP("Production"),
            QT_TR_NOOP("Registration path"),
            QT_TR_NOOP("Removed"),
            QT_TR_NOOP("Source"),
            QT_TR_NOOP("State"),
            QT_TR_NOOP("Step"),
            QT_TR_NOOP("Title"),
            QT_TR_NOOP("What"),
            QT_TR_NOOP("When"),
            QT_TR_NOOP("Who"),
            # file filters
            QT_TR_NOOP("CSV (*.csv);;Excel workbook (*.xlsx)"),
            QT_TR_NOOP("Spreadsheets (*.csv *.xlsx *.txt *.tsv)"),
            QT_TR_NOOP("keidesk backup (*.keidesk-backup)"),
            QT_TR_NOOP(
                "keidesk backups (*.keidesk-backup backup.json *.sqlite3 *.sqlite *.db);;"
                "All files (*)"
            ),
            QT_TR_NOOP("keidesk case bundles (*.zip);;All files (*)"),
            QT_TR_NOOP("keidesk databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
            # bundle choices
            QT_TR_NOOP("Keep both"),
            QT_TR_NOOP("Keep mine"),
            QT_TR_NOOP("Take theirs"),
            # backup kinds
            QT_TR_NOOP("before-restore"),
            QT_TR_NOOP("close"),
            QT_TR_NOOP("daily"),
            QT_TR_NOOP("manual"),
            # eligibility rules
            QT_TR_NOOP("EPA 21-year exemption (code E)"),
            QT_TR_NOOP("NHTSA 25-year exemption (FMVSS)"),
            QT_TR_NOOP("Section 232 tariff exception"),
            # eligibility basis
            QT_TR_NOOP("first registration"),
            QT_TR_NOOP("manufacture"),
            # chassis bodies
            QT_TR_NOOP("dumper"),
            QT_TR_NOOP("truck"),
            QT_TR_NOOP("van"),
            # words inside the core's sentences (keidesk.domain.messages.word)
            QT_TR_NOOP("January"),
            QT_TR_NOOP("February"),
            QT_TR_NOOP("March"),
            QT_TR_NOOP("April"),
            QT_TR_NOOP("May"),
            QT_TR_NOOP("June"),
            QT_TR_NOOP("July"),
            QT_TR_NOOP("August"),
            QT_TR_NOOP("September"),
            QT_TR_NOOP("October"),
            QT_TR_NOOP("November"),
            QT_TR_NOOP("December"),
            QT_TR_NOOP("1976 kei standard"),
            QT_TR_NOOP("1990 kei standard"),
            QT_TR_NOOP("1998 kei standard (新規格)"),
            QT_TR_NOOP("Height"),
            QT_TR_NOOP("Length"),
            QT_TR_NOOP("Width"),
            QT_TR_NOOP("engine"),
            QT_TR_NOOP("height"),
            QT_TR_NOOP("length"),
            QT_TR_NOOP("width"),
        ),
    )
)
