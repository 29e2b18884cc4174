"""Planning a day: its details, authorities and teams, who reviews whom, and the agenda with its
templates and fitting.
"""
