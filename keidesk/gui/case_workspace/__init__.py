"""One open case as a tab: its fields, workflow, documents and history, and the new-case
dialog that creates one."""
