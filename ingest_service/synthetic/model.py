"""The data a synthetic referral is made of: answers, laid-out form rows, the case."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

FormLayout = Literal["A", "B", "C", "body"]
"""A: docx with a label/value table; B: docx "Label: value" paragraphs; C: PDF;
body: pasted into an email. The truth's layout is the form's, or "D" for any email."""

Attachment = Literal["docx", "pdf"]
Value = str | list[str]
JsonDict = dict[str, Any]


@dataclass(frozen=True)
class Answer:
    """What the referrer wrote for one field, and its normalised value (None when missing)."""

    value: Value | None
    text: str


@dataclass(frozen=True)
class Row:
    """One label and the text beside it; a row without a field id is a sub-heading."""

    label: str
    text: str
    field_id: str | None = None


@dataclass(frozen=True)
class FormSection:
    """One section of the filled-in form, as every renderer lays it out."""

    section_id: str
    heading: str
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Referrer:
    """Who sends the email."""

    name: str
    role: str
    organisation: str
    phone: str
    email: str


@dataclass(frozen=True)
class Case:
    """One synthetic referral: the filled-in form, how it is sent, and its truth."""

    name: str
    scenario: str
    form_layout: FormLayout
    emailed: bool
    council: str
    form_title: str
    sections: tuple[FormSection, ...]
    referrer: Referrer
    setting: str
    sent_at: datetime
    truth: JsonDict = field(compare=False)
