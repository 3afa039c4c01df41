#!/usr/bin/env bash
# Measures the verifier on 10,000 signed P-256 CDRs next to `openssl speed` on the same machine.
# Prints figures only; nothing here passes or fails.
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-.build/bench/cdrs-10000.ndjson}
if [ ! -f "$file" ]; then
    mkdir -p "$(dirname "$file")"
    echo "generating $file (signing 20,000 records with the openssl CLI, about a minute)"
    python3 Scripts/generate_ocmf_vectors.py --bench 10000 "$file" >/dev/null
fi
swift build -c release --product eichrecht-bench >/dev/null
swift build -c release --product eichrecht >/dev/null
echo "== eichrecht-bench"
.build/release/eichrecht-bench "$file"
echo "== eichrecht verify --format json (end to end, the CLI)"
count=$(grep -c . "$file")
start=$(date +%s.%N)
.build/release/eichrecht verify --format json "$file" >/dev/null || true
end=$(date +%s.%N)
python3 -c "n=$count; t=$end-$start; print(f'{n/t:.0f} CDRs/s ({t:.2f} s for {n})')"
if command -v /usr/bin/time >/dev/null; then
    # Streaming keeps memory flat: the peak should not grow with the number of CDRs.
    for n in 1000 $count; do
        head -n "$n" "$file" >"$file.head"
        /usr/bin/time -f "peak memory for $n CDRs: %M KiB" .build/release/eichrecht verify --format json "$file.head" \
            2>&1 >/dev/null | tail -1
    done
    rm -f "$file.head"
fi
echo "== openssl speed ecdsap256 (one thread)"
openssl speed -seconds 3 ecdsap256 2>/dev/null | tail -2
