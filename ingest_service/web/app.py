"""Assembling the web app for a service: middleware, error pages, static files and routes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.middleware.sessions import SessionMiddleware

from ingest_service.service import Service
from ingest_service.web import home
from ingest_service.web.auth import views as auth_views
from ingest_service.web.auth.dependencies import AnyUser
from ingest_service.web.auth.throttle import LoginThrottle
from ingest_service.web.dashboard import views as dashboard_views
from ingest_service.web.errors import add_error_handlers
from ingest_service.web.headers import security_headers
from ingest_service.web.health import views as health_views
from ingest_service.web.referrals import api as referrals_api
from ingest_service.web.referrals import views as referral_views
from ingest_service.web.reports import views as report_views
from ingest_service.web.secret import session_secret

STATIC_DIR = Path(__file__).resolve().parent / "static"
SESSION_COOKIE = "lado_session"
SESSION_SECONDS = 8 * 60 * 60
ROUTERS = (
    auth_views.router,
    home.router,
    referral_views.router,
    referrals_api.router,
    dashboard_views.router,
    report_views.router,
    health_views.router,
)


def create_app(service: Service, throttle: LoginThrottle | None = None) -> FastAPI:
    """The app for this service; every route but /health, /sign-in and /static needs a role."""
    app = FastAPI(
        title="lado-intake",
        summary="Referrals filed from a LADO mailbox, for case-management systems.",
        docs_url=None,  # the interactive docs load from a CDN; the description is enough
        redoc_url=None,
        openapi_url=None,
    )
    app.state.service = service
    app.state.throttle = throttle or LoginThrottle(service.sessions)
    app.middleware("http")(security_headers)
    app.add_middleware(
        SessionMiddleware,
        secret_key=session_secret(service.settings),
        session_cookie=SESSION_COOKIE,
        max_age=SESSION_SECONDS,
        same_site="lax",
        https_only=service.settings.web_cookie_secure,
    )
    add_error_handlers(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for router in ROUTERS:
        app.include_router(router)

    @app.get("/api/openapi.json", include_in_schema=False)
    def openapi(user: AnyUser) -> dict[str, Any]:
        """The API's OpenAPI description, for signed-in users."""
        return app.openapi()

    return app
