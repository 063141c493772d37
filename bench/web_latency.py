"""Web latency benchmark: the manager's and the review pages over 50,000 referrals.

Usage: python -m bench.web_latency [--referrals N] [--requests N] [--reuse] [--out FILE]

Builds a throwaway PostgreSQL database (`lado_bench` on the server of LADO_TEST_POSTGRES,
default postgresql://root@127.0.0.1:5432/test), migrates it and bulk-loads synthetic
referrals spread over three years, with case records and allegation type rows (COPY). It
then serves the real app with uvicorn in a child process and, signed in as a manager over
HTTP with httpx, times each page after a warm-up: the dashboard and the annual-report tables
(default period, the last twelve months) and the review queue. Writes p50/p95/max per page.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import socket
import statistics
import tempfile
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import psycopg
import uvicorn
from sqlalchemy import delete

from config import DEFAULT_CONFIG_DIR
from ingest_service.cases.reporting_config import CaseReporting, load_case_reporting
from ingest_service.cases.timeliness import days_to_close, timeliness_band
from ingest_service.service import Service
from ingest_service.settings import Settings
from ingest_service.store.database import unit_of_work
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import User, UserRole
from ingest_service.web.app import create_app
from ingest_service.web.auth.service import create_user

RESULTS = Path(__file__).resolve().parent / "results" / "web_latency.json"
ADMIN_DSN = os.environ.get("LADO_TEST_POSTGRES", "postgresql://root@127.0.0.1:5432/test")
DATABASE = "lado_bench"
PAGES = ("/dashboard", "/reports/annual", "/referrals")
WARM_UP = 5
TARGET_P95_MS = 300
USERNAME, PASSWORD = "bench-manager", "a long synthetic bench password"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')

CONTACT_TYPES = (
    ("allegation", 35),
    ("consultation", 45),
    ("information_only", 15),
    ("not_for_lado", 5),
)
SECTORS = (
    "education",
    "early_years",
    "fostering_la",
    "fostering_ifa",
    "residential_care",
    "social_care",
    "health",
    "police",
    "transport",
    "sport_leisure",
    "faith",
    "voluntary_youth",
    "other",
)
TYPES = (
    "physical",
    "physical_intervention",
    "sexual",
    "emotional",
    "neglect",
    "inappropriate_conduct",
    "online_safety",
    "personal_life",
    "risk_by_association",
)
OUTCOMES = ("substantiated", "unsubstantiated", "unfounded", "false", "malicious")
STATUSES = ("ready_for_triage", "awaiting_information", "needs_review")
REFERRAL_COLUMNS = (
    "id",
    "reference",
    "status",
    "fields",
    "field_provenance",
    "missing_fields",
    "missing_sections",
    "classification",
    "review_reasons",
    "received_at",
    "created_at",
    "updated_at",
    "closed_at",
    "origin",
    "sector",
    "role_category",
    "district",
    "referral_source",
    "any_child_send",
    "any_child_in_care",
    "contact_type",
    "outcome",
    "regulator_referrals",
    "timeliness",
    "days_to_close",
)


def database_url() -> str:
    """The bench database on the admin DSN's server."""
    return f"{ADMIN_DSN.rsplit('/', 1)[0]}/{DATABASE}"


