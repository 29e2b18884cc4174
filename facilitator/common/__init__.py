"""What every part of the domain shares: the injected clock, the tiny observer, and the domain's
words.
"""
