"""The Records window: each Word record's status and versions, exporting, printing and record
settings.
"""
