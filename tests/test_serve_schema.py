"""schemathesis against the API's own OpenAPI schema: generated requests to every operation, valid
and not, never get a server error (5xx). Skipped when schemathesis is not installed."""

from __future__ import annotations

import os
import tempfile
import warnings

import pytest

import serve_store

schemathesis = pytest.importorskip("schemathesis")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402

from chronicle.serve import create_app  # noqa: E402

warnings.filterwarnings("ignore", message=".*httpx.*")


_FOLDER = tempfile.mkdtemp(prefix="chronicle-schema-")
# public: schemathesis' test client is no loopback address; uploads still need the token
APP = create_app(serve_store.build(os.path.join(_FOLDER, "schema.db")), public=True, token="s3cret",
                 uploads=os.path.join(_FOLDER, "uploads"))
schema = schemathesis.openapi.from_asgi("/openapi.json", APP)


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_generated_request_gets_a_server_error(case):
    case.call_and_validate(checks=[not_a_server_error])
