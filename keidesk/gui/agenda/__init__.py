"""The agenda: what needs doing today and in the next days, its dashboard panel, the desktop
reminder and the calendar file."""
