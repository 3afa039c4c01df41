"""Helpers shared by the vector generators: the openssl CLI, DER signatures, exact JSON.

Every key and signature in the generated vectors comes from the `openssl` command-line tool; this
module only runs it and converts between signature encodings. Python standard library only.
"""

import json
import shutil
import subprocess
import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

# The repository (this file lies in its Scripts/) and the debug build of the CLI that `--check-cli` runs.
ROOT = Path(__file__).resolve().parent.parent
CLI = ROOT / ".build" / "debug" / "eichrecht"


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


def check_signed_and_manifest(out_dir, signed, cli=None):
    """The generators' common self-check: every (label, pub, sig, message, must_verify) in `signed`
    gets openssl's answer, the manifest lists exactly the files, and with `cli` (the built
    `eichrecht`) every vector gives its expected verdicts and check statuses. Returns problems."""
    import subprocess
    problems = 0
    for label, pub, sig, message, must_verify in signed:
        if openssl_verify(pub, sig, message) != must_verify:
            print("self-check: %s: openssl says %s" % (label, "invalid" if must_verify else "valid"))
            problems += 1
    for problem in check_manifest_files(out_dir):
        print("self-check: " + problem)
        problems += 1
    manifest = json.loads((Path(out_dir) / "manifest.json").read_text())
    if cli is not None:
        if not Path(cli).exists():
            print("self-check: %s is not built (swift build)" % cli)
            return problems + 1
        for item in manifest:
            cmd = [str(cli), "verify", "--format", "json"]
            if item["key_file"]:
                cmd += ["--key", str(Path(out_dir) / item["key_file"])]
            cmd.append(str(Path(out_dir) / item["file"]))
            p = subprocess.run(cmd, capture_output=True, text=True)
            reports = [json.loads(l) for l in p.stdout.splitlines() if l.strip()]
            verdicts = [r["verdict"] for r in reports]
            if verdicts != item["expect"]["verdicts"]:
                print("cli: %s: verdicts %s, expected %s %s" % (item["file"], verdicts, item["expect"]["verdicts"],
                                                                 p.stderr.strip()))
                problems += 1
            for r in reports:
                for code, status in item["expect"]["checks"].items():
                    got = next((c for c in r.get("checks", []) if c["code"] == code), None)
                    if not got or got["status"] != status:
                        print("cli: %s: %s is %s, expected %s: %s" % (item["file"], code, got and got["status"],
                                                                       status, got and got["message"]))
                        problems += 1
    print("self-check: %d signed messages, %d vectors, %d problems" % (len(signed), len(manifest), problems))
    return problems


def generator_main(doc, generate, self_check, add_arguments=None, other_mode=None):
    """The generators' command line: generate (unless --check-only), then self-check (--check-cli also
    runs the built CLI over every vector); exits 1 on any problem. `add_arguments(parser)` adds a
    generator's own options; `other_mode(args)` runs instead when it returns an exit status."""
    import argparse
    import sys
    ap = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--check-only", action="store_true", help="only self-check the existing vectors")
    ap.add_argument("--check-cli", action="store_true", help="also run .build/debug/eichrecht over them")
    if add_arguments:
        add_arguments(ap)
    args = ap.parse_args()
    if other_mode:
        status = other_mode(args)
        if status is not None:
            sys.exit(status)
    if not args.check_only:
        generate()
    sys.exit(1 if self_check(args.check_cli) else 0)


def signed_vectors_main(doc, out_dir, generate, signed, cli):
    """`generator_main` for a generator whose self-check is `check_signed_and_manifest` over `signed`, the
    list of (label, pub, sig, message, must_verify) that `generate` appends to."""
    generator_main(doc, generate,
                   lambda check_cli: check_signed_and_manifest(out_dir, signed, cli if check_cli else None))


class TestKey:
    """A fresh EC test key made by `openssl genpkey` on a named curve: `<name>.pem` (private, a test
    key) and `<name>.pub.pem` in `keydir`, the DER SubjectPublicKeyInfo `spki`, and the uncompressed
    point's coordinates `x`, `y` of `size` bytes. Other spellings of the public key are written by
    the generator that needs them (`write_public`)."""

    def __init__(self, name, curve, keydir):
        self.name = name
        self.curve = curve
        self.keydir = Path(keydir)
        self.keydir.mkdir(parents=True, exist_ok=True)
        self.pem = self.keydir / (name + ".pem")
        self.pub_pem = self.keydir / (name + ".pub.pem")
        openssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:" + curve,
                "-pkeyopt", "ec_param_enc:named_curve", "-out", str(self.pem))
        openssl("pkey", "-in", str(self.pem), "-pubout", "-out", str(self.pub_pem))
        self.spki = openssl("pkey", "-in", str(self.pem), "-pubout", "-outform", "DER").stdout
        _, body, _ = der_read(self.spki, 0)
        _, _, pos = der_read(body, 0)
        tag, bits, _ = der_read(body, pos)
        if tag != 0x03 or len(bits) < 4 or bits[1] != 4:
            raise ValueError("expected an uncompressed point in the SubjectPublicKeyInfo")
        self.point = bits[1:]
        self.size = (len(self.point) - 1) // 2
        self.x, self.y = self.point[1:1 + self.size], self.point[1 + self.size:]

    @property
    def xy(self):
        return self.x + self.y

    @property
    def compressed(self):
        """The SEC1 compressed point."""
        return bytes([2 + (self.y[-1] & 1)]) + self.x

    def write_public(self, suffix, text):
        """Writes `<name><suffix>` beside the key (e.g. ".pub.hex")."""
        (self.keydir / (self.name + suffix)).write_text(text)

    def sign_der(self, message):
        """A DER ECDSA signature over SHA-256(message)."""
        return openssl("dgst", "-sha256", "-sign", str(self.pem), data=message).stdout

    def sign(self, message):
        return self.sign_der(message)

    def sign_raw(self, message):
        """The signature as r||s, each `size` bytes."""
        return der_to_raw(self.sign_der(message), self.size)

    def verifies(self, der_signature, message):
        return openssl_verify(self.pub_pem, der_signature, message)


