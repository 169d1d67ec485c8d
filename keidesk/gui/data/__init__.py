"""Data in and out: spreadsheet import, case bundles, backups and the backup reminder."""
