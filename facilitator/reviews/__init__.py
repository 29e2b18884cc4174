"""Peer Challenge Team Reviews and Safeguarding Assurance Visits (seeds 000, 001, 003).

Pure domain: the kinds of review and their drafts (kinds.py), dates as schedules write them
(vague_dates.py), reading the regional plan's schedule tables (tables.py), and the rules for
choosing a team from the pool (expertise.py, team_rules.py). No storage, no UI.
"""
