"""Planning one day in the app: details, authorities and lead reviewers, the agenda, fitting it,
and printing it.
"""
