#!/usr/bin/env bash
# Runs schemathesis against a running eichrecht-server with Docs/openapi.yaml: every route, with
# generated and example bodies and query options; fails on a 5xx or an answer outside the schema.
#
#   [CONFIG=debug] Scripts/service_schemathesis.sh [MAX_EXAMPLES]     (default 200 per operation)
#
# Builds and starts the server on a free loopback port itself, and stops it at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
examples="${1:-200}"

if ! command -v schemathesis >/dev/null 2>&1 && ! python3 -m schemathesis.cli --version >/dev/null 2>&1; then
    python3 -m pip install --quiet schemathesis
fi
st() { if command -v schemathesis >/dev/null 2>&1; then schemathesis "$@"; else python3 -m schemathesis.cli "$@"; fi; }

config="${CONFIG:-release}"   # CONFIG=debug reuses the build of `swift test`
swift build -c "$config" --product eichrecht-server >/dev/null
bin="$(swift build -c "$config" --show-bin-path)/eichrecht-server"
port="${PORT:-18080}"
log="$(mktemp)"
"$bin" --port "$port" --request-timeout 30 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
    curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    sleep 0.1
done

# not_a_server_error: no 5xx; response_schema_conformance / content_type_conformance /
# status_code_conformance: every answer is one the document describes.
set +e
export SCHEMATHESIS_HOOKS=schemathesis_hooks
export PYTHONPATH="$PWD/Scripts${PYTHONPATH:+:$PYTHONPATH}"
st --no-color run Docs/openapi.yaml --url "http://127.0.0.1:$port" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$examples" --workers 2 "${@:2}"
status=$?
set -e

kill -0 "$server" 2>/dev/null || { echo "the server is no longer running"; exit 1; }
exit "$status"
