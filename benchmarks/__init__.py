"""Balcony's benchmarks: speed and memory against floors measured in the same run.

`.venv/bin/python -m benchmarks` (or `bash scripts/bench`) runs them all and writes
benchmarks/results/latest.md; see benchmarks/__main__.py.
"""
