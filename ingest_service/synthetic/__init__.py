"""Synthetic, wholly fictional LADO referrals (.docx, .pdf, .eml) with their expected extraction."""

from ingest_service.synthetic.cases import generate_case
from ingest_service.synthetic.corpus import corpus_cases, render_case, write_corpus
from ingest_service.synthetic.demo_set import SyntheticEmail, demo_referrals
from ingest_service.synthetic.model import Case
from ingest_service.synthetic.render_docx import render_docx
from ingest_service.synthetic.render_email import render_email
from ingest_service.synthetic.render_pdf import render_pdf

__all__ = [
    "Case",
    "SyntheticEmail",
    "corpus_cases",
    "demo_referrals",
    "generate_case",
    "render_case",
    "render_docx",
    "render_email",
    "render_pdf",
    "write_corpus",
]
