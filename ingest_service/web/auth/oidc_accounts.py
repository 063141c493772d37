"""Accounts of people who sign in with OpenID: one users row per provider subject.

The row keeps a digest of issuer and subject (indexed, unique) and a password hash that no
password can match, so these accounts sign in through the provider only. The username is
the sign-in name (e.g. jane.doe@council.gov.uk), kept up to date, so the audit log and the
pages name people as they do for local accounts; local usernames cannot hold "@" or ":", so
the two never clash. The role comes from the token at every sign-in. Knows nothing of HTTP.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from ingest_service.store import audit
from ingest_service.store.models import User, UserRole
from ingest_service.web.auth.models import SignedInUser
from ingest_service.web.auth.oidc_tokens import Identity

NO_PASSWORD = "!oidc"  # "!" is never the start of an argon2 hash
FALLBACK_NAME_PREFIX = "oidc:"
MAX_USERNAME_LENGTH = 64
SYSTEM_OIDC = "system:oidc"


class NoMappedRole(Exception):
    """The token carries none of the app roles mapped to ours."""


class UsernameTaken(Exception):
    """Another subject's account already has this sign-in name."""


def subject_digest(identity: Identity) -> str:
    """A stable id for the person at this issuer, holding neither value."""
    return hashlib.sha256(f"{identity.issuer}\n{identity.subject}".encode()).hexdigest()


def username_for(identity: Identity) -> str:
    """The sign-in name if it is an address that fits, else a name made from the subject."""
    name = identity.username
    if name and "@" in name and len(name) <= MAX_USERNAME_LENGTH:
        return name
    return FALLBACK_NAME_PREFIX + subject_digest(identity)[:32]


def mapped_role(roles: tuple[str, ...], role_map: Mapping[str, UserRole]) -> UserRole | None:
    """Our role for the first entry of the mapping that the token's roles hold."""
    return next((role for claim, role in role_map.items() if claim in roles), None)


def sign_in_with_oidc(
    session: Session, identity: Identity, role_map: Mapping[str, UserRole]
) -> SignedInUser:
    """Create or update the subject's account with the mapped role; the sign-in is audited."""
    role = mapped_role(identity.roles, role_map)
    if role is None:
        raise NoMappedRole
    subject = subject_digest(identity)
    username = username_for(identity)
    user = session.scalar(select(User).where(User.oidc_subject == subject))
    holder = session.scalar(select(User).where(User.username == username))
    if holder is not None and holder is not user:
        raise UsernameTaken
    if user is None:
        user = User(username=username, password_hash=NO_PASSWORD, role=role, oidc_subject=subject)
        session.add(user)
        session.flush()
        detail = {"role": role.value, "via": "oidc"}
        audit.record(session, SYSTEM_OIDC, "user_created", "user", user.id, detail)
    elif user.role != role or user.username != username:
        detail = {"role": role.value, "previous_role": user.role.value}
        user.role, user.username = role, username
        audit.record(session, SYSTEM_OIDC, "user_updated", "user", user.id, detail)
    signed_in = SignedInUser.of(user)
    audit.record(session, signed_in.actor, "signed_in", "user", user.id, {"via": "oidc"})
    return signed_in
