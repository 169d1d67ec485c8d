"""Widgets shared by more than one feature folder (they import only the kit)."""
