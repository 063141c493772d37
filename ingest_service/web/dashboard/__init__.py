"""The manager's dashboard."""
