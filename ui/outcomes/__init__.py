"""The console's Outcomes panel: affirmations, asks and offers, actions, the topical invitation,
introductions and the plenary.
"""
