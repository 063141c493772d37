"""Serving the web app with uvicorn in this thread while the scheduler runs beside it."""

from __future__ import annotations

import uvicorn

from ingest_service.scheduler import build_background_scheduler
from ingest_service.service import Service
from ingest_service.web.app import create_app


def web_address(service: Service) -> str:
    """Where the web app answers."""
    return f"http://{service.settings.web_host}:{service.settings.web_port}/"


def web_server(service: Service) -> uvicorn.Server:
    """The web app under uvicorn, at the configured address."""
    settings = service.settings
    return uvicorn.Server(
        uvicorn.Config(
            create_app(service),
            host=settings.web_host,
            port=settings.web_port,
            log_config=None,  # the root logging set up by the command line
            access_log=False,  # request paths can name referrals: kept out of the logs
            server_header=False,
        )
    )


def serve_with_scheduler(service: Service) -> None:
    """Run the scheduler in the background and serve until Ctrl+C or SIGTERM, then stop both."""
    server = web_server(service)
    scheduler = build_background_scheduler(service)
    scheduler.start()
    try:
        server.run()
    finally:
        scheduler.shutdown(wait=True)
