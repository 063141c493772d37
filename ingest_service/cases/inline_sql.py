"""SQL expressions with their constants written out, so PostgreSQL can match expression indexes.

The planner matches an indexed expression only when the query's expression is the same
with the same constants; a bound parameter in its place does not match once the
statement's plan is generic.
"""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import ColumnElement, literal_column
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeEngine

T = TypeVar("T")


def inline_constants(
    session: Session, expression: ColumnElement[T], type_: TypeEngine[T]
) -> ColumnElement[T]:
    """The expression as SQL text for the session's database, constants inlined."""
    sql = expression.compile(
        dialect=session.get_bind().dialect, compile_kwargs={"literal_binds": True}
    )
    return literal_column(str(sql), type_)
