"""Storage: the SQLAlchemy models, migrations and the one way to open a database."""
