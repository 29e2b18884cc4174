"""The follow-up after days and reviews: actions, agreed support, review reports' follow-up."""