def write_manifest(out_dir, entries, indent=1):
    """Writes `manifest.json`: the entries as VectorManifest describes them."""
    (Path(out_dir) / "manifest.json").write_text(json.dumps(entries, indent=indent, ensure_ascii=False) + "\n")


def manifest_entry(path, description, verdicts, checks=None, key_file=None):
    """One manifest object: `file`, `key_file`, `description`, `expect` (`verdicts`, `checks`)."""
    return {"file": path, "key_file": key_file, "description": description,
            "expect": {"verdicts": verdicts, "checks": checks or {}}}


class VectorManifest:
    """The files a generator writes under `out_dir` and their expectations, as `manifest.json` lists
    them: `file`, `key_file` (a trusted key, or null), `description`, and `expect` = `verdicts` (one per
    unit in file order) and `checks` (statuses that hold for every unit)."""

    def __init__(self, out_dir):
        self.out = Path(out_dir)
        self.entries = []

    def add(self, path, content, description, verdicts, checks=None, key_file=None):
        full = self.out / path
        full.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            full.write_bytes(content)
        else:
            full.write_text(content, encoding="utf-8")
        self.entries.append(manifest_entry(path, description, verdicts, checks, key_file))

    def __len__(self):
        return len(self.entries)

    def write(self, sources):
        """Writes manifest.json and SOURCES.md (`sources`: the folder's provenance, as Markdown)."""
        write_manifest(self.out, self.entries)
        (self.out / "SOURCES.md").write_text(sources)


def fresh_out_dir(out_dir):
    """Removes everything under `out_dir` and recreates `out_dir/keys`, which it returns (for generators
    that rewrite their whole folder)."""
    if Path(out_dir).exists():
        shutil.rmtree(out_dir)
    keydir = Path(out_dir) / "keys"
    keydir.mkdir(parents=True)
    return keydir


def fresh_dirs(out_dir, *subdirs):
    """Empties and recreates `out_dir/<subdir>` for each subdir (what a generator rewrites)."""
    for sub in subdirs:
        shutil.rmtree(Path(out_dir) / sub, ignore_errors=True)
        (Path(out_dir) / sub).mkdir(parents=True)


def iso(t):
    """A UTC datetime as OCPI writes it."""
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def signed_values(*signed_data, natures=("Start", "End")):
    """OCPI SignedValues with empty plain_data: each signed_data under the nature at its position."""
    return [{"nature": nature, "plain_data": "", "signed_data": data} for data, nature in zip(signed_data, natures)]


def ocpi_cdr(cdr_id, session_id, start, end, *, party_id, location_name, address, token_uid, contract_id, evse_id,
             meter_id, total_cost, total_energy, signed_data, last_updated):
    """An OCPI 2.2.1 CDR of a German party's Berlin location (one AC socket, an RFID token of the same party)
    around `signed_data`: one charging period billing `total_energy`, total_time from the times. A `meter_id`
    of None leaves the field out."""
    hours = Decimal(int((end - start).total_seconds())) / 3600
    cdr = {
        "country_code": "DE",
        "party_id": party_id,
        "id": cdr_id,
        "start_date_time": iso(start),
        "end_date_time": iso(end),
        "session_id": session_id,
        "cdr_token": {"country_code": "DE", "party_id": party_id, "uid": token_uid, "type": "RFID",
                      "contract_id": contract_id},
        "auth_method": "WHITELIST",
        "cdr_location": {"id": "LOC1", "name": location_name, "address": address, "city": "Berlin",
                         "postal_code": "10115", "country": "DEU",
                         "coordinates": {"latitude": "52.520008", "longitude": "13.404954"},
                         "evse_uid": "E0001-1", "evse_id": evse_id, "connector_id": "1",
                         "connector_standard": "IEC_62196_T2", "connector_format": "SOCKET",
                         "connector_power_type": "AC_3_PHASE"},
    }
    if meter_id is not None:
        cdr["meter_id"] = meter_id
    cdr.update({
        "currency": "EUR",
        "total_cost": total_cost,
        "total_energy": Raw(str(total_energy)),
        "total_time": Raw(str(hours.quantize(Decimal("0.0001")))),
        "charging_periods": [{"start_date_time": iso(start),
                              "dimensions": [{"type": "ENERGY", "volume": Raw(str(total_energy))}]}],
        "signed_data": signed_data,
        "last_updated": iso(last_updated),
    })
    return cdr


def test_depot_cdr(cdr_id, start, end, *, token_uid, evse_id, meter_id, total_energy, signed_data):
    """An OCPI 2.2.1 CDR of the invented "Test depot" (party TST) around `signed_data`: times, token
    and energy as given, total_time from the times, last_updated two minutes after the end."""
    return ocpi_cdr("CDR-" + cdr_id, "S-" + cdr_id, start, end, party_id="TST", location_name="Test depot",
                    address="Teststrasse 1", token_uid=token_uid, contract_id="DE-TST-C12345678-X", evse_id=evse_id,
                    meter_id=meter_id, total_cost={"excl_vat": Raw("3.50"), "incl_vat": Raw("4.17")},
                    total_energy=total_energy, signed_data=signed_data, last_updated=end + timedelta(minutes=2))
