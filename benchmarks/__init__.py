"""Benchmarks: measured at scale on generated data, never asserted in unit tests."""
