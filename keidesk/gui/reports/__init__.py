"""The Reports dialog: choose a report, its period and PDF or XLSX, and write it."""
