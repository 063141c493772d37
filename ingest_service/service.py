"""Assembling the service from settings: store, council config, classifier, chain, mailbox."""

from __future__ import annotations

import os
import socket
import uuid
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from classifiers.promotion import current_model_dir
from classifiers.rule_classifier import RuleClassifier
from classifiers.statistical_classifier import CombinedClassifier
from ingest_service.cases.reporting_config import CaseReporting, load_case_reporting
from ingest_service.council_config import CouncilConfig, load_council_config
from ingest_service.intake.pipeline import IntakePipeline
from ingest_service.intake.poller import Folders
from ingest_service.intake.steps.check import CheckStep
from ingest_service.intake.steps.classify import ClassifyStep
from ingest_service.intake.steps.extract import ExtractStep
from ingest_service.intake.steps.file import FileStep
from ingest_service.intake.steps.parse import ParseStep
from ingest_service.intake.steps.reply import ReplyStep
from ingest_service.mailbox.base import Mailbox, OutgoingMail
from ingest_service.mailbox.factory import open_mailbox
from ingest_service.replies.outbox import ReplyPolicy
from ingest_service.settings import Settings
from ingest_service.store.database import make_engine, make_session_factory
from ingest_service.store.documents import DocumentStore


def new_instance_id() -> str:
    """A name for this running process, unique among instances sharing a database."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class Service:
    """The parts of a running lado-intake, built once from the settings."""

    settings: Settings
    council: CouncilConfig
    instance_id: str = field(default_factory=new_instance_id)

    @classmethod
    def from_settings(cls, settings: Settings) -> Service:
        """Load the council's config, failing fast; the store is opened on first use."""
        return cls(settings=settings, council=load_council_config(settings.config_dir))

    @cached_property
    def case_reporting(self) -> CaseReporting:
        """The council's reporting categories, districts and case-record labels."""
        return load_case_reporting(self.settings.config_dir)

    @cached_property
    def engine(self) -> Engine:
        """The records store's engine."""
        return make_engine(self.settings.database_url)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """Sessions on the records store."""
        return make_session_factory(self.engine)

    @cached_property
    def documents(self) -> DocumentStore:
        """The content-addressed store of raw messages and attachments."""
        return DocumentStore(self.settings.documents_dir)

    @property
    def models_dir(self) -> Path:
        """Where retrained classifiers are promoted (data_dir/models/<version>/)."""
        return self.settings.data_dir / "models"

    @cached_property
    def classifier(self) -> CombinedClassifier:
        """The newest promoted (else the packaged) pipeline with the rules, loaded on first use."""
        return CombinedClassifier.load(
            self.council.taxonomy,
            self.council.rules,
            model_dir=current_model_dir(self.models_dir),
            review_threshold=self.settings.classification_review_threshold,
        )

    @cached_property
    def rules_classifier(self) -> RuleClassifier:
        """The keyword rules alone, kept for comparison and as a fallback."""
        return RuleClassifier.build(
            self.council.taxonomy,
            self.council.rules,
            review_threshold=self.settings.classification_review_threshold,
        )

    @cached_property
    def reply_policy(self) -> ReplyPolicy:
        """How replies are handled, from the settings."""
        return ReplyPolicy(
            team_name=self.settings.lado_display_name,
            team_address=self.settings.lado_address,
            send_acknowledgements=self.settings.send_acknowledgements,
            needs_approval=self.settings.reply_mode == "approval",
            max_per_sender_per_day=self.settings.max_auto_replies_per_sender_per_day,
            allowed_domains=self.settings.reply_domains,
        )

    @cached_property
    def pipeline(self) -> IntakePipeline:
        """The intake chain in its fixed order."""
        form = self.council.form
        file_step = FileStep(form, self.case_reporting)
        return IntakePipeline(
            sessions=self.sessions,
            documents=self.documents,
            steps=[
                ParseStep(self.documents),
                ExtractStep(form),
                CheckStep(form),
                ClassifyStep(self.classifier),
                file_step,
                ReplyStep(form, self.council.replies, self.reply_policy),
            ],
            fallback=file_step,
            max_attempts=self.settings.max_processing_attempts,
        )

    @cached_property
    def folders(self) -> Folders:
        """Where processed mail is filed in the mailbox."""
        return Folders(self.settings.processed_folder, self.settings.needs_review_folder)

    @cached_property
    def mailbox(self) -> tuple[Mailbox, OutgoingMail]:
        """The configured mailbox and where its replies go."""
        return open_mailbox(self.settings)
