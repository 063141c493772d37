"""`lado-intake users create` and `users sign-out`: local accounts and sessions from the
command line."""

from __future__ import annotations

import getpass
from typing import TextIO

from ingest_service.cli.store_commands import cli_actor
from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.store.models import UserRole
from ingest_service.store.schema_check import require_current_schema
from ingest_service.web.auth.service import AccountError, create_user, end_sessions


def read_password(from_stdin: bool, stdin: TextIO) -> str:
    """The first line of stdin, or a password typed twice at a prompt."""
    if from_stdin:
        return stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if getpass.getpass("Repeat the password: ") != password:
        raise AccountError("the passwords do not match")
    return password


def run_users_create(
    service: Service,
    username: str,
    role: UserRole,
    password_stdin: bool,
    stdin: TextIO,
    out: TextIO,
) -> int:
    """Create the account (audited as the command-line user)."""
    require_current_schema(service.engine)
    password = read_password(password_stdin, stdin)
    with unit_of_work(service.sessions) as session:
        create_user(session, username, password, role, cli_actor())
    out.write(f"created {username} ({role.value})\n")
    return 0


def run_users_sign_out(service: Service, username: str, out: TextIO) -> int:
    """End every session of the account (audited as the command-line user)."""
    require_current_schema(service.engine)
    with unit_of_work(service.sessions) as session:
        end_sessions(session, username, cli_actor())
    out.write(f"ended every session of {username}\n")
    return 0
