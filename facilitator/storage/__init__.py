"""The data file: the one owner of database sessions, the stored tables and reading their rows,
migrations, small settings and safe file writing.
"""
