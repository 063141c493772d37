"""The expected extraction of a synthetic referral, in the shape of the shared truth files."""

from __future__ import annotations

from ingest_service.synthetic.model import Answer, JsonDict, Value
from parsers.form_schema import FormSchema


def answered_fields(
    schema: FormSchema, answers: dict[str, Answer], children: list[dict[str, Answer]]
) -> JsonDict:
    """Answered fields under schema ids, in schema order; children as a list of objects."""
    fields: JsonDict = {}
    for section in schema.sections:
        if section.repeatable:
            ids = [spec.id for spec in section.fields]
            kids = [kid for child in children if (kid := _values(ids, child))]
            if kids:
                fields["children"] = kids
            continue
        fields.update(_values([spec.id for spec in section.fields], answers))
    return fields


def _values(ids: list[str], answers: dict[str, Answer]) -> dict[str, Value]:
    return {
        field_id: _normalised(answer.value)
        for field_id in ids
        if (answer := answers.get(field_id)) is not None and answer.value is not None
    }


def _normalised(value: Value) -> Value:
    return " ".join(value.split()) if isinstance(value, str) else list(value)


def missing(schema: FormSchema, fields: JsonDict) -> tuple[list[str], list[str]]:
    """Required fields not answered (an either/or group by its first id), and their sections."""
    missing_fields: list[str] = []
    missing_sections: list[str] = []
    for section in schema.sections:
        if section.repeatable:
            present = {key for child in fields.get("children", []) for key in child}
        else:
            present = {spec.id for spec in section.fields if spec.id in fields}
        gaps = [
            entry if isinstance(entry, str) else entry[0]
            for entry in section.required
            if not present.intersection((entry,) if isinstance(entry, str) else entry)
        ]
        missing_fields.extend(gaps)
        if gaps:
            missing_sections.append(section.id)
    return missing_fields, missing_sections


def build_truth(
    schema: FormSchema,
    answers: dict[str, Answer],
    children: list[dict[str, Answer]],
    layout: str,
    variant: str | None,
    classification: JsonDict,
) -> JsonDict:
    """The whole truth object: layout, fields, missing lists and classification."""
    fields = answered_fields(schema, answers, children)
    missing_fields, missing_sections = missing(schema, fields)
    truth: JsonDict = {"layout": layout}
    if variant is not None:
        truth["variant"] = variant
    truth.update(
        {
            "fields": fields,
            "missing_fields": missing_fields,
            "missing_sections": missing_sections,
            "classification": classification,
        }
    )
    return truth
