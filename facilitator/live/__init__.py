"""Running the day: the conductor that steps through stages, the stage timer, questioning turns,
guidance and disguised suggestions.
"""
