"""Qt pieces every window shares: where the data file lives, printing on A4, undo commands and an
HTML list delegate.
"""
