"""The record function: one mapping in, one output record out, errors as records.

`clean_records` is what pipelines call (Spark, Dask, a plain loop) and what the
CLI's workers call per JSONL line or WARC record, so every front door gives the
same output. An output record is `{"id", "url", "source", "result", "error"}`.
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping

from .api import clean, default_rules
from .errors import CleanerError
from .result import Result
from .ruleset import RuleSet

FIELDS = ("html", "text", "id", "url")


def clean_records(records: Iterable[Mapping[str, Any]], rules: RuleSet | None = None, *, kind: str = "auto",
                  html_field: str = "html", text_field: str = "text", id_field: str = "id",
                  url_field: str = "url", max_bytes: int | None = None,
                  max_nodes: int | None = None) -> Iterator[dict[str, Any]]:
    """Clean each mapping (`html` or `text`, optional `id`, `url`, `source`), yielding one output record each, in order.

    A record whose `error` is set (as `iter_warc` gives for damaged records) passes
    through as an error record. `kind` other than "auto" overrides what the field
    says. A plain module-level generator, so Spark, Dask or multiprocessing can
    pickle it. `max_bytes` and `max_nodes` are `clean()`'s limits: a record past one is an
    error record.
    """
    ruleset = rules if rules is not None else default_rules()
    fields = (html_field, text_field, id_field, url_field)
    for record in records:
        out, result = clean_record(record, ruleset, fields=fields, kind=kind, max_bytes=max_bytes,
                                   max_nodes=max_nodes)
        if result is not None:
            out["result"] = result.to_dict()
        yield out


def clean_record(record: Mapping[str, Any], rules: RuleSet, *, fields: tuple[str, str, str, str] = FIELDS,
                 kind: str = "auto", url: str | None = None, default_id: Any = None,
                 source: dict[str, Any] | None = None,
                 max_bytes: int | None = None, max_nodes: int | None = None) -> tuple[dict[str, Any], Result | None]:
    """(output record without its `result`, the Result or None) for one input mapping."""
    html_field, text_field, id_field, url_field = fields
    if source is None:
        source = record.get("source") if isinstance(record.get("source"), dict) else None
    doc_url = record.get(url_field) or url
    out: dict[str, Any] = {"id": record.get(id_field, default_id), "url": doc_url, "source": source,
                           "result": None, "error": None}
    if record.get("error"):
        out["error"] = str(record["error"])
        return out, None
    html, text = record.get(html_field), record.get(text_field)
    data, doc_kind = (html, "html") if html is not None else (text, "text")
    if data is None:
        out["error"] = (f"the record has neither an {html_field!r} nor a {text_field!r} field "
                        "(name the fields with --html-field / --text-field)")
        return out, None
    if not isinstance(data, (str, bytes, bytearray)):
        field_name = html_field if html is not None else text_field
        out["error"] = f"field {field_name!r} is {type(data).__name__}, not a string"
        return out, None
    try:
        result = clean(data, kind=doc_kind if kind == "auto" else kind, url=doc_url, rules=rules,
                       source=(source or {}).get("path"), max_bytes=max_bytes, max_nodes=max_nodes)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop a batch
        out["error"] = describe(exc)
        return out, None
    out["url"] = doc_url or result.source.get("url")
    return out, result


def describe(exc: BaseException) -> str:
    """An error message without the location (records carry that in `source`)."""
    if isinstance(exc, CleanerError):
        return f"{exc.message} ({exc.hint})" if exc.hint else exc.message
    return f"internal error: {type(exc).__name__}: {exc} (please report this with the input)"
