"""Benchmarks printed by scripts/bench. Each module here has ``run() -> list[(what, value, unit)]``."""
