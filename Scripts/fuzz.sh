#!/usr/bin/env bash
# Fuzzes the library with libFuzzer (shipped with the Swift toolchain) and AddressSanitizer.
#   Scripts/fuzz.sh [SECONDS] [HARNESS]     (default 60 s, harness "verifier")
# Harnesses (Fuzz/Fuzz<Name>.swift, each its own binary, sharing Fuzz/FuzzSupport.swift and the C
# entry point Fuzz/FuzzEntry.c):
#   verifier  any bytes as a whole input document, every writer, the S.A.F.E. export, the decoders
#   sml       SML message bytes sealed with correct CRC-16/X-25 checksums, so mutations reach the
#             EDL40 / ISA value decoding behind the transport check
# One process, one worker (libFuzzer's default; -jobs would move the output into fuzz-N.log).
# Seeds come from every vector under Vectors/ and Examples/ (all file types, at most 64 KiB each);
# findings land in fuzz-artifacts/<harness>/ and make the script exit non-zero.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
harness=${2:-verifier}
case "$harness" in
    verifier) source=Fuzz/FuzzVerifier.swift; dict=() ;;
    sml) source=Fuzz/FuzzSML.swift; dict=(-dict=Fuzz/sml.dict) ;;
    *) echo "unknown harness $harness (verifier, sml)" >&2; exit 2 ;;
esac
out=.build/fuzz
mkdir -p "$out" "fuzz-artifacts/$harness"
python3 Scripts/fuzz_seeds.py "$harness" "$out/seeds-$harness" Vectors Examples
mkdir -p "$out/corpus-$harness"
# libFuzzer calls the C entry point, which hands the bytes to Swift as values (Fuzz/FuzzEntry.c).
clang -O1 -fsanitize=fuzzer-no-link,address -c Fuzz/FuzzEntry.c -o "$out/entry.o"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Eichrecht \
    -I Sources/COpenSSL -lcrypto \
    $(find Sources/Eichrecht -name '*.swift') Fuzz/FuzzSupport.swift "$source" "$out/entry.o" -o "$out/$harness"
# The first directory collects what the run finds; the seeds stay as they are.
"$out/$harness" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 "${dict[@]}" -artifact_prefix="fuzz-artifacts/$harness/" "$out/corpus-$harness" "$out/seeds-$harness"
