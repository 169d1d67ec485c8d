"""Data in and out, and nothing lost: spreadsheet import and export, backups and restore,
integrity checks and case bundles. Qt-free; the CLI and the GUI both call it.
"""
