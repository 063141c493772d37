"""Mailboxes the service polls, behind one interface."""
