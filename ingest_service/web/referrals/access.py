"""Who may record the case: the LADO and managers, not contact officers."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends

from ingest_service.store.models import UserRole
from ingest_service.web.auth.dependencies import require_roles
from ingest_service.web.auth.models import SignedInUser

CASE_LEAD_ROLES = frozenset({UserRole.LADO, UserRole.MANAGER})

CaseLead = Annotated[SignedInUser, Depends(require_roles(*CASE_LEAD_ROLES))]


def may_lead_cases(user: SignedInUser) -> bool:
    """Whether the user may record meetings, outcomes and closure."""
    return user.role in CASE_LEAD_ROLES
