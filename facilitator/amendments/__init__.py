"""A director's returned Word copy: reading it, comparing it with the version sent, and taking its
changes in.
"""
