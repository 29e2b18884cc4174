"""What is to be done after each day and review: the due list docked on the home window
(due_panel.py) and the scheme window's Follow-up tab (follow_up_tab.py)."""
