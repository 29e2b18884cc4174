"""The facilitator's console for running the day: the running agenda, the stage timer, menus and
keys, re-planning.
"""
