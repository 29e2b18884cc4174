"""The `balcony` command line: opens the app, or does one windowless job without Qt.

`parser` reads the arguments and `main` dispatches them: `window` opens the app (the only module
here that imports `ui`, and only imported for that); `days` (where, days, demo, import-schedule),
`agenda`, `records` (export, cycle-report) and `bank` each do one windowless job.
"""
