"""Every output validates against the JSON Schema shipped inside the package."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

import cleaner

from conftest import FIXTURES, case_input, case_options, golden_cases

SCHEMA = json.loads(resources.files("cleaner").joinpath("schema.json").read_text(encoding="utf-8"))


def test_schema_is_valid() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("folder", golden_cases(), ids=lambda f: str(f.relative_to(FIXTURES)))
def test_fixture_outputs_validate(folder) -> None:  # type: ignore[no-untyped-def]
    result = cleaner.clean(case_input(folder).read_bytes(), **case_options(folder))
    jsonschema.validate(json.loads(result.to_json()), SCHEMA)


def test_schema_rejects_a_wrong_shape() -> None:
    data = json.loads(cleaner.clean("Hello world.").to_json())
    data["images"] = [{"position": -1}]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, SCHEMA)
