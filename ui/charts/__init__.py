"""The day's charts, drawn with pyqtgraph: on screen (one widget per figure of
facilitator/charts/figures.py) and to PNG for the records (render.py, or png_worker.py in a
child process for the command line, through child.py).

pyqtgraph is imported only by the view modules, never by this package's __init__, render.py
(until it draws), child.py or codec.py: the app and the command line start without it.
"""
