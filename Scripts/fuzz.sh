#!/usr/bin/env bash
# Fuzzes the verifier with libFuzzer (shipped with the Swift toolchain) and AddressSanitizer.
#   Scripts/fuzz.sh [SECONDS]     (default 60)
# Seeds come from the bundled vectors; findings land in fuzz-artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
out=.build/fuzz
mkdir -p "$out/corpus" fuzz-artifacts
find Vectors Examples -type f \( -name '*.json' -o -name '*.ndjson' -o -name '*.txt' -o -name '*.ocmf' \) \
    -size -64k -exec cp {} "$out/corpus/" \; 2>/dev/null || true
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Eichrecht \
    -I Sources/COpenSSL -lcrypto \
    $(find Sources/Eichrecht -name '*.swift') Fuzz/FuzzVerifier.swift -o "$out/verifier"
"$out/verifier" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
    -artifact_prefix=fuzz-artifacts/ "$out/corpus"
