"""What an officer typed into a referral-page form that was refused, to show it to them again."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from starlette.datastructures import FormData

NOT_KEPT = frozenset({"csrf_token"})


@dataclass(frozen=True)
class RefusedForm:
    """The refused form's name (its anchor on the page) and its submitted text values."""

    name: str
    values: Mapping[str, tuple[str, ...]]

    @classmethod
    def of(cls, name: str, form: FormData) -> RefusedForm:
        """The text values of `form`, without its CSRF token."""
        values = {
            key: tuple(value for value in form.getlist(key) if isinstance(value, str))
            for key in form
            if key not in NOT_KEPT
        }
        return cls(name, values)

    def text(self, key: str) -> str:
        """The first value typed for `key` ("" when none)."""
        return next(iter(self.values.get(key, ())), "")

    def texts(self, key: str) -> tuple[str, ...]:
        """Every value sent for `key` (ticked boxes)."""
        return self.values.get(key, ())
