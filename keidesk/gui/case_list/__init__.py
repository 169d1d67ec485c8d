"""The "Cases" tab: the case list with its model and the dashboard beside it."""
