"""Commands that work on the records store: db, ingest, poll, run, records, demo, status."""

from __future__ import annotations

import contextlib
import getpass
import json
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import TextIO

from ingest_service.cli.documents_commands import expand_paths
from ingest_service.demo import seed_demo_history, seed_demo_mailbox
from ingest_service.health import health_report
from ingest_service.intake.ledger import record_fetched
from ingest_service.job_guard import RunOutcome
from ingest_service.mailbox.base import FetchedMessage
from ingest_service.mailbox.factory import maildir_root
from ingest_service.records import referral_record, referral_summaries
from ingest_service.replies.approval import approve_reply, replies_awaiting_approval
from ingest_service.reports.period import local_today
from ingest_service.scheduler import build_scheduler, guarded_jobs, holding_leases, run_job
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.documents import sha256_hex
from ingest_service.store.migrate import upgrade
from ingest_service.store.models import Message, utcnow
from ingest_service.store.schema_check import require_current_schema
from ingest_service.web.server import serve_with_scheduler, web_address, web_server

FILE_MAILBOX = "file:ingest"
CONTENT_TYPES = {
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".pdf": "application/pdf",
}


def cli_actor() -> str:
    """Who is using the command line, for the audit log."""
    return f"cli:{getpass.getuser()}"


def run_db_upgrade(service: Service, out: TextIO) -> int:
    """Apply the migrations."""
    upgrade(service.settings.database_url)
    out.write("database is up to date\n")
    return 0


def as_email(path: Path) -> bytes:
    """The file as an email: .eml as it is; a form document wrapped as an attachment."""
    data = path.read_bytes()
    if path.suffix.lower() == ".eml":
        return data
    message = EmailMessage()
    message["Subject"] = f"Document ingested from {path.name}"
    message["Date"] = format_datetime(utcnow())
    message["Message-ID"] = make_msgid(domain="ingest.lado-intake.invalid")
    message.set_content("Filed from the command line.")
    maintype, subtype = CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream").split(
        "/"
    )
    message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name)
    return message.as_bytes()


def run_ingest(service: Service, paths: list[Path], out: TextIO) -> int:
    """File each .eml, .docx or .pdf; the same file twice files one referral."""
    require_current_schema(service.engine)
    for path in expand_paths(paths):
        raw = as_email(path)
        key = sha256_hex(path.read_bytes())
        fetched = FetchedMessage(key=key, raw=raw, received_at=utcnow())
        entry = record_fetched(service.sessions, service.documents, FILE_MAILBOX, fetched)
        service.pipeline.process(entry.message_id)
        with service.sessions() as session:
            message = session.get(Message, entry.message_id)
            assert message is not None
            referral = message.referral
            outcome = (
                f"{referral.reference} {referral.status.value}"
                if referral
                else f"not filed yet ({message.error or 'will retry'})"
            )
        out.write(f"{path.name}: {outcome}\n")
    return 0


def run_poll_once(service: Service, out: TextIO) -> int:
    """Process what is new in the mailbox, then send queued replies."""
    require_current_schema(service.engine)
    jobs = guarded_jobs(service)
    failed = False
    with holding_leases([job_guard for job_guard, _ in jobs]):
        for job_guard, work in jobs:
            run = run_job(job_guard, work)
            job = job_guard.name.split(":", 1)[0]
            out.write(f"{job}: {run.detail or run.outcome.value}\n")
            failed = failed or run.outcome is not RunOutcome.SUCCEEDED
    if failed:
        return 1
    return 0


def run_service(service: Service, out: TextIO) -> int:
    """Run the scheduler and the web app, or either alone, until interrupted."""
    settings = service.settings
    if not (settings.scheduler_enabled or settings.web_enabled):
        raise ValueError("LADO_SCHEDULER_ENABLED and LADO_WEB_ENABLED are both false")
    require_current_schema(service.engine)
    if settings.scheduler_enabled:
        _ = service.classifier  # load once, before the first poll
        out.write(
            f"lado-intake running: polling {service.mailbox[0].identity} every "
            f"{settings.poll_interval_seconds}s (Ctrl+C stops)\n"
        )
    if settings.web_enabled:
        out.write(
            f"web app at {web_address(service)} "
            "(accounts: lado-intake users create NAME --role ROLE)\n"
        )
    out.flush()
    if not settings.scheduler_enabled:
        with contextlib.suppress(KeyboardInterrupt, SystemExit):
            web_server(service).run()
        return 0
    guards = [job_guard for job_guard, _ in guarded_jobs(service)]
    with holding_leases(guards), contextlib.suppress(KeyboardInterrupt, SystemExit):
        if settings.web_enabled:
            serve_with_scheduler(service)
        else:
            build_scheduler(service).start()
    return 0


