"""Apache Spark adapter: the same `clean_records` over WARC files or a DataFrame column.

Install with `pip install 'cleaner[spark]'`. Each partition runs `clean_records`
in a Python worker, which loads the rules once (they are cached per process), so
the output equals `cleaner clean --format jsonl` on the same input. Paths given to
`clean_warcs` are opened by the executors, so on a cluster they must be readable
there (a shared or mounted filesystem). Both take the CLI's limits as keywords
(`max_bytes`, `max_decompressed_bytes`, `max_nodes`; see `cleaner.limits`): a document
past one is an error row.
"""

from __future__ import annotations

import itertools
import json
from functools import partial
from typing import Any, Iterable, Iterator

try:
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql.types import StringType, StructField, StructType
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    raise ImportError("cleaner.spark needs pyspark: pip install 'cleaner[spark]'") from exc

from .records import clean_records
from .errors import CleanerError
from .limits import Limits
from .ruleset import RuleSet
from .sources import iter_warc

WARC_COLUMNS = ("url", "warc_record_id", "warc_date", "text", "title", "manifest", "error")
WARC_SCHEMA = StructType([StructField(name, StringType(), nullable=True) for name in WARC_COLUMNS])
CLEAN_COLUMNS = ("text", "title", "manifest", "error")


def warc_row(record: dict[str, Any]) -> tuple[str | None, ...]:
    """One output record of `clean_records` as a row of `clean_warcs`."""
    source = record.get("source") or {}
    result = record.get("result")
    return (record.get("url"), source.get("record_id"), source.get("date"),
            result["text"] if result else None, result["title"] if result else None,
            json.dumps(result, ensure_ascii=False) if result else None, record.get("error"))


def _warc_partition(paths: Iterable[str], rules: RuleSet | None, limits: Limits) -> Iterator[tuple[str | None, ...]]:
    for path in paths:
        try:  # a missing or unreadable file raises InputError when iter_warc opens it
            for record in clean_records(iter_warc(path, limits=limits), rules, max_bytes=limits.max_bytes,
                                        max_nodes=limits.max_nodes):
                yield warc_row(record)
        except CleanerError as exc:
            yield warc_row({"source": {"path": path}, "error": str(exc)})


def clean_warcs(spark: SparkSession, paths: Iterable[str], rules: RuleSet | None = None, *,
                partitions: int | None = None, max_bytes: int | None = None,
                max_decompressed_bytes: int | None = None, max_nodes: int | None = None) -> DataFrame:
    """Clean every HTML or text record of these WARC/ARC files into a DataFrame.

    Columns: `url`, `warc_record_id`, `warc_date`, `text`, `title`, `manifest` (the
    `cleaner/1` JSON of the document) and `error` (None, or why the record failed;
    a damaged archive ends with an error row). One partition per file unless
    `partitions` is given; records keep their order within each file.
    """
    limits = Limits.of(max_bytes, max_decompressed_bytes, max_nodes)
    paths = [str(p) for p in paths]
    if not paths:
        return spark.createDataFrame([], WARC_SCHEMA)
    rdd = spark.sparkContext.parallelize(paths, partitions or len(paths))
    return spark.createDataFrame(rdd.mapPartitions(partial(_warc_partition, rules=rules, limits=limits)), WARC_SCHEMA)


def _column_partition(rows: Iterable[Any], column: str, kind: str, url_column: str | None,
                      rules: RuleSet | None, limits: Limits) -> Iterator[tuple[Any, ...]]:
    field = "html" if kind == "html" else "text"
    ahead, behind = itertools.tee(rows)  # clean_records yields one record per row, so tee holds one row

    def records() -> Iterator[dict[str, Any]]:
        for row in behind:
            value = row[column]
            record: dict[str, Any] = {field: value, "url": row[url_column] if url_column else None}
            if value is None:
                record["error"] = f"column {column!r} is null"
            yield record

    for row, out in zip(ahead, clean_records(records(), rules, kind=kind, max_bytes=limits.max_bytes,
                                             max_nodes=limits.max_nodes)):
        result = out["result"]
        yield tuple(row) + (result["text"] if result else None, result["title"] if result else None,
                            json.dumps(result, ensure_ascii=False) if result else None, out["error"])


def clean_column(df: DataFrame, column: str, kind: str = "html", url_column: str | None = None,
                 rules: RuleSet | None = None, *, prefix: str = "clean_", max_bytes: int | None = None,
                 max_nodes: int | None = None) -> DataFrame:
    """`df` plus `clean_text`, `clean_title`, `clean_manifest` and `clean_error` for the documents in `column`.

    `kind` is "html" or "text"; `url_column` names a column with each page's URL
    (for site rules and links). Rows keep their order; a null or failing document
    gives null results and its `clean_error`.
    """
    if kind not in ("html", "text"):
        raise ValueError(f"kind must be html or text, not {kind!r}")
    limits = Limits.of(max_bytes, max_nodes=max_nodes)
    for name in (column,) + ((url_column,) if url_column else ()):
        if name not in df.columns:
            raise ValueError(f"no column {name!r} in the DataFrame (columns: {', '.join(df.columns)})")
    added = [prefix + name for name in CLEAN_COLUMNS]
    clash = sorted(set(added) & set(df.columns))
    if clash:
        raise ValueError(f"the DataFrame already has {', '.join(clash)}; pass another prefix=")
    schema = StructType(list(df.schema.fields) + [StructField(name, StringType(), True) for name in added])
    rows = df.rdd.mapPartitions(partial(_column_partition, column=column, kind=kind, url_column=url_column,
                                        rules=rules, limits=limits))
    return df.sparkSession.createDataFrame(rows, schema)
