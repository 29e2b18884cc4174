"""What the facilitator captures in a session: notes, asks and offers, actions, introductions, the
plenary and the bank's use.
"""
