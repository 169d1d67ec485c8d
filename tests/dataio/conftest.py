"""These tests run on SQLite and on PostgreSQL (tests/engines.py)."""

from tests.engines import database_target, pytest_generate_tests

__all__ = ["database_target", "pytest_generate_tests"]
