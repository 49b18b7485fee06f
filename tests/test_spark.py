"""The Spark adapter against the serial CLI: same records, same order, same errors.

Starts a local Spark (`local[2]`); needs pyspark and Java, both in CI.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

pyspark = pytest.importorskip("pyspark", reason="pyspark is not installed: the spark extra has it "
                                                 "(the README's test command, pip install '.[test,spark]')")
pytest.importorskip("warcio")

from cleaner.cli import main  # noqa: E402
from cleaner.spark import WARC_COLUMNS, clean_column, clean_warcs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("make_warc", ROOT / "fixtures" / "batch" / "make_warc.py")
make_warc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_warc)  # type: ignore[union-attr]

ARTICLE = "Headline {n}\n\nFirst paragraph of story {n}.\n\nADVERTISEMENT\n\nSecond paragraph of story {n}.\n"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    saved = {name: os.environ.get(name) for name in ("PYSPARK_PYTHON", "PYTHONPATH")}
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)  # workers run this Python, which has cleaner
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), saved["PYTHONPATH"]]))
    session = (SparkSession.builder.master("local[2]").appName("cleaner-tests")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
               .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
               .getOrCreate())
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()
    for name, value in saved.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


@pytest.fixture(scope="module")
def warcs(tmp_path_factory) -> list[str]:
    folder = tmp_path_factory.mktemp("warcs")
    first = [{"uri": f"https://example.org/{n}", "body": ARTICLE.format(n=n), "content_type": "text/plain",
              "record_id": f"<urn:uuid:a{n}>"} for n in range(1, 5)]
    first.append({"uri": "https://example.org/bad", "body": b"not http\r\n\r\nx", "broken_http": True,
                  "record_id": "<urn:uuid:bad>"})
    first.append({"uri": "https://example.org/logo.png", "body": b"\x89PNG" + bytes(20), "content_type": "image/png"})
    second = [{"uri": f"https://example.net/{n}", "body": ARTICLE.format(n=n), "content_type": "text/plain",
               "record_id": f"<urn:uuid:b{n}>"} for n in range(5, 9)]
    paths = [folder / "one.warc.gz", folder / "two.warc.gz"]
    paths[0].write_bytes(make_warc.warc_bytes(first))
    full = make_warc.warc_bytes(second)
    paths[1].write_bytes(full[: len(full) - 60])  # truncated: the last record is cut short
    return [str(p) for p in paths]


def cli_records(paths: list[str], capsys) -> list[dict]:
    assert main(["clean", *paths, "-f", "jsonl", "-j", "1", "-q"]) == 1  # the broken and cut records fail
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_clean_warcs_equals_the_serial_cli(spark, warcs, capsys):
    expected = cli_records(warcs, capsys)
    df = clean_warcs(spark, warcs)
    assert tuple(df.columns) == WARC_COLUMNS
    rows = [row.asDict() for row in df.collect()]
    assert len(rows) == len(expected) == 9
    for row, record in zip(rows, expected):
        assert row["url"] == record["url"]
        assert row["warc_record_id"] == record["source"]["record_id"]
        assert row["warc_date"] == record["source"]["date"]
        assert row["error"] == record["error"]
        if record["result"] is None:
            assert row["text"] is row["manifest"] is None
        else:
            assert json.loads(row["manifest"]) == record["result"]
            assert row["text"] == record["result"]["text"] and row["title"] == record["result"]["title"]
    assert "broken HTTP header" in rows[4]["error"] and "cut short" in rows[8]["error"]


def test_clean_warcs_reports_a_missing_file_as_an_error_row(spark, tmp_path):
    rows = clean_warcs(spark, [str(tmp_path / "missing.warc.gz")]).collect()
    assert len(rows) == 1 and "no such file" in rows[0]["error"]


def test_clean_column_adds_results_and_keeps_rows(spark):
    from cleaner import clean

    data = [(1, ARTICLE.format(n=1), "https://example.org/1"), (2, None, None), (3, ARTICLE.format(n=3), None)]
    df = spark.createDataFrame(data, "id INT, body STRING, link STRING").repartition(1)
    out = clean_column(df, "body", kind="text", url_column="link").orderBy("id").collect()
    assert [r["id"] for r in out] == [1, 2, 3]
    assert out[0]["clean_text"] == clean(ARTICLE.format(n=1), kind="text").text
    assert json.loads(out[0]["clean_manifest"])["source"]["url"] == "https://example.org/1"
    assert out[1]["clean_text"] is None and "is null" in out[1]["clean_error"]
    assert out[2]["clean_error"] is None and out[2]["body"] == ARTICLE.format(n=3)


def test_clean_column_checks_its_arguments(spark):
    df = spark.createDataFrame([(1, "x")], "id INT, clean_text STRING")
    with pytest.raises(ValueError, match="no column 'html'"):
        clean_column(df, "html")
    with pytest.raises(ValueError, match="already has clean_text"):
        clean_column(df, "clean_text", kind="text")


def test_spark_takes_the_limits_of_the_cli(spark, warcs, capsys):
    """`clean_warcs` and `clean_column` take the CLI's limit options: a document past one is an error row."""
    assert main(["clean", *warcs, "-f", "jsonl", "-j", "1", "-q", "--max-bytes", "50"]) == 1
    expected = [json.loads(line)["error"] for line in capsys.readouterr().out.splitlines()]
    rows = clean_warcs(spark, warcs, max_bytes=50).collect()
    assert [row["error"] for row in rows] == expected and "past --max-bytes 50 bytes" in rows[0]["error"]
    page = "<html><body>" + "<p>x</p>" * 30 + "</body></html>"
    df = spark.createDataFrame([(1, page)], "id INT, html STRING")
    (row,) = clean_column(df, "html", max_nodes=20).collect()
    assert row["clean_text"] is None and "the page has 32 elements, past --max-nodes 20" in row["clean_error"]
