"""The one typed settings object, from LADO_* environment variables and an optional file."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

from pydantic import (
    Field,
    SecretStr,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from config import DEFAULT_CONFIG_DIR
from ingest_service.store.models import UserRole

SETTINGS_FILE_VARIABLE = "LADO_SETTINGS_FILE"
ENV_PREFIX = "LADO_"
# An https URL, or plain http to this machine only (tests, `make run`); empty: not set.
LOCAL_OR_HTTPS_URL = r"^(https://\S+|http://(127\.0\.0\.1|localhost)(:\d+)?(/\S*)?)?$"
# Without LADO_OIDC_ROLE_MAP, app roles named like ours map to them, the widest casework first.
DEFAULT_ROLE_ORDER = (
    UserRole.MANAGER,
    UserRole.LADO,
    UserRole.CONTACT_OFFICER,
    UserRole.ADMINISTRATOR,
)


class SettingsError(Exception):
    """A setting that cannot be used, named by its environment variable."""


class Settings(BaseSettings):
    """Where the service keeps its data, which mailbox it watches and how it replies."""

    model_config = SettingsConfigDict(env_prefix=ENV_PREFIX, extra="forbid", frozen=True)

    data_dir: Path = Field(default=Path("data"), description="Database, documents, demo mailbox.")
    database_url: str = Field(default="", description="SQLAlchemy URL; default SQLite in data_dir.")
    mailbox_url: str = Field(default="", description="Mailbox to poll; default a demo Maildir.")
    mailbox_password: SecretStr | None = Field(
        default=None, description="IMAP password for the user named in an imap(s):// mailbox URL."
    )
    mailbox_oauth_token: SecretStr | None = Field(
        default=None, description="IMAP OAuth 2 access token (XOAUTH2); used instead of a password."
    )
    mailbox_sent_folder: str = Field(
        default="Sent", description="IMAP folder that keeps a copy of every reply sent."
    )
    smtp_url: str = Field(
        default="", description="Where IMAP mailboxes send replies: smtp://host:587 or smtps://."
    )
    smtp_username: str = Field(default="", description="SMTP user; empty sends without AUTH.")
    smtp_password: SecretStr | None = Field(default=None, description="SMTP password.")
    smtp_oauth_token: SecretStr | None = Field(
        default=None,
        description="SMTP OAuth 2 access token (XOAUTH2, Exchange Online); instead of a password.",
    )
    graph_client_id: str = Field(default="", description="Entra app (client) id for graph://.")
    graph_client_secret: SecretStr | None = Field(default=None, description="Its secret, or:")
    graph_certificate_key: Path | None = Field(
        default=None, description="PEM private key of the app's certificate (instead of a secret)."
    )
    graph_certificate_thumbprint: str = Field(default="", description="That certificate's SHA-1.")
    graph_authority: str = Field(
        default="https://login.microsoftonline.com", description="Entra sign-in host."
    )
    graph_url: str = Field(default="https://graph.microsoft.com/v1.0", description="Graph API.")
    ews_url: str = Field(default="", description="EWS endpoint for ews://, .../EWS/Exchange.asmx.")
    ews_username: str = Field(default="", description="EWS service account (NTLM or basic).")
    ews_password: SecretStr | None = Field(default=None, description="Its password.")
    ews_auth: Literal["ntlm", "basic"] = "ntlm"
    ews_access: Literal["delegate", "impersonation"] = "delegate"
    ews_tenant_id: str = Field(default="", description="Exchange Online OAuth: tenant id.")
    ews_client_id: str = Field(default="", description="Exchange Online OAuth: app id.")
    ews_client_secret: SecretStr | None = Field(default=None, description="Its secret.")
    ca_bundle: Path | None = Field(default=None, description="A council's own CA certificates.")
    processed_folder: str = Field(default="Processed", min_length=1, description="Filed mail.")
    needs_review_folder: str = Field(
        default="Needs review", min_length=1, description="Mail an officer must look at."
    )
    config_dir: Path = Field(default=DEFAULT_CONFIG_DIR, description="The council's config files.")
    poll_interval_seconds: int = Field(default=60, gt=0, le=86_400)
    send_interval_seconds: int = Field(default=30, gt=0, le=86_400)
    lado_address: str = Field(default="lado@example.org", pattern=r"^[^@\s]+@[^@\s]+$")
    lado_display_name: str = "LADO Team"
    send_acknowledgements: bool = True
    reply_mode: Literal["automatic", "approval"] = "automatic"
    max_auto_replies_per_sender_per_day: int = Field(default=5, ge=0)
    reply_domains: tuple[str, ...] = Field(
        default=(), description="Only answer these sender domains (JSON list); empty: any."
    )
    classification_review_threshold: float = Field(default=0.5, ge=0.0, le=1.0)
    max_processing_attempts: int = Field(default=3, gt=0)
    web_enabled: bool = Field(default=True, description="Serve the web app from `run`.")
    scheduler_enabled: bool = Field(
        default=True, description="Run the poll and send jobs from `run`; false: web app only."
    )
    web_host: str = Field(default="127.0.0.1", min_length=1, description="Web app address.")
    web_port: int = Field(default=8080, ge=1, le=65_535, description="Web app port.")
    web_cookie_secure: bool = Field(
        default=True, description="Send the session cookie over HTTPS only; false for plain http."
    )
    secret_key: SecretStr | None = Field(
        default=None, description="Signs session cookies; default one kept in data_dir/secret_key."
    )
    local_sign_in: bool = Field(
        default=True, description="Offer sign-in with local accounts; false for OpenID only."
    )
    oidc_issuer: str = Field(
        default="",
        validate_default=True,
        pattern=LOCAL_OR_HTTPS_URL,
        description="OpenID issuer, https://login.microsoftonline.com/<tenant>/v2.0; empty: off.",
    )
    oidc_client_id: str = Field(
        default="", validate_default=True, description="The app's (client) id at the issuer."
    )
    oidc_client_secret: SecretStr | None = Field(default=None, description="Its client secret.")
    oidc_redirect_url: str = Field(
        default="",
        validate_default=True,
        pattern=LOCAL_OR_HTTPS_URL,
        description="https://<this site>/sign-in/oidc/callback, as registered.",
    )
    oidc_provider_name: str = Field(
        default="Microsoft", min_length=1, description='Shown as "Sign in with <name>".'
    )
    oidc_role_map: dict[str, UserRole] = Field(
        default_factory=lambda: {role.value: role for role in DEFAULT_ROLE_ORDER},
        description="Token `roles` claim value -> our role (JSON); the first one held wins.",
    )

    @field_validator("oidc_issuer")
    @classmethod
    def _someone_can_sign_in(cls, issuer: str, info: ValidationInfo) -> str:
        if not issuer and info.data.get("local_sign_in") is False:
            raise ValueError(f"required when {ENV_PREFIX}LOCAL_SIGN_IN is false")
        return issuer

    @field_validator("oidc_client_id", "oidc_redirect_url")
    @classmethod
    def _required_with_issuer(cls, value: str, info: ValidationInfo) -> str:
        if info.data.get("oidc_issuer") and not value:
            raise ValueError(f"required when {ENV_PREFIX}OIDC_ISSUER is set")
        return value

    @model_validator(mode="after")
    def _fill_defaults_from_data_dir(self) -> Settings:
        data_dir = self.data_dir.expanduser().resolve()
        object.__setattr__(self, "data_dir", data_dir)
        if not self.database_url:
            object.__setattr__(
                self, "database_url", f"sqlite:///{data_dir / 'lado-intake.sqlite3'}"
            )
        if not self.mailbox_url:
            object.__setattr__(self, "mailbox_url", f"maildir://{data_dir / 'demo-mailbox'}")
        return self

    @property
    def documents_dir(self) -> Path:
        """The content-addressed store of raw messages and attachments."""
        return self.data_dir / "documents"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        """Environment variables win over the optional TOML file named by LADO_SETTINGS_FILE."""
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        settings_file = os.environ.get(SETTINGS_FILE_VARIABLE)
        if settings_file:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=Path(settings_file)))
        return tuple(sources)


def load_settings() -> Settings:
    """Read the settings, or raise SettingsError naming the variable and the reason."""
    settings_file = os.environ.get(SETTINGS_FILE_VARIABLE)
    if settings_file and not Path(settings_file).is_file():
        raise SettingsError(f"{SETTINGS_FILE_VARIABLE}: no such file: {settings_file}")
    try:
        return Settings()
    except ValidationError as exc:
        error = exc.errors()[0]
        name = ENV_PREFIX + "_".join(str(part) for part in error["loc"]).upper()
        raise SettingsError(f"{name}: {error['msg']}") from exc
