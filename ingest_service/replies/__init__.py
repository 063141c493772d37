"""Automatic replies: templates, the loop guard, the outbox and its sender."""
