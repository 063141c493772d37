"""The referral's original documents: PDF inline, Word as HTML, the email as text."""

from __future__ import annotations

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, Response

from ingest_service.service import Service
from ingest_service.store.database import unit_of_work
from ingest_service.web.auth.dependencies import Caseworker, ServiceDep
from ingest_service.web.referrals.documents import (
    DocumentNotFound,
    StoredDocument,
    document_parts,
    referral_document,
    referral_email,
)
from ingest_service.web.templating import render

NOT_FOUND = "The referral has no such document."
# A PDF may be framed by the app's own pages only, and may itself load nothing.
PDF_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'self'",
    "X-Frame-Options": "SAMEORIGIN",
}


def _document(service: Service, reference: str, attachment_id: int, actor: str) -> StoredDocument:
    """The referral's attachment (its view audited); 404 when the referral has no such one."""
    try:
        with unit_of_work(service.sessions) as session:
            return referral_document(session, service.documents, reference, attachment_id, actor)
    except DocumentNotFound:
        raise HTTPException(404, NOT_FOUND) from None


def document_page(
    request: Request, reference: str, attachment_id: int, user: Caseworker, service: ServiceDep
) -> HTMLResponse:
    """An attachment: a PDF in a frame, a Word document as HTML, else a download (audited)."""
    document = _document(service, reference, attachment_id, user.actor)
    parts = document_parts(document) if document.kind == "word" else []
    return render(
        request,
        "referrals/document.html",
        user,
        reference=reference,
        document=document,
        parts=parts,
    )


def document_file(
    reference: str, attachment_id: int, user: Caseworker, service: ServiceDep
) -> Response:
    """The attachment's bytes: a PDF inline (framed by the app only), anything else downloaded."""
    document = _document(service, reference, attachment_id, user.actor)
    if document.kind == "pdf":
        return Response(
            document.data,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'inline; filename="document-{attachment_id}.pdf"',
                **PDF_HEADERS,
            },
        )
    return Response(
        document.data,
        media_type="application/octet-stream",
        headers={"Content-Disposition": f'attachment; filename="document-{attachment_id}"'},
    )


def email_page(
    request: Request, reference: str, message_id: int, user: Caseworker, service: ServiceDep
) -> HTMLResponse:
    """An email of the referral as received, as escaped plain text (audited)."""
    try:
        with unit_of_work(service.sessions) as session:
            email = referral_email(session, service.documents, reference, message_id, user.actor)
    except DocumentNotFound:
        raise HTTPException(404, NOT_FOUND) from None
    return render(request, "referrals/email.html", user, reference=reference, email=email)
