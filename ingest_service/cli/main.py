"""Argument parsing and the one-line error contract of `lado-intake`."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from classifiers.corpus.build import CORPUS
from classifiers.packaging import MODEL_DIR
from classifiers.project import run_training
from classifiers.training import TrainingSettings
from ingest_service.cli import correction_commands as fix
from ingest_service.cli import documents_commands as docs
from ingest_service.cli import import_commands as tracker
from ingest_service.cli import reporting_commands as reporting
from ingest_service.cli import store_commands as store
from ingest_service.corrections import CorrectionNotFound
from ingest_service.council_config import ConfigError
from ingest_service.mailbox.factory import MailboxUrlError
from ingest_service.records import RecordNotFound
from ingest_service.replies.approval import ReplyNotAwaitingApproval
from ingest_service.service import Service
from ingest_service.settings import SettingsError, load_settings
from ingest_service.store.models import UserRole
from ingest_service.store.schema_check import SchemaNotCurrent
from ingest_service.tracker_import.importer import TrackerConflict
from ingest_service.web.auth import cli as users

EXPECTED_ERRORS = (
    SettingsError,
    ConfigError,
    MailboxUrlError,
    SchemaNotCurrent,
    FileNotFoundError,
    ValueError,
)


def build_parser() -> argparse.ArgumentParser:
    """The command-line grammar."""
    parser = argparse.ArgumentParser(
        prog="lado-intake",
        description="Screens LADO referral emails: extracts, checks, classifies, files, replies.",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    extract = commands.add_parser("extract", help="extract a referral's fields (writes nothing)")
    extract.add_argument("paths", nargs="+", type=Path)
    extract.add_argument("--json", action="store_true")

    classify = commands.add_parser("classify", help='classify {"text": ...} lines from stdin')
    classify.add_argument("--json", action="store_true")

    train = commands.add_parser("train", help="train the packaged classifier from the corpus")
    train.add_argument("--corpus", type=Path, default=CORPUS)
    train.add_argument("--out", type=Path, default=MODEL_DIR)
    train.add_argument("--seed", type=int, default=0)
    train.add_argument(
        "--with-corrections",
        action="store_true",
        help="add reviewed officer corrections; promote into the data dir if "
        "not worse on the held-out split",
    )

    correct = commands.add_parser("correct", help="correct a referral's classification")
    correct.add_argument("reference")
    correct.add_argument("--types", required=True, help="allegation type ids, comma-separated")
    correct.add_argument("--sector", required=True)
    review = commands.add_parser("review-corrections", help="mark corrections fit for training")
    review.add_argument("ids", nargs="+", type=int)

    ingest = commands.add_parser("ingest", help="file .eml, .docx or .pdf files as referrals")
    ingest.add_argument("paths", nargs="+", type=Path)

    imports = commands.add_parser("import", help="file a council's tracker (.csv, .xlsx)")
    imports.add_argument("path", type=Path)
    imports.add_argument("--dry-run", action="store_true", help="check every row, file nothing")

    poll = commands.add_parser("poll", help="process what is new in the mailbox")
    poll.add_argument("--once", action="store_true", required=True)

    commands.add_parser("run", help="run the scheduled service")
    status = commands.add_parser("status", help="show intake health (exit 1 when unhealthy)")
    status.add_argument("--json", action="store_true")

    records = commands.add_parser("records", help="list or show filed referrals")
    records_commands = records.add_subparsers(dest="records_command", required=True)
    listing = records_commands.add_parser("list")
    listing.add_argument("--json", action="store_true")
    show = records_commands.add_parser("show")
    show.add_argument("reference")
    show.add_argument("--json", action="store_true")
    refresh = records_commands.add_parser(
        "refresh-reporting", help="recompute emailed referrals' reporting columns from the config"
    )
    refresh.add_argument("--batch-size", type=int, default=500)

    replies = commands.add_parser("replies", help="replies held for officer approval")
    replies_commands = replies.add_subparsers(dest="replies_command", required=True)
    replies_commands.add_parser("list")
    approve = replies_commands.add_parser("approve")
    approve.add_argument("ids", nargs="+", type=int)

    accounts = commands.add_parser("users", help="accounts of the web app")
    accounts_commands = accounts.add_subparsers(dest="users_command", required=True)
    create = accounts_commands.add_parser("create")
    create.add_argument("username")
    create.add_argument("--role", required=True, choices=[role.value for role in UserRole])
    create.add_argument("--password-stdin", action="store_true")
    ending = accounts_commands.add_parser(
        "sign-out", help="end every session of an account (a lost device, a leaver)"
    )
    ending.add_argument("username")

    db = commands.add_parser("db", help="manage the records store")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade")

    demo = commands.add_parser("demo", help="seed the demo mailbox with synthetic referrals")
    demo.add_argument("--count", type=int, default=8)
    demo.add_argument("--force", action="store_true")
    demo.add_argument(
        "--history", action="store_true", help="also import last year's synthetic tracker, once"
    )
    return parser


def dispatch(args: argparse.Namespace, service: Service) -> int:
    """Run the chosen command."""
    out = sys.stdout
    match args.command:
        case "extract":
            return docs.run_extract(service, args.paths, args.json, out)
        case "classify":
            return docs.run_classify(service, args.json, sys.stdin, out)
        case "train" if args.with_corrections:
            return fix.run_train_with_corrections(
                service, args.corpus, TrainingSettings(seed=args.seed), out
            )
        case "train":
            council = service.council
            metrics = run_training(
                args.corpus,
                args.out,
                council.taxonomy,
                council.rules,
                TrainingSettings(seed=args.seed),
            )
            out.write(json.dumps(metrics, indent=2) + "\n")
            return 0
        case "correct":
            return fix.run_correct(service, args.reference, args.types, args.sector, out)
        case "review-corrections":
            return fix.run_review(service, args.ids, out)
        case "ingest":
            return store.run_ingest(service, args.paths, out)
        case "import":
            return tracker.run_import(service, args.path, args.dry_run, out, sys.stderr)
        case "poll":
            return store.run_poll_once(service, out)
        case "run":
            return store.run_service(service, out)
        case "status":
            return store.run_status(service, args.json, out)
        case "records" if args.records_command == "refresh-reporting":
            return reporting.run_refresh_reporting(service, args.batch_size, out)
        case "records" if args.records_command == "list":
            return store.run_records_list(service, args.json, out)
        case "records":
            return store.run_records_show(service, args.reference, args.json, out)
        case "replies" if args.replies_command == "list":
            return store.run_replies_list(service, out)
        case "replies":
            return store.run_replies_approve(service, args.ids, out)
        case "users" if args.users_command == "sign-out":
            return users.run_users_sign_out(service, args.username, out)
        case "users":
            return users.run_users_create(
                service, args.username, UserRole(args.role), args.password_stdin, sys.stdin, out
            )
        case "db":
            return store.run_db_upgrade(service, out)
        case "demo":
            return store.run_demo(service, args.count, args.force, out, args.history)
    raise AssertionError(f"unhandled command {args.command}")


def first_line(exc: SQLAlchemyError) -> str:
    """The first line of a database error: later lines can quote SQL parameters."""
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: one clear line on stderr and a non-zero exit for any expected failure."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    if args.command != "db":
        logging.getLogger("alembic").setLevel(logging.WARNING)
    try:
        return dispatch(args, Service.from_settings(load_settings()))
    except ReplyNotAwaitingApproval as exc:
        print(f"lado-intake: {exc}", file=sys.stderr)
    except RecordNotFound as exc:
        print(f"lado-intake: no referral with reference {exc}", file=sys.stderr)
    except TrackerConflict as exc:
        print(f"lado-intake: nothing imported: {exc}", file=sys.stderr)
    except BrokenPipeError:  # the reader stopped early (`records list | head`): not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except CorrectionNotFound as exc:
        print(f"lado-intake: no classification correction {exc}", file=sys.stderr)
    except EXPECTED_ERRORS as exc:
        print(f"lado-intake: {exc}", file=sys.stderr)
    except SQLAlchemyError as exc:
        print(f"lado-intake: database error: {first_line(exc)}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
