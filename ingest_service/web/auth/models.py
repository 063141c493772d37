"""Who is signed in, as the web app sees them."""

from __future__ import annotations

from dataclasses import dataclass

from ingest_service.store.models import User, UserRole

USERNAME_PATTERN = r"^[a-z0-9][a-z0-9._-]{1,63}$"

CASEWORK_ROLES = frozenset({UserRole.CONTACT_OFFICER, UserRole.LADO, UserRole.MANAGER})
MANAGER_ROLES = frozenset({UserRole.MANAGER})


@dataclass(frozen=True)
class SignedInUser:
    """A signed-in account: enough to check roles and to name the user in the audit log."""

    id: int
    username: str
    role: UserRole
    session_epoch: int

    @property
    def actor(self) -> str:
        """How this user is named in the audit log."""
        return f"user:{self.username}"

    @property
    def may_review(self) -> bool:
        """Whether the user may open the review queue and referrals."""
        return self.role in CASEWORK_ROLES

    @property
    def may_manage(self) -> bool:
        """Whether the user may open the manager's pages."""
        return self.role in MANAGER_ROLES

    @classmethod
    def of(cls, user: User) -> SignedInUser:
        """The signed-in view of a stored account."""
        return cls(
            id=user.id, username=user.username, role=user.role, session_epoch=user.session_epoch
        )