def recreate_database() -> None:
    """Drop and create the bench database."""
    with psycopg.connect(ADMIN_DSN, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')


def synthetic_referrals(
    count: int, now: datetime, reporting: CaseReporting, seed: int = 0
) -> Iterator[tuple[tuple[object, ...], list[str]]]:
    """Referral rows (in REFERRAL_COLUMNS order) and their allegation types, over 3 years;
    roles, districts and referral sources are the ids configured for case reporting."""
    rng = random.Random(seed)
    roles = [entry.id for entry in reporting.role_categories.entries]
    districts = [entry.id for entry in reporting.districts.entries]
    sources = [entry.id for entry in reporting.referral_sources.entries]
    span = timedelta(days=3 * 365).total_seconds()
    received = sorted(now - timedelta(seconds=rng.random() * span) for _ in range(count))
    weights = [w for _, w in CONTACT_TYPES]
    for number, at in enumerate(received, start=1):
        contact = rng.choices([c for c, _ in CONTACT_TYPES], weights)[0]
        types = rng.sample(TYPES, rng.choice((1, 1, 2))) if contact != "not_for_lado" else []
        sector = rng.choice(SECTORS)
        closed = at + timedelta(days=rng.randint(2, 400))
        is_closed = closed < now and rng.random() < 0.95
        closed_at = closed if is_closed else None
        band = timeliness_band(at.date(), closed.date()).value if is_closed else None
        days = days_to_close(at.date(), closed.date()) if is_closed else None
        classification = {
            "allegation_types": types,
            "sector": sector,
            "needs_review": rng.random() < 0.1,
        }
        row = (
            number,
            f"BENCH-{at.year}-{number:06d}",
            rng.choice(STATUSES),
            "{}",
            "{}",
            "[]",
            json.dumps(["children"] if rng.random() < 0.1 else []),
            json.dumps(classification),
            "[]",
            at,
            at,
            at,
            closed_at,
            rng.choice(("email", "email", "import")),
            sector,
            rng.choice(roles),
            rng.choice(districts),
            rng.choice(sources),
            rng.choice((True, False, None)),
            rng.choice((True, False, False, None)),
            contact,
            rng.choice(OUTCOMES) if contact == "allegation" and is_closed else None,
            "[]",
            band,
            days,
        )
        yield row, types


def load_referrals(url: str, count: int) -> None:
    """Bulk-load the synthetic referrals and their type rows with COPY."""
    now = datetime.now(UTC)
    reporting = load_case_reporting(DEFAULT_CONFIG_DIR)
    with psycopg.connect(url) as connection, connection.cursor() as cursor:
        columns = ", ".join(REFERRAL_COLUMNS)
        type_rows: list[tuple[int, str]] = []
        with cursor.copy(f"COPY referrals ({columns}) FROM STDIN") as copy:
            for row, types in synthetic_referrals(count, now, reporting):
                copy.write_row(row)
                type_rows.extend((int(str(row[0])), t) for t in types)
        with cursor.copy(
            "COPY referral_allegation_types (referral_id, allegation_type) FROM STDIN"
        ) as copy:
            for type_row in type_rows:
                copy.write_row(type_row)
        cursor.execute("SELECT setval(pg_get_serial_sequence('referrals', 'id'), %s)", (count,))
    # The steady state of a table this old: autovacuum has set its visibility map.
    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE referrals")
        connection.execute("VACUUM ANALYZE referral_allegation_types")


def referral_count(url: str) -> int:
    """How many referrals the bench database holds (0 if it has no store)."""
    try:
        with psycopg.connect(url) as connection:
            row = connection.execute("SELECT count(*) FROM referrals").fetchone()
    except psycopg.Error:
        return 0
    return int(row[0]) if row else 0


def bench_settings(url: str, data_dir: Path, port: int) -> Settings:
    """Settings for the served app: plain HTTP on localhost."""
    return Settings(data_dir=data_dir, database_url=url, web_cookie_secure=False, web_port=port)


def serve(settings: Settings) -> None:
    """Run the real app under uvicorn (in the child process)."""
    config = uvicorn.Config(
        create_app(Service.from_settings(settings)),
        host="127.0.0.1",
        port=settings.web_port,
        log_level="warning",
        access_log=False,
    )
    uvicorn.Server(config).run()


def free_port() -> int:
    """A port nobody listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def signed_in_client(base: str) -> httpx.Client:
    """A client signed in as the bench manager, once the server answers."""
    client = httpx.Client(base_url=base, timeout=60)
    for _ in range(1200):
        try:
            client.get("/health")
            break
        except httpx.TransportError:
            time.sleep(0.1)
    form = client.get("/sign-in").text
    match = CSRF.search(form)
    assert match, "no CSRF token on the sign-in page"
    response = client.post(
        "/sign-in", data={"username": USERNAME, "password": PASSWORD, "csrf_token": match[1]}
    )
    assert response.status_code in (200, 303), response.status_code
    return client


def percentile(values: list[float], share: float) -> float:
    """The nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, round(share * len(ordered) + 0.5) - 1)]


def time_page(client: httpx.Client, path: str, requests: int) -> dict[str, float | int]:
    """p50/p95/max in milliseconds over `requests` GETs after a warm-up."""
    for _ in range(WARM_UP):
        assert client.get(path).status_code == 200, path
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        response = client.get(path)
        timings.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return {
        "requests": requests,
        "p50_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "max_ms": round(max(timings), 1),
        "bytes": len(response.content),
    }


def main() -> None:
    """Build or reuse the bench database, time the pages, write the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--referrals", type=int, default=50_000)
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--reuse", action="store_true", help="keep a loaded bench database")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    url = database_url()
    load_seconds = None
    if not (args.reuse and referral_count(url) == args.referrals):
        started = time.perf_counter()
        recreate_database()
        upgrade(url)
        load_referrals(url, args.referrals)
        load_seconds = round(time.perf_counter() - started, 1)
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as data:
        settings = bench_settings(url, Path(data), free_port())
        service = Service.from_settings(settings)
        with unit_of_work(service.sessions) as session:
            session.execute(delete(User).where(User.username == USERNAME))
            create_user(session, USERNAME, PASSWORD, UserRole.MANAGER, "bench")
        service.engine.dispose()
        server = multiprocessing.get_context("spawn").Process(target=serve, args=(settings,))
        server.start()
        try:
            client = signed_in_client(f"http://127.0.0.1:{settings.web_port}")
            pages = {path: time_page(client, path, args.requests) for path in PAGES}
            client.close()
        finally:
            server.terminate()
            server.join()
    results = {
        "database": "postgresql",
        "referrals": referral_count(url),
        "client": "httpx over HTTP to uvicorn (one worker, child process), signed in as manager",
        "period": "default: the last twelve months",
        "load_seconds": load_seconds,
        "target_p95_ms": TARGET_P95_MS,
        "pages": pages,
        "all_under_target": all(p["p95_ms"] < TARGET_P95_MS for p in pages.values()),
        "cpu_count": os.cpu_count(),
        "load_average_1min": {
            "before": round(load_before, 2),
            "after": round(os.getloadavg()[0], 2),
        },
    }
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
