"""Missing items in plain words, grouped by section in form order."""

from __future__ import annotations

from ingest_service.council_config import CouncilConfig
from ingest_service.replies.missing_items import MissingSection, describe_missing


def test_groups_by_section_and_names_either_or_groups(council: CouncilConfig) -> None:
    described = describe_missing(
        council.form, ["actions_taken", "referrer_phone", "child_name", "referrer_name"]
    )
    assert described == [
        MissingSection("Referrer details", ("Name", "Telephone or Email")),
        MissingSection("Child or children involved", ("Child's name, Age or Date of birth",)),
        MissingSection("Action taken so far", ("Action taken so far",)),
    ]


def test_rendered_reply_lists_items_and_no_case_details(council: CouncilConfig) -> None:
    reply = council.replies.missing_information.render(
        reference="LADO-2026-000042",
        original_subject="Referral re Year 4 <script>alert(1)</script>",
        missing=describe_missing(council.form, ["previous_concerns"]),
        team_name="LADO Team",
        team_address="lado@example.org",
    )
    assert reply.subject.startswith("[LADO-2026-000042] More information needed: Referral re")
    assert "Previous allegations or concerns:\n  - Have there been previous allegations" in (
        reply.body_text
    )
    assert reply.body_text.count("LADO-2026-000042") >= 2
    assert "<h3>Previous allegations or concerns</h3>" in reply.body_html
    assert "<li>Have there been previous allegations or concerns?</li>" in reply.body_html


def test_html_body_escapes_what_the_sender_wrote(council: CouncilConfig) -> None:
    template = council.replies.acknowledgement.model_copy(
        update={"body_html": "<p>{{ original_subject }}</p>"}
    )
    reply = template.render(
        reference="LADO-2026-000042",
        original_subject="<script>alert(1)</script>",
        missing=[],
        team_name="LADO Team",
        team_address="lado@example.org",
    )
    assert reply.body_html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"
