"""What marks a data file as Balcony's, and which version of its tables it holds.

Apart from the database module so that a glance at a file (glance.py) can check them without
loading the storage library."""

# Raise with a step in migrations.py whenever a table of an existing file must change.
SCHEMA_VERSION = 8
# "BALC" in ASCII: marks the file as ours, so we never write into someone else's database.
APPLICATION_ID = 0x42414C43
# The files SQLite keeps beside a database while it is open or after a crash.
SIDE_FILE_SUFFIXES = ("-wal", "-shm", "-journal")
