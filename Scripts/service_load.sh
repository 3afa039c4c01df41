#!/usr/bin/env bash
# Load test of eichrecht-server on loopback with wrk, bounded in time.
#
#   Scripts/service_load.sh [SECONDS]          each wrk run lasts SECONDS (default 20)
#   SOAK_MINUTES=N Scripts/service_load.sh     also a soak: single-CDR load for N minutes, RSS
#                                               after 1 minute against RSS after N minutes
#
# Measures: requests/s and p50/p99 latency of single-CDR requests at 16 connections; CDRs/s of
# 1,000-CDR NDJSON bodies, against the CLI's all-core throughput on the same corpus; the server's
# peak RSS. Builds release binaries; starts and stops the server itself. Traffic goes to
# 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-20}"
soak="${SOAK_MINUTES:-0}"
# SOAK_ONLY=1: only the soak (with SOAK_MINUTES), none of the other runs.
soak_only="${SOAK_ONLY:-0}"
connections=16
threads=2

command -v wrk >/dev/null || {
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk >/dev/null; else sudo apt-get install -y -qq wrk >/dev/null; fi
}

# BIN=DIR: binaries built already (eichrecht-server and eichrecht in DIR), no build.
if [ -n "${BIN:-}" ]; then
    bin="$BIN"
else
    swift build -c release --product eichrecht-server >/dev/null
    swift build -c release --product eichrecht >/dev/null
    bin="$(swift build -c release --show-bin-path)"
fi
work="$(mktemp -d)"
port="${PORT:-18081}"
"$bin/eichrecht-server" --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break; sleep 0.1; done

# The corpus: 1,000 CDRs of the generated OCMF vectors (every verdict), ids made unique, as NDJSON.
python3 - "$work/corpus.ndjson" <<'PY'
import glob, json, sys
cdrs = []
for path in sorted(glob.glob("Vectors/generated-ocmf/cdrs/*.json")) + sorted(glob.glob("Examples/*.json")):
    try:
        value = json.load(open(path))
    except Exception:
        continue
    if isinstance(value, dict) and "signed_data" in value:
        cdrs.append(value)
with open(sys.argv[1], "w") as out:
    for n in range(1000):
        cdr = dict(cdrs[n % len(cdrs)])
        cdr["id"] = f"load-{n:04d}"
        out.write(json.dumps(cdr, separators=(",", ":")) + "\n")
PY

cat >"$work/post.lua" <<'LUA'
local path = os.getenv("BODY")
local file = assert(io.open(path, "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "application/x-ndjson"
LUA

units() { curl -fs "http://127.0.0.1:$port/metrics" | awk '/^eichrecht_units_total/ {n += $2} END {printf "%d", n}'; }
rss() { awk '/^VmRSS/ {print $2 " kB"}' "/proc/$server/status"; }
peak() { awk '/^VmHWM/ {print $2 " kB"}' "/proc/$server/status"; }

if [ "$soak_only" -eq 0 ]; then
echo "== single CDR (Examples/cdr-ocmf.json), $connections connections, ${seconds}s"
BODY="$PWD/Examples/cdr-ocmf.json" wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency \
    -s "$work/post.lua" "http://127.0.0.1:$port/v1/verify" | tee "$work/single.txt"
echo "RSS after: $(rss), peak: $(peak)"

echo
echo "== 1,000-CDR NDJSON bodies, 2 connections, against the CLI (all cores) on the same corpus"
# Three rounds, the service and the CLI in turn for ${seconds}s each, so that a busy or throttled
# machine weighs on both alike.
service_total=0
cli_total=0
for round in 1 2 3; do
    # CDRs answered, from the server's own count: bodies still in work when wrk stops count too.
    before=$(units)
    start=$(date +%s.%N)
    BODY="$work/corpus.ndjson" wrk -t1 -c2 -d"${seconds}s" --timeout 60s --latency \
        -s "$work/post.lua" "http://127.0.0.1:$port/v1/verify" >"$work/bulk.txt"
    rate=$(python3 -c "print(round(($(units) - $before) / ($(date +%s.%N) - $start)))")
    p50=$(awk '$1 == "50%" {print $2}' "$work/bulk.txt")
    cli=$(python3 - "$bin/eichrecht" "$work/corpus.ndjson" "$seconds" <<'PY'
import subprocess, sys, time
start = time.perf_counter()
runs = 0
while time.perf_counter() - start < float(sys.argv[3]):
    subprocess.run([sys.argv[1], "verify", "--format", "json", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    runs += 1
print(round(runs * 1000 / (time.perf_counter() - start)))
PY
)
    echo "round $round: service $rate CDRs/s (p50 $p50 a body), CLI $cli CDRs/s"
    service_total=$((service_total + rate))
    cli_total=$((cli_total + cli))
done
echo "service: $((service_total / 3)) CDRs/s, CLI: $((cli_total / 3)) CDRs/s, service/CLI: $(python3 -c "print(f'{$service_total * 100 / $cli_total:.0f}%')")"
echo "RSS after: $(rss), peak: $(peak)"
fi

if [ "$soak" -gt 0 ]; then
    echo
    echo "== soak: single-CDR load for $soak minute(s)"
    BODY="$PWD/Examples/cdr-ocmf.json" wrk -t"$threads" -c"$connections" -d"$((soak * 60))s" \
        -s "$work/post.lua" "http://127.0.0.1:$port/v1/verify" >"$work/soak.txt" &
    load=$!
    for minute in $(seq 1 "$soak"); do
        sleep 60
        echo "RSS after $minute minute(s): $(rss)"
        if [ "$minute" -eq 1 ]; then first=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status"); fi
    done
    wait "$load"
    last=$(awk '/^VmRSS/ {print $2}' "/proc/$server/status")
    echo "RSS after $soak minute(s): $(rss), peak: $(peak); change since minute 1: $(python3 -c "print(f'{($last - $first) * 100 / $first:+.1f}%')")"
    grep -E "Requests/sec|requests in|Non-2xx|Socket errors" "$work/soak.txt" || true
fi
curl -fs "http://127.0.0.1:$port/metrics" | grep -E '^eichrecht_units_total|^eichrecht_http_requests_total' || true
