"""The `balcony` command line: opens the app, or does one windowless job (days, export, agenda,
bank, schedule) without Qt.
"""
