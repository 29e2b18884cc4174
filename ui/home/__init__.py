"""The home window: the days in the data file, the selected day at a glance, a new day, and an
unusable data file.
"""
