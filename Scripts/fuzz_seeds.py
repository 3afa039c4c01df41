#!/usr/bin/env python3
"""Seeds for Scripts/fuzz.sh: every vector file under the given folders (all types, at most
MAX bytes), named by content hash so equal names in different folders do not overwrite each other.

  fuzz_seeds.py verifier OUT DIR...   every file as it is
  fuzz_seeds.py sml OUT DIR...        the unescaped message bytes of every SML telegram found (binary
                                      or hex text), the input the SML harness seals
"""
import hashlib, os, re, sys

MAX = 65536
ESC = b"\x1b\x1b\x1b\x1b"


def files(dirs):
    for top in dirs:
        for root, _, names in os.walk(top):
            for name in names:
                path = os.path.join(root, name)
                if os.path.getsize(path) <= MAX:
                    yield path


def telegrams(data):
    """SML files in a vector: the bytes themselves, or hex text (also inside XML or JSON)."""
    if data.startswith(ESC + b"\x01\x01\x01\x01"):
        yield data
    for match in re.finditer(rb"1b1b1b1b01010101[0-9a-fA-F]+", data, re.IGNORECASE):
        text = match.group(0)
        yield bytes.fromhex(text[: len(text) // 2 * 2].decode())


def payload(telegram):
    """The messages of an SML file, unescaped, without padding (as far as the frame is intact)."""
    out, i = bytearray(), 8
    while i + 4 <= len(telegram):
        block = telegram[i : i + 4]
        if block == ESC:
            if telegram[i + 4 : i + 8] == ESC:
                out += ESC
                i += 8
                continue
            if telegram[i + 4 : i + 5] == b"\x1a" and i + 6 <= len(telegram):
                padding = telegram[i + 5]
                return bytes(out[: len(out) - padding] if padding <= 3 else out)
            break
        out += block
        i += 4
    return bytes(out)


def main():
    mode, out, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    os.makedirs(out, exist_ok=True)
    count = 0
    for path in files(dirs):
        with open(path, "rb") as handle:
            data = handle.read()
        seeds = [data] if mode == "verifier" else [payload(t) for t in telegrams(data)]
        for seed in seeds:
            if seed:
                name = hashlib.sha1(seed).hexdigest()[:20]
                with open(os.path.join(out, name), "wb") as handle:
                    handle.write(seed)
                count += 1
    print(f"{count} seeds in {out}")


if __name__ == "__main__":
    main()
