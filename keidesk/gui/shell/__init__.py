"""What starts and frames the app: the main window, the desk that composes the feature folders
in it, the controller that opens the database, and recovery when it cannot be opened."""
