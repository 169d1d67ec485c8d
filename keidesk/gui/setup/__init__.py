"""Setting keidesk up: the first-run welcome, the importer profile and the preferences."""
