"""An Exchange Web Services mailbox through exchangelib: on-premises Exchange Server, or
Exchange Online tenants still allow-listed for EWS (Microsoft turns it off there in 2026-27).

Autodiscover and version guessing are off: the EWS URL is configured and the server build is
given (Exchange 2016 by default), so the first call is a real operation. Tested against a
local fake answering the documented SOAP messages (tests/mailbox), not a real Exchange.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Literal

from exchangelib import (
    BASIC,
    DELEGATE,
    IMPERSONATION,
    NTLM,
    Account,
    Build,
    Configuration,
    Credentials,
    FaultTolerance,
    Folder,
    Message,
    OAuth2Credentials,
    Q,
    Version,
)
from exchangelib.errors import ErrorItemNotFound, EWSError
from exchangelib.folders import FolderCollection
from exchangelib.services import CreateFolder
from oauthlib.oauth2 import OAuth2Error
from pydantic import SecretStr

from ingest_service.mailbox.base import FetchedMessage

EXCHANGE_2016 = (15, 1, 2, 3)
PUBLIC_AUTHORITY_HOST = "https://login.microsoftonline.com"
EWS_SCOPE = "https://outlook.office365.com/.default"


class EwsError(OSError):
    """Exchange refused or failed an operation (an OSError, so callers retry later)."""


class TenantOAuth2Credentials(OAuth2Credentials):  # type: ignore[misc]
    """exchangelib's client-credentials grant with a configurable authority host."""

    def __init__(self, *, authority_host: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.authority_host = authority_host.rstrip("/")

    @property
    def token_url(self) -> str:
        """The tenant's v2.0 token endpoint."""
        return f"{self.authority_host}/{self.tenant_id}/oauth2/v2.0/token"


def ews_account(
    service_endpoint: str,
    mailbox: str,
    *,
    username: str | None = None,
    password: SecretStr | None = None,
    auth_type: Literal["ntlm", "basic"] = "ntlm",
    tenant_id: str | None = None,
    client_id: str | None = None,
    client_secret: SecretStr | None = None,
    authority_host: str = PUBLIC_AUTHORITY_HOST,
    access_type: Literal["delegate", "impersonation"] = "delegate",
    build: tuple[int, int, int, int] = EXCHANGE_2016,
    max_throttle_wait: int = 300,
) -> Account:
    """An exchangelib Account on the shared mailbox; nothing connects until first used.

    Give `username` + `password` (NTLM or basic, on-premises) or `tenant_id` + `client_id`
    + `client_secret` (OAuth client credentials, Exchange Online; implies impersonation).
    Throttling (ErrorServerBusy, HTTP 503 with Retry-After) is waited out, up to
    `max_throttle_wait` seconds, then reported as an error for the next poll.
    """
    credentials: Credentials | OAuth2Credentials
    if client_id is not None and client_secret is not None and tenant_id is not None:
        credentials = TenantOAuth2Credentials(
            authority_host=authority_host,
            client_id=client_id,
            client_secret=client_secret.get_secret_value(),
            tenant_id=tenant_id,
        )
        kind = None
        access_type = "impersonation"  # app-only EWS tokens act by impersonation
    elif username is not None and password is not None:
        credentials = Credentials(username, password.get_secret_value())
        kind = NTLM if auth_type == "ntlm" else BASIC
    else:
        raise ValueError("EWS needs a username and password, or OAuth client credentials")
    config = Configuration(
        service_endpoint=service_endpoint,
        credentials=credentials,
        auth_type=kind,
        version=Version(build=Build(*build)),
        retry_policy=FaultTolerance(max_wait=max_throttle_wait),
    )
    return Account(
        primary_smtp_address=mailbox,
        config=config,
        autodiscover=False,
        access_type=DELEGATE if access_type == "delegate" else IMPERSONATION,
    )


class EwsFolders:
    """Folders of the account by path under the message folder root, created when asked."""

    def __init__(self, account: Account) -> None:
        self._account = account
        self._folders: dict[str, Folder] = {}
        self._lock = threading.Lock()

    def resolve(self, path: str, *, create: bool = False) -> Folder:
        """The folder at a path ("Inbox", "LADO/Processed"), created if missing and `create`."""
        with self._lock:
            if path not in self._folders:
                folder = self._account.msg_folder_root
                for name in path.strip("/").split("/"):
                    folder = self._child(folder, name, create)
                self._folders[path] = folder
            return self._folders[path]

    def _child(self, parent: Folder, name: str, create: bool) -> Folder:
        found = list(
            FolderCollection(account=self._account, folders=[parent]).find_folders(
                q=Q(name=name), depth="Shallow"
            )
        )
        if found:
            return found[0]
        if not create:
            raise EwsError("EWS folder not found")
        created: Folder = CreateFolder(account=self._account).get(
            parent_folder=parent, folders=[Folder(parent=parent, name=name)]
        )
        return created


@contextmanager
def ews_errors(operation: str) -> Iterator[None]:
    """Turn exchangelib's and the token grant's errors into EwsError, keeping only the type."""
    try:
        yield
    except (EWSError, OAuth2Error) as exc:
        raise EwsError(f"EWS {operation} failed: {type(exc).__name__}") from exc


class EwsMailbox:
    """One folder of the shared mailbox, read oldest first; processed mail is moved, not deleted."""

    def __init__(self, account: Account, folder: str) -> None:
        self._account = account
        self.folder = folder
        self._folders = EwsFolders(account)

    @property
    def identity(self) -> str:
        """The mailbox and folder."""
        return f"ews://{self._account.primary_smtp_address.lower()}/{self.folder}"

    def fetch_new(self) -> Iterator[FetchedMessage]:
        """Every message in the folder, oldest first, keyed by EWS item id, with its MIME."""
        with ews_errors("listing"):
            folder = self._folders.resolve(self.folder)
            listed = list(folder.all().order_by("datetime_received").only("id", "changekey"))
        for item in listed:
            with ews_errors("reading"):
                (full,) = self._account.fetch(
                    ids=[(item.id, item.changekey)],
                    only_fields=["mime_content", "datetime_received"],
                )
            if isinstance(full, ErrorItemNotFound):
                continue  # moved by another client since the listing
            if isinstance(full, Exception):
                raise EwsError(f"EWS reading failed: {type(full).__name__}")
            yield FetchedMessage(
                key=item.id,
                raw=bytes(full.mime_content),
                received_at=datetime.fromtimestamp(full.datetime_received.timestamp(), UTC),
            )

    def move(self, key: str, folder: str) -> None:
        """Move the item to the folder under the message root (created if missing)."""
        with ews_errors("moving"):
            target = self._folders.resolve(folder, create=True)
            (result,) = self._account.bulk_move(ids=[(key, None)], to_folder=target)
        if isinstance(result, ErrorItemNotFound):
            return  # already gone
        if isinstance(result, Exception):
            raise EwsError(f"EWS moving failed: {type(result).__name__}")


class EwsOutgoingMail:
    """Replies sent from the shared mailbox as MIME (CreateItem, SendAndSaveCopy to Sent Items)."""

    def __init__(self, account: Account) -> None:
        self._account = account

    def was_sent(self, rfc_message_id: str) -> bool:
        """Whether Sent Items holds an item with this InternetMessageId."""
        with ews_errors("searching Sent Items"):
            return bool(self._account.sent.filter(message_id=rfc_message_id).exists())

    def send(self, raw: bytes, rfc_message_id: str) -> None:
        """Send the MIME message as it is, saving a copy in Sent Items."""
        with ews_errors("sending"):
            message = Message(account=self._account, folder=self._account.sent, mime_content=raw)
            message.send_and_save()
