"""Shared Qt infrastructure every part of the GUI builds on: the task runner, the dialog
service, the error reporter, settings, translation, theme and the context passed down."""
