"""Importing a cycle's schedule from CSV: reading cells and rows, and checking the schedule as a
whole.
"""
