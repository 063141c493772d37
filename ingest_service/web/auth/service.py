"""Accounts: creating them and checking passwords. Knows nothing of HTTP."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest_service.store import audit
from ingest_service.store.models import User, UserRole
from ingest_service.web.auth.models import USERNAME_PATTERN, SignedInUser
from ingest_service.web.auth.passwords import hash_password, needs_rehash, verify_password

MIN_PASSWORD_LENGTH = 12


class AccountError(ValueError):
    """An account that cannot be created as asked."""


def create_user(
    session: Session, username: str, password: str, role: UserRole, actor: str
) -> SignedInUser:
    """Add a local account (audited); the username must be new and the password long enough."""
    if not re.fullmatch(USERNAME_PATTERN, username):
        raise AccountError(
            "a username is 2 to 64 lower-case letters, digits, dots, hyphens or underscores"
        )
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"a password needs at least {MIN_PASSWORD_LENGTH} characters")
    if session.scalar(select(User.id).where(User.username == username)) is not None:
        raise AccountError(f"user {username} already exists")
    user = User(username=username, password_hash=hash_password(password), role=role)
    session.add(user)
    session.flush()
    audit.record(session, actor, "user_created", "user", user.id, {"role": role.value})
    return SignedInUser.of(user)


def authenticate(session: Session, username: str, password: str) -> SignedInUser | None:
    """The account if the password is right, else None; old hashes are upgraded."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if not verify_password(user.password_hash if user else None, password) or user is None:
        return None
    if needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    return SignedInUser.of(user)


def find_user(session: Session, user_id: int) -> SignedInUser | None:
    """The account with that id, if it still exists."""
    user = session.get(User, user_id)
    return SignedInUser.of(user) if user else None


def sign_in(session: Session, username: str, password: str) -> SignedInUser | None:
    """Check the password; a successful sign-in is audited."""
    user = authenticate(session, username, password)
    if user is not None:
        audit.record(session, user.actor, "signed_in", "user", user.id)
    return user


def sign_out(session: Session, user: SignedInUser) -> None:
    """End every session of the account, copied cookies included (audited)."""
    stored = session.get(User, user.id)
    if stored is not None:
        stored.session_epoch += 1
    audit.record(session, user.actor, "signed_out", "user", user.id)


def end_sessions(session: Session, username: str, actor: str) -> None:
    """End every session of an account, e.g. for a lost laptop or a leaver (audited)."""
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None:
        raise AccountError(f"there is no user {username}")
    user.session_epoch += 1
    audit.record(session, actor, "sessions_ended", "user", user.id)
