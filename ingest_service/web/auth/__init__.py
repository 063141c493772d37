"""Local accounts, sessions, roles, CSRF tokens and sign-in throttling."""
