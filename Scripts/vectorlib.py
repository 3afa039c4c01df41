"""Helpers shared by the vector generators: the openssl CLI, DER signatures, exact JSON.

Every key and signature in the generated vectors comes from the `openssl` command-line tool; this
module only runs it and converts between signature encodings. Python standard library only.
"""

import json
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path


class Raw(str):
    """A JSON number written exactly as given (e.g. "2935.600"), never through float."""


def dumps(v, indent=None, _lvl=0):
    """JSON text with exact number lexemes (Raw, Decimal, int); floats are refused.
    `indent=None` (or 0) writes compact JSON."""
    if isinstance(v, Raw):
        return str(v)
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, float):
        raise TypeError("floats are not allowed, use Raw")
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        if not indent:
            return "[" + ",".join(dumps(x) for x in v) + "]"
        pad = " " * (indent * (_lvl + 1))
        return "[\n" + ",\n".join(pad + dumps(x, indent, _lvl + 1) for x in v) + "\n" + " " * (indent * _lvl) + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        if not indent:
            return "{" + ",".join(json.dumps(k) + ":" + dumps(x) for k, x in v.items()) + "}"
        pad = " " * (indent * (_lvl + 1))
        return ("{\n" + ",\n".join(pad + json.dumps(k) + ": " + dumps(x, indent, _lvl + 1) for k, x in v.items())
                + "\n" + " " * (indent * _lvl) + "}")
    raise TypeError(type(v))


def openssl(*args, data=None, check=True):
    """Runs `openssl ARGS` and returns the CompletedProcess (stdout as bytes)."""
    p = subprocess.run(["openssl", *args], input=data, capture_output=True)
    if check and p.returncode != 0:
        raise RuntimeError("openssl %s failed: %s" % (" ".join(args), p.stderr.decode(errors="replace")))
    return p


_ORDER_CACHE = {}


def curve_order(curve):
    """The group order n of a named curve, read from `openssl ecparam`."""
    if curve not in _ORDER_CACHE:
        txt = openssl("ecparam", "-name", curve, "-param_enc", "explicit", "-text", "-noout").stdout.decode()
        lines = txt.splitlines()
        i = next(k for k, l in enumerate(lines) if l.strip().startswith("Order:"))
        hexpart = lines[i].split(":", 1)[1].strip()
        for l in lines[i + 1:]:
            if not l[:1].isspace():
                break
            hexpart += l.strip()
        _ORDER_CACHE[curve] = int(hexpart.replace(":", ""), 16)
    return _ORDER_CACHE[curve]


def openssl_verify(pub_pem_path, sig_der, message):
    """Whether `openssl dgst -sha256 -verify` accepts the DER signature over the message."""
    with tempfile.TemporaryDirectory() as d:
        s = Path(d) / "sig.der"
        m = Path(d) / "msg.bin"
        s.write_bytes(sig_der)
        m.write_bytes(message)
        p = openssl("dgst", "-sha256", "-verify", str(pub_pem_path), "-signature", str(s), str(m), check=False)
        return p.returncode == 0 and b"Verified OK" in p.stdout


def der_len(n):
    if n < 0x80:
        return bytes([n])
    b = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(b)]) + b


def der_tlv(tag, content):
    return bytes([tag]) + der_len(len(content)) + content


def der_int_content(i):
    b = i.to_bytes(max(1, (i.bit_length() + 7) // 8), "big")
    if b[0] & 0x80:
        b = b"\x00" + b
    return b


def der_read(buf, pos):
    """One DER element at pos -> (tag, content, next_pos); raises ValueError."""
    if pos + 2 > len(buf):
        raise ValueError("short")
    tag = buf[pos]
    l = buf[pos + 1]
    pos += 2
    if l & 0x80:
        k = l & 0x7F
        if k == 0 or k > 4 or pos + k > len(buf):
            raise ValueError("bad length")
        l = int.from_bytes(buf[pos:pos + k], "big")
        pos += k
    if pos + l > len(buf):
        raise ValueError("overrun")
    return tag, buf[pos:pos + l], pos + l


def sig_from_der(der, lenient=False):
    """ECDSA-Sig-Value -> (r, s) as integers; strict DER unless `lenient`."""
    tag, body, end = der_read(der, 0)
    if tag != 0x30 or end != len(der):
        raise ValueError("not a SEQUENCE")
    t1, r, p = der_read(body, 0)
    t2, s, p = der_read(body, p)
    if t1 != 2 or t2 != 2 or p != len(body):
        raise ValueError("not two INTEGERs")
    if not lenient:
        for x in (r, s):
            if x[0] & 0x80 or (len(x) > 1 and x[0] == 0 and not x[1] & 0x80):
                raise ValueError("non-canonical INTEGER")
    return int.from_bytes(r, "big"), int.from_bytes(s, "big")


def sig_to_der(r, s):
    """(r, s) -> canonical DER ECDSA-Sig-Value."""
    return der_tlv(0x30, der_tlv(0x02, der_int_content(r)) + der_tlv(0x02, der_int_content(s)))


def der_to_raw(der, size):
    """DER signature -> r||s, each left-padded to `size` bytes."""
    r, s = sig_from_der(der, lenient=True)
    return r.to_bytes(size, "big") + s.to_bytes(size, "big")


def raw_to_der(raw):
    """r||s (two equal halves) -> canonical DER."""
    half = len(raw) // 2
    return sig_to_der(int.from_bytes(raw[:half], "big"), int.from_bytes(raw[half:], "big"))


def check_manifest_files(out_dir):
    """Problems with the files a generator's manifest lists: missing vector or key files, JSON that
    does not parse, NDJSON whose line count differs from the number of expected verdicts."""
    problems = []
    manifest = json.loads((out_dir / "manifest.json").read_text())
    for entry in manifest:
        path = out_dir / entry["file"]
        if not path.exists():
            problems.append("missing " + entry["file"])
            continue
        if path.suffix == ".json":
            json.loads(path.read_text())
        elif path.suffix == ".ndjson":
            count = sum(1 for l in path.read_text().splitlines() if l.strip())
            if count != len(entry["expect"]["verdicts"]):
                problems.append("%s: %d CDRs, %d verdicts" % (entry["file"], count, len(entry["expect"]["verdicts"])))
        if entry["key_file"] and not (out_dir / entry["key_file"]).exists():
            problems.append("missing key file " + entry["key_file"])
    return problems
