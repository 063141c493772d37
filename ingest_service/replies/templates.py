"""Reply templates from the council's config, checked when loaded."""

from __future__ import annotations

from jinja2 import Environment, StrictUndefined, Template, TemplateSyntaxError
from pydantic import BaseModel, ConfigDict, field_validator

_ENVIRONMENT = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=True)


class ReplyTemplate(BaseModel):
    """The subject and plain-text body of one kind of reply (Jinja2)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    subject: str
    body: str

    @field_validator("subject", "body")
    @classmethod
    def _compiles(cls, source: str) -> str:
        try:
            _ENVIRONMENT.parse(source)
        except TemplateSyntaxError as exc:
            raise ValueError(f"template error on line {exc.lineno}: {exc.message}") from exc
        return source

    def render(self, **values: object) -> tuple[str, str]:
        """The rendered subject (one line) and body."""
        subject = _compile(self.subject).render(**values)
        return " ".join(subject.split()), _compile(self.body).render(**values)


class ReplyTemplates(BaseModel):
    """Every automatic reply the service can send."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    missing_information: ReplyTemplate
    acknowledgement: ReplyTemplate


def _compile(source: str) -> Template:
    return _ENVIRONMENT.from_string(source)
