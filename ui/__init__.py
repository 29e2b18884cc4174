"""Balcony's Qt front end: each folder is one window or panel, mirroring a feature folder of the
domain.
"""
