"""The data file: the one owner of database sessions, the stored tables, migrations, small settings
and safe file writing.
"""