def run_records_list(service: Service, as_json: bool, out: TextIO) -> int:
    """List referrals, newest first."""
    require_current_schema(service.engine)
    with service.sessions() as session:
        rows = referral_summaries(session)
    if as_json:
        out.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    if not rows:
        out.write("no referrals filed yet\n")
    for row in rows:
        types = ",".join(row["allegation_types"]) or "-"
        missing = ",".join(row["missing_sections"]) or "-"
        out.write(
            f"{row['reference']}  {row['status']:<21} {row['received_at'][:10]}  "
            f"sector={row['sector'] or '-'}  types={types}  missing={missing}\n"
        )
    return 0


def run_records_show(service: Service, reference: str, as_json: bool, out: TextIO) -> int:
    """Show one referral in full; the view is audited."""
    require_current_schema(service.engine)
    with unit_of_work(service.sessions) as session:
        record = referral_record(session, reference, cli_actor())
    if as_json:
        out.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
        return 0
    out.write(f"{record['reference']}  {record['status']}\n")
    for key, value in record["fields"].items():
        out.write(f"  {key}: {value}\n")
    out.write(f"missing: {', '.join(record['missing_fields']) or 'nothing'}\n")
    for reply in record["replies"]:
        out.write(f'reply: {reply["kind"]} {reply["status"]} "{reply["subject"]}"\n')
    return 0


def run_replies_list(service: Service, out: TextIO) -> int:
    """Replies held for approval."""
    require_current_schema(service.engine)
    with service.sessions() as session:
        held = replies_awaiting_approval(session)
    if not held:
        out.write("no replies awaiting approval\n")
    for outbox, reference in held:
        out.write(f"{outbox.id}  {reference}  {outbox.kind.value}  to {outbox.to_address}\n")
    return 0


def run_replies_approve(service: Service, outbox_ids: list[int], out: TextIO) -> int:
    """Release held replies to the send job, audited as the command-line user."""
    require_current_schema(service.engine)
    with unit_of_work(service.sessions) as session:
        for outbox_id in outbox_ids:
            approve_reply(session, outbox_id, cli_actor())
    out.write(f"approved {len(outbox_ids)} repl{'y' if len(outbox_ids) == 1 else 'ies'}\n")
    return 0


def run_demo(service: Service, count: int, force: bool, out: TextIO, history: bool = False) -> int:
    """Seed the demo Maildir with synthetic referrals (once, unless forced), and optionally
    import last year's synthetic tracker so the dashboard and reports have history."""
    root = maildir_root(service.settings.mailbox_url)
    delivered = seed_demo_mailbox(root, count, force=force)
    out.write(
        f"delivered {delivered} demo referrals to {root}\n"
        if delivered
        else f"demo mailbox {root} was already seeded (use --force to add more)\n"
    )
    if history:
        require_current_schema(service.engine)
        last_year = local_today().year - 1
        imported = seed_demo_history(service, last_year)
        out.write(
            f"imported {imported} referrals of {last_year} from a synthetic tracker\n"
            if imported
            else "the demo history was already imported\n"
        )
    return 0


def run_status(service: Service, as_json: bool, out: TextIO) -> int:
    """What is waiting or failing and how each job last ran; exits 1 when unhealthy."""
    require_current_schema(service.engine)
    with service.sessions() as session:
        report = health_report(session)
    if as_json:
        out.write(json.dumps(report.to_json(), indent=2) + "\n")
        return 0 if report.healthy else 1
    out.write(
        f"referrals filed: {report.referrals}\n"
        f"messages waiting: {report.messages_waiting} ({report.messages_failing} failing)\n"
        f"replies pending: {report.replies_pending}, "
        f"awaiting approval: {report.replies_awaiting_approval}\n"
    )
    for job in report.jobs:
        state = (
            f"failing x{job.consecutive_failures} ({job.last_error})"
            if job.consecutive_failures
            else f"ok, last {job.last_succeeded_at or 'never'}: {job.last_detail or '-'}"
        )
        out.write(f"job {job.name}: {state}\n")
    return 0 if report.healthy else 1
