"""A director's returned Word copy: comparing it with the version sent, and taking its changes in.

Reading a Word file back is facilitator.records.reading, since every exported version is read
back too.
"""
