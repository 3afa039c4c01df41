#!/usr/bin/env bash
# Speed figures of the verifier, printed in one run; nothing here passes or fails (speed is asserted
# nowhere). See Docs/Performance.md for what each figure means and the figures of the last run.
#
#   Scripts/benchmark.sh [CURVE ...]     default: secp256r1 secp192k1 brainpool256r1
#
# Per curve, on realistic OCPI CDRs of two OCMF records each (made by the shared perf tools'
# make_corpus.py, cached in $PERF_CACHE, default .build/perf-corpora):
#   - raw ECDSA verifications per second through our crypto layer (eichrecht-bench, one thread) and
#     through OpenSSL's EVP_DigestVerify alone (the shared rawverify.c, the ceiling)
#   - CDRs per second of `eichrecht verify --format json`, --jobs 1 and all cores, from a file
#   - e2e/raw: the time of one CDR (--jobs 1) against the time of two rawverify.c verifies
#     (1.00 = nothing but the signatures costs anything)
#   - instructions per CDR (callgrind, when valgrind is installed; ../shared/tools/perf/instructions.sh)
#   - pyocmf 0.6.0 records per second on the same records (when the Python package is installed)
# Then: cold start for one CDR, and peak memory while $STREAM_CDRS CDRs (default 1,000,000) stream
# through a pipe (set STREAM_CDRS=0 to skip; it takes minutes).
set -euo pipefail
cd "$(dirname "$0")/.."
PERF=${PERF_TOOLS:-../shared/tools/perf}
CACHE=${PERF_CACHE:-$(pwd)/.build/perf-corpora}
STREAM_CDRS=${STREAM_CDRS:-1000000}
curves=("$@")
[ ${#curves[@]} -gt 0 ] || curves=(secp256r1 secp192k1 brainpool256r1)
[ -f "$PERF/make_corpus.py" ] || { echo "needs $PERF (make_corpus.py, rawverify.c, instructions.sh)"; exit 2; }
mkdir -p "$CACHE"
swift build -c release --product eichrecht >/dev/null
swift build -c release --product eichrecht-bench >/dev/null
BIN="$(swift build -c release --show-bin-path)"
T="$(mktemp -d)"
trap 'rm -rf "$T"' EXIT
cc -O2 "$PERF/rawverify.c" -o "$T/rawverify" -lcrypto

# Runs a command, its output into $T/out; prints its wall and CPU (user + system) seconds.
timed() {
    python3 - "$T/out" "$@" <<'PY'
import resource, subprocess, sys, time
start = time.monotonic()
with open(sys.argv[1], "wb") as out:
    subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(f"{wall} {usage.ru_utime + usage.ru_stime}")
PY
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "openssl: $(openssl version)"
for curve in "${curves[@]}"; do
    n=2000
    [ "$curve" = secp256r1 ] && n=10000
    dir=$(python3 "$PERF/make_corpus.py" --curve "$curve" --n "$n" --cache "$CACHE" \
        | python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["dir"])')
    corpus="$dir/corpus.ndjson"
    echo "== $curve ($n CDRs, two OCMF records each)"
    head -n 1000 "$corpus" >"$T/bench.ndjson"
    raw=$("$BIN/eichrecht-bench" "$T/bench.ndjson" | sed -n 's/^ECDSA .* verify (one thread): \([0-9]*\)\/s.*/\1/p')
    read -r _ rawCPU < <(timed "$T/rawverify" "$dir/raw.spki.der" "$dir/raw.msg" "$dir/raw.sig.der" 3)
    # verifies per CPU second (its 200 warm-up verifies included), so that a busy machine does not count
    ceiling=$(python3 -c "import re; v = int(re.search(r'verifies=(\d+)', open('$T/out').read()).group(1)); print(round((v + 200) / $rawCPU))")
    echo "raw ECDSA verify, one thread: $raw/s through our crypto layer, $ceiling per CPU second EVP_DigestVerify (rawverify.c)"
    read -r wall1 cpu1 < <(timed "$BIN/eichrecht" verify --format json --jobs 1 "$corpus")
    read -r wallN cpuN < <(timed "$BIN/eichrecht" verify --format json "$corpus")
    python3 -c "
n, w1, c1, wn, cn, ceiling, cores = $n, $wall1, $cpu1, $wallN, $cpuN, $ceiling, $(nproc)
print(f'CLI end to end, --jobs 1: {n / w1:.0f} CDRs/s wall, {n / c1:.0f} CDRs per CPU second')
print(f'CLI end to end, all {cores} cores: {n / wn:.0f} CDRs/s wall ({w1 / wn:.2f}x --jobs 1)')
print(f'e2e/raw, --jobs 1 (CPU time per CDR / CPU time of two rawverify.c verifies): {ceiling * c1 / (2 * n):.2f}')"
    if command -v valgrind >/dev/null; then
        # (callgrind on a busy machine can leave the short rawverify runs too short to compare)
        PERF_CACHE="$CACHE" bash "$PERF/instructions.sh" "$curve" 2>/dev/null | tail -1 || echo "instructions: failed"
    else
        echo "instructions: valgrind is not installed"
    fi
    if python3 -c 'import pyocmf' 2>/dev/null; then
        python3 - "$dir/records.json" "$n" "$cpu1" <<'PY'
import json, sys, time
from pyocmf import OCMF
data = json.load(open(sys.argv[1]))
ours = 2 * int(sys.argv[2]) / float(sys.argv[3])  # records per CPU second of the CLI, --jobs 1
records = data["records"][:1000]
if data["pyocmf_sa"] != data["sa"]:  # the SA is not signed; pyocmf knows only the device spelling
    records = [r.replace(data["sa"], data["pyocmf_sa"]) for r in records]
valid = 0
try:
    OCMF.from_string(records[0]).verify_signature(data["public_key_hex"])  # warm-up
    start = time.process_time()
    for record in records:
        valid += bool(OCMF.from_string(record).verify_signature(data["public_key_hex"]))
except Exception as error:  # pyocmf 0.6.0 cannot verify some curves (secp192k1)
    print(f"pyocmf: cannot verify {data['curve']}: {str(error)[:100]}")
    sys.exit(0)
per = len(records) / (time.process_time() - start)
print(f"pyocmf 0.6.0: {per:.0f} records per CPU second ({valid} of {len(records)} valid); eichrecht --jobs 1: {ours:.0f} = {ours / per:.2f}x per core")
PY
    else
        echo "pyocmf: not installed (pip install pyocmf==0.6.0)"
    fi
done

dir=$(python3 "$PERF/make_corpus.py" --curve secp256r1 --n 10000 --cache "$CACHE" \
    | python3 -c 'import json, sys; print(json.loads(sys.stdin.read())["dir"])')
python3 - "$BIN/eichrecht" "$dir/one-cdr.json" <<'PY'
import subprocess, sys, time
times = []
for _ in range(20):
    start = time.monotonic()
    subprocess.run([sys.argv[1], "verify", "--format", "json", sys.argv[2]], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.monotonic() - start)
times.sort()
print(f"cold start, one CDR (process start to exit, best / median of 20): {times[0] * 1000:.1f} / {times[10] * 1000:.1f} ms")
PY
if [ "$STREAM_CDRS" -gt 0 ] && [ -x /usr/bin/time ]; then
    repeats=$(((STREAM_CDRS + 9999) / 10000))
    s=$(date +%s.%N)
    for _ in $(seq "$repeats"); do cat "$dir/corpus.ndjson"; done \
        | /usr/bin/time -v "$BIN/eichrecht" verify --format json - 2>"$T/time" | wc -l >"$T/lines" || true
    e=$(date +%s.%N)
    python3 -c "
import re
text = open('$T/time').read()
kb = int(re.search(r'Maximum resident set size \(kbytes\): (\d+)', text).group(1))
lines = int(open('$T/lines').read())
print(f'streamed {lines} CDRs through a pipe (all cores): peak RSS {kb / 1024:.0f} MB, {lines / ($e - $s):.0f} CDRs/s')"
fi
