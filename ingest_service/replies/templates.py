"""Reply templates from the council's config, checked when loaded."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, StrictUndefined, Template, TemplateSyntaxError
from pydantic import BaseModel, ConfigDict, field_validator

_TEXT = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)
_HTML = Environment(undefined=StrictUndefined, autoescape=True, keep_trailing_newline=True)


@dataclass(frozen=True)
class RenderedReply:
    """A reply's subject (one line), plain-text body and HTML body."""

    subject: str
    body_text: str
    body_html: str


class ReplyTemplate(BaseModel):
    """The subject, plain-text body and HTML body of one kind of reply (Jinja2).

    The HTML template is autoescaped: the referrer's own subject line cannot inject markup.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: str
    body: str
    body_html: str

    @field_validator("subject", "body", "body_html")
    @classmethod
    def _compiles(cls, source: str) -> str:
        try:
            _TEXT.parse(source)
        except TemplateSyntaxError as exc:
            raise ValueError(f"template error on line {exc.lineno}: {exc.message}") from exc
        return source

    def render(self, **values: object) -> RenderedReply:
        """Render all three parts with the same values."""
        subject = _compile(_TEXT, self.subject).render(**values)
        return RenderedReply(
            subject=" ".join(subject.split()),
            body_text=_compile(_TEXT, self.body).render(**values),
            body_html=_compile(_HTML, self.body_html).render(**values),
        )


class ReplyTemplates(BaseModel):
    """Every automatic reply the service can send."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    missing_information: ReplyTemplate
    acknowledgement: ReplyTemplate


def _compile(environment: Environment, source: str) -> Template:
    return environment.from_string(source)
