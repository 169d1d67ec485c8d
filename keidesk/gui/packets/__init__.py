"""Document packets from the GUI: the preview and print dialog for one case, and a stage's
packets in one run (they load reportlab and QtPdf, so only the shell imports them, lazily)."""
