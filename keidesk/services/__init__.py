"""Use cases shared by the CLI and the GUI.

Every function takes the caller's :class:`~sqlalchemy.orm.Session` (one per user action, see
``Database.transaction``) and returns plain data from ``services.views`` rather than live ORM
objects, so results can cross threads and outlive the session.
"""
