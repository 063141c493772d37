"""GET /health: the service's health as JSON, no sign-in, no personal data or host details."""

from __future__ import annotations

import logging

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from sqlalchemy.exc import SQLAlchemyError

from ingest_service.health import health_report
from ingest_service.safe_logging import log_failure
from ingest_service.web.auth.dependencies import ServiceDep

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])


@router.get(
    "/health",
    responses={
        200: {"description": "Healthy: counts and each job's last run"},
        503: {"description": "A job or message is failing, or the store cannot be read"},
    },
)
def health(service: ServiceDep) -> JSONResponse:
    """Counts of referrals, waiting and failing messages, replies, and each job's state."""
    try:
        with service.sessions() as session:
            report = health_report(session)
    except SQLAlchemyError as exc:
        log_failure(log, "health check", exc)
        return JSONResponse({"healthy": False, "error": "the store cannot be read"}, 503)
    return JSONResponse(report.to_public_json(), status_code=200 if report.healthy else 503)
