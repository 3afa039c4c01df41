#!/usr/bin/env python3
"""Generate self-made Alfen Eichrecht test vectors: AP lines inside OCPI 2.2.1 CDRs.

Usage:
    Scripts/generate_alfen_vectors.py               # (re)generate Vectors/generated-alfen/ and self-check it
    Scripts/generate_alfen_vectors.py --check-only  # only re-run the self-check on the existing files

Standard library only. Keys and signatures come from the `openssl` CLI (OpenSSL 3):
`openssl genpkey` (prime192v1 = P-192 = secp192r1), `openssl pkey -pubout -outform DER`,
`openssl dgst -sha256 -sign`. The DER signature is converted to the raw r||s (24 + 24 bytes) that an
Alfen line carries. The self-check re-verifies every line's signature with
`openssl dgst -sha256 -verify` (lines the manifest marks as tampered must fail) and re-decodes every
line, requiring the exact field lengths 25 / 82 / 48.

The layout follows docs/formats/alfen.md:
    AP;<type 0|1|2>;<blob version 3>;<key: base32 SEC1 compressed P-192 point, 25 bytes>;
       <dataset: base32, 82 bytes>;<signature: base32 r||s, 48 bytes>;
    dataset (little-endian integers): adapter id 10 | firmware 4 | checksum 2 | meter id 10 |
       status u32 (low half meter, high half adapter) | second index u32 | unix time u32 (UTC) |
       OBIS 6 | unit u8 (30 = Wh) | scaler i8 | value i64 | UID 20 (ASCII, NUL-padded) |
       session id u32 | pagination u32

Output (everything under Vectors/generated-alfen/ is rewritten on every run; new keys, new signatures):
    keys/alfen-<name>.pem, .pub.pem     test keys (the private keys are test keys!)
    keys/alfen-<name>.pub.b32           the key as an Alfen line writes it (base32 SEC1 compressed)
    keys/alfen-<name>.pub.hex           the key as hex DER SubjectPublicKeyInfo
    cdrs/<vector>.json | .ndjson | .txt the vectors
    manifest.json                       expectations, one object per file (same shape as
                                        Vectors/generated-ocmf/manifest.json)
"""

import base64
import shutil
import struct
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import vectorlib
from vectorlib import (CLI, ROOT, check_signed_and_manifest, dumps, generator_main, raw_to_der, test_depot_cdr,
                       TestKey, write_manifest)

OUT_DIR = ROOT / "Vectors" / "generated-alfen"

CURVE = "prime192v1"
COORDINATE = 24
# Invented ids in the shape of SML server ids (0x0A, medium, FLAG code "TST", block, serial).
ADAPTER_ID = bytes.fromhex("0a0e") + b"TST" + bytes.fromhex("0001ab0001")
METER_ID = bytes.fromhex("0a01") + b"TST" + bytes.fromhex("0012345678")
FIRMWARE = b"v016"
CHECKSUM = bytes.fromhex("d3b0")
OBIS_IMPORT = bytes([1, 0, 1, 8, 0, 255])
UNIT_WH = 30
UID = "04A1B2C3D4E5F6"
EVSE = "DE*TST*E0001*1"
SECOND_INDEX_BASE = 5_000_000
STATUS_START = 1 << 29  # adapter bit 13: start-charge command
STATUS_STOP = 1 << 28  # adapter bit 12: stop-charge command
STATUS_INTERMEDIATE = 1 << 27  # adapter bit 11: intermediate command
BASE_TIME = datetime(2026, 3, 2, 8, 15, 0, tzinfo=timezone.utc)

ALL_CHECKS = ["format", "public_key", "signature", "consistency", "meter_status", "pairing", "energy",
              "start_time", "end_time", "meter_id", "time_sync", "key_trust"]
# A verified CDR whose key comes from the line or the CDR: everything passes, the adapter clock is
# informative (time_sync warns) and the key is not independently trusted (key_trust warns).
VERIFIED_CHECKS = {code: "pass" for code in ALL_CHECKS}
VERIFIED_CHECKS.update({"time_sync": "warn", "key_trust": "warn"})


# --------------------------------------------------------------------------------------------
# openssl and DER
# --------------------------------------------------------------------------------------------

def Key(name, keydir):
    """A fresh P-192 test key `alfen-<name>`; `.pub.b32` is its compressed point as an AP line carries
    it, `.pub.hex` its hex DER SubjectPublicKeyInfo."""
    key = TestKey("alfen-" + name, CURVE, keydir)
    key.write_public(".pub.hex", key.spki.hex())
    key.write_public(".pub.b32", b32(key.compressed))
    return key


def openssl_verify(pub_pem, raw_signature, message):
    return vectorlib.openssl_verify(pub_pem, raw_to_der(raw_signature), message)


# --------------------------------------------------------------------------------------------
# Alfen lines
# --------------------------------------------------------------------------------------------

def b32(data):
    return base64.b32encode(data).decode()


def b32decode(text):
    return base64.b32decode(text + "=" * (-len(text) % 8))


def dataset(*, time, value, pagination, second_index, session=7, status=0, scaler=0, uid=UID,
            meter_id=METER_ID, adapter_id=ADAPTER_ID, unit=UNIT_WH):
    return struct.pack(
        "<10s4s2s10sIII6sBbq20sII", adapter_id, FIRMWARE, CHECKSUM, meter_id, status, second_index,
        int(time.timestamp()), OBIS_IMPORT, unit, scaler, value, uid.encode().ljust(20, b"\x00"), session,
        pagination)


class Line:
    """One signed AP line. `signed` is what the key signed; `written` the dataset the line carries
    (they differ only when tampered)."""

    def __init__(self, line_type, data, key, *, embed=None, tamper=None, dataset_bytes=None):
        self.type = line_type
        self.signer = key
        self.embedded = embed or key
        self.signed = data
        self.signature = key.sign_raw(data)
        self.written = tamper(data) if tamper else data
        if dataset_bytes is not None:
            self.written = dataset_bytes
        self.tampered = self.written != self.signed

    def text(self, trailing=True):
        fields = ["AP", str(self.type), "3", b32(self.embedded.compressed), b32(self.written), b32(self.signature)]
        return ";".join(fields) + (";" if trailing else "")


def session_lines(keys, *, start_value=123_456, energy=11_078, intermediates=0, pagination=41, session=7,
                  begin=BASE_TIME, duration=timedelta(hours=2, minutes=5), key=None, **overrides):
    """Start, intermediates and end lines of one session; `overrides` maps 'start' / 'end' /
    'intermediate' to dataset keyword overrides."""
    key = key or keys["main"]
    lines = []
    steps = intermediates + 1
    for i in range(steps + 1):
        kind = 0 if i == 0 else (1 if i == steps else 2)
        name = {0: "start", 1: "end", 2: "intermediate"}[kind]
        status = {0: STATUS_START, 1: STATUS_STOP, 2: STATUS_INTERMEDIATE}[kind]
        time = begin + duration * i / steps
        # The meter's seconds counter runs on even when the adapter clock is lost.
        second_index = SECOND_INDEX_BASE + int((time - BASE_TIME).total_seconds())
        fields = dict(time=time, value=start_value + energy * i // steps, pagination=pagination + i,
                      session=session, status=status, second_index=second_index)
        fields.update(overrides.get(name, {}))
        lines.append(Line(kind, dataset(**fields), key))
    return lines


# --------------------------------------------------------------------------------------------
# CDRs
# --------------------------------------------------------------------------------------------

def line_time(line):
    return datetime.fromtimestamp(struct.unpack_from("<I", line.written, 34)[0], timezone.utc)


def line_value(line):
    scaler = struct.unpack_from("<b", line.written, 45)[0]
    return Decimal(struct.unpack_from("<q", line.written, 46)[0]).scaleb(scaler)


def signed_value(line, placement, natures):
    nature = natures.get(line.type, "Intermediate")
    text = line.text()
    if placement == "signed":
        return {"nature": nature, "plain_data": "", "signed_data": text}
    if placement == "base64":
        return {"nature": nature, "plain_data": text, "signed_data": base64.b64encode(text.encode()).decode()}
    if placement == "plain-only":
        return {"nature": nature, "plain_data": text}
    if placement == "hex":
        return {"nature": nature, "plain_data": "", "signed_data": text.encode().hex().upper()}
    if placement == "quoted":
        return {"nature": nature, "plain_data": "", "signed_data": '  "%s"\n' % line.text(trailing=False)}
    raise ValueError(placement)


def make_cdr(cdr_id, lines, *, placement="signed", key_text=None, total_energy=None, start_shift=-30,
             end_shift=45, start_time=None, end_time=None, meter_id=None, token_uid=UID,
             natures=None, encoding_method="Alfen Eichrecht"):
    """A CDR around `lines`. The CDR's energy and times follow the first start and last end line
    unless given."""
    natures = natures or {0: "Start", 1: "End", 2: "Intermediate"}
    starts = [l for l in lines if l.type == 0]
    ends = [l for l in lines if l.type == 1]
    begin_line = starts[0] if starts else lines[0]
    end_line = ends[-1] if ends else lines[-1]
    if total_energy is None:
        total_energy = (line_value(end_line) - line_value(begin_line)) / 1000 if starts and ends else Decimal(0)
    start = start_time or (line_time(begin_line) + timedelta(seconds=start_shift))
    end = end_time or (line_time(end_line) + timedelta(seconds=end_shift))
    signed_data = {"encoding_method": encoding_method, "encoding_method_version": 3}
    if key_text is not None:
        signed_data["public_key"] = key_text
    signed_data["signed_values"] = [signed_value(l, placement, natures) for l in lines]
    signed_data["url"] = "https://transparenz.example.com/check"
    return test_depot_cdr(cdr_id, start, end, token_uid=token_uid, evse_id=EVSE,
                          meter_id=meter_id if meter_id is not None else METER_ID.hex().upper(),
                          total_energy=total_energy, signed_data=signed_data)


# --------------------------------------------------------------------------------------------
# the vectors
# --------------------------------------------------------------------------------------------

def with_checks(**statuses):
    checks = dict(VERIFIED_CHECKS)
    checks.update(statuses)
    return checks


def flip(offset):
    def tamper(data):
        b = bytearray(data)
        b[offset] ^= 0x01
        return bytes(b)
    return tamper


def build(keys):
    """-> list of (file name, content, all lines written, key_file, description, expect)."""
    main, other = keys["main"], keys["other"]
    main_b32 = b32(main.compressed)
    main_b64 = base64.b64encode(main.compressed).decode()
    other_b32 = b32(other.compressed)
    vectors = []

    def cdr_vector(name, description, lines, verdict, checks, key_file=None, **cdr_args):
        cdr = make_cdr(name, lines, **cdr_args)
        vectors.append(("cdrs/%s.json" % name, dumps(cdr, indent=2) + "\n", lines, key_file, description,
                        {"verdicts": [verdict], "checks": checks}))

    # ---- verified
    lines = session_lines(keys)
    cdr_vector("alfen-verified", "Start + End AP lines, plain in signed_data, public_key = base32 key as in the line",
               lines, "verified", with_checks(), key_text=main_b32)
    lines = session_lines(keys, intermediates=2, start_value=400_000, energy=22_500, pagination=100)
    cdr_vector("alfen-verified-base64-intermediates",
               "Start, 2 Intermediate, End; AP line in plain_data and base64 in signed_data; public_key = base64 of the 25-byte point",
               lines, "verified", with_checks(), key_text=main_b64, placement="base64")
    lines = session_lines(keys, energy=7_321)
    cdr_vector("alfen-verified-plain-data-only", "AP lines only in plain_data, no public_key: the embedded key verifies",
               lines, "verified", with_checks(), placement="plain-only")
    lines = session_lines(keys, energy=5_000)
    cdr_vector("alfen-verified-hex", "AP lines hex-encoded in signed_data", lines, "verified", with_checks(),
               key_text=main_b32, placement="hex")
    lines = session_lines(keys, energy=3_210)
    cdr_vector("alfen-verified-quoted", "AP lines in quotes with surrounding whitespace, no trailing ';'",
               lines, "verified", with_checks(), key_text=main_b32, placement="quoted")
    lines = session_lines(keys, energy=9_999)
    cdr_vector("alfen-verified-trusted-key", "trusted key given as base32 text (--key), equal to the embedded key",
               lines, "verified", with_checks(key_trust="pass"), key_file="keys/alfen-main.pub.b32")
    lines = session_lines(keys, start_value=1_234_567, energy=45_678, start={"scaler": -1}, end={"scaler": -1})
    cdr_vector("alfen-verified-scaler", "scaler -1 (0.1 Wh resolution): 123456.7 Wh -> 128024.5 Wh = 4.5678 kWh",
               lines, "verified", with_checks(), key_text=main_b32)
    lines = session_lines(keys, energy=4_000, end={"time": datetime(1970, 1, 1, 0, 0, 18, tzinfo=timezone.utc)})
    cdr_vector("alfen-verified-end-clock-1970",
               "stop line with adapter time 1970-01-01T00:00:18Z (clock lost): end_time skips, the energy still verifies",
               lines, "verified", with_checks(end_time="skip"), key_text=main_b32,
               end_time=BASE_TIME + timedelta(hours=2, minutes=6))
    lines = session_lines(keys, energy=2_500, end={"status": STATUS_STOP | 1 << 8})
    cdr_vector("alfen-verified-phase-warning", "stop line with meter status bit 8 (phase L1 failure): meter_status warns",
               lines, "verified", with_checks(meter_status="warn"), key_text=main_b32)
    lines = session_lines(keys, energy=6_000)
    cdr_vector("alfen-verified-uid-differs", "cdr_token.uid differs from the signed UID: identification warns only",
               lines, "verified", with_checks(identification="warn"), key_text=main_b32, token_uid="04FFFFFFFFFFFF")
    lines = session_lines(keys, energy=6_500)
    cdr_vector("alfen-verified-time-disagreement",
               "CDR start_date_time 10 min after the signed start: Alfen time is informative, start_time warns",
               lines, "verified", with_checks(start_time="warn"), key_text=main_b32, start_shift=600)

    # ---- invalid
    lines = session_lines(keys)
    lines[1] = Line(1, lines[1].signed, main, tamper=flip(46))
    cdr_vector("alfen-invalid-tampered-dataset", "End dataset: one bit of the meter value flipped after signing",
               lines, "invalid", {"format": "pass", "public_key": "pass", "signature": "fail"}, key_text=main_b32)
    lines = session_lines(keys)
    cdr_vector("alfen-invalid-cdr-key-differs", "CDR public_key is another P-192 key than the one in the lines",
               lines, "invalid", {"format": "pass", "public_key": "fail", "signature": "skip"}, key_text=other_b32)
    lines = session_lines(keys)
    cdr_vector("alfen-invalid-trusted-key-differs", "trusted key (--key) is another key than the one in the lines",
               lines, "invalid", {"format": "pass", "public_key": "fail", "signature": "skip"},
               key_file="keys/alfen-other.pub.hex")
    lines = session_lines(keys)
    lines[1] = Line(1, lines[1].signed, other, embed=main)
    cdr_vector("alfen-invalid-signed-by-other-key", "End line carries the main key but was signed by another key",
               lines, "invalid", {"format": "pass", "public_key": "pass", "signature": "fail"})
    lines = session_lines(keys)
    lines[1] = Line(1, lines[1].signed, other)
    cdr_vector("alfen-invalid-two-keys", "Start and End each validly signed, but with two different keys",
               lines, "invalid", {"format": "pass", "public_key": "fail", "signature": "pass"})
    lines = session_lines(keys, end={"status": STATUS_STOP | 1 << 16})
    cdr_vector("alfen-invalid-adapter-error", "stop line status 0x10010000: adapter fatal error (bit 16)",
               lines, "invalid", with_checks(meter_status="fail"), key_text=main_b32)
    lines = session_lines(keys, start={"status": STATUS_START | 1 << 1})
    cdr_vector("alfen-invalid-meter-error", "start line status 0x20000002: meter EEPROM error (bit 1)",
               lines, "invalid", with_checks(meter_status="fail"), key_text=main_b32)
    lines = session_lines(keys, end={"status": STATUS_STOP | 1 << 31})
    cdr_vector("alfen-invalid-meter-communication-error", "stop line status 0x90000000: adapter meter-communication error (bit 31)",
               lines, "invalid", with_checks(meter_status="fail"), key_text=main_b32)
    lines = session_lines(keys, intermediates=1)
    lines = [lines[0], lines[1]]  # Start and an intermediate line, sent as the End value
    cdr_vector("alfen-invalid-nature-mismatch", "the End value carries a signed intermediate line (type 2)",
               lines, "invalid", {"signature": "pass", "consistency": "fail"}, key_text=main_b32,
               natures={0: "Start", 2: "End"}, total_energy=Decimal("5.539"))
    lines = session_lines(keys, end={"session": 8})
    cdr_vector("alfen-invalid-session-id-changes", "End line has session id 8, Start 7",
               lines, "invalid", {"signature": "pass", "consistency": "fail"}, key_text=main_b32)
    lines = session_lines(keys, end={"pagination": 40})
    cdr_vector("alfen-invalid-pagination-backwards", "End pagination 40 after Start pagination 41",
               lines, "invalid", {"signature": "pass", "consistency": "fail"}, key_text=main_b32)
    lines = session_lines(keys, end={"uid": "04000000000001"})
    cdr_vector("alfen-invalid-uid-changes", "End line signs another UID than the Start line",
               lines, "invalid", {"signature": "pass", "consistency": "fail"}, key_text=main_b32)
    lines = session_lines(keys, end={"value": 100_000})
    cdr_vector("alfen-invalid-value-decreasing", "End meter value 100000 Wh below the Start value 123456 Wh",
               lines, "invalid", {"signature": "pass", "consistency": "fail"}, key_text=main_b32,
               total_energy=Decimal("0"))
    lines = session_lines(keys)
    lines[1] = Line(1, lines[1].signed, main, dataset_bytes=lines[1].signed[:81])
    cdr_vector("alfen-invalid-dataset-81-bytes", "End dataset cut to 81 bytes: format fails",
               lines, "invalid", {"format": "fail"}, key_text=main_b32)

    # ---- mismatch
    lines = session_lines(keys)
    cdr_vector("alfen-mismatch-energy", "CDR total_energy 12.078 kWh, signed 11.078 kWh",
               lines, "mismatch", with_checks(energy="fail"), key_text=main_b32, total_energy=Decimal("12.078"))
    lines = session_lines(keys)
    cdr_vector("alfen-mismatch-meter-id", "CDR meter_id names another meter",
               lines, "mismatch", with_checks(meter_id="fail"), key_text=main_b32, meter_id="0A015453540099999999")

    # ---- unverifiable
    lines = session_lines(keys)[:1]
    cdr_vector("alfen-unverifiable-missing-end", "only the Start line: no end reading",
               lines, "unverifiable", {"signature": "pass", "pairing": "fail", "energy": "skip"}, key_text=main_b32,
               total_energy=Decimal("11.078"), end_time=BASE_TIME + timedelta(hours=2, minutes=6))
    lines = session_lines(keys)[1:]
    cdr_vector("alfen-unverifiable-missing-start", "only the End line: no begin reading",
               lines, "unverifiable", {"signature": "pass", "pairing": "fail", "energy": "skip"}, key_text=main_b32,
               total_energy=Decimal("11.078"), start_time=BASE_TIME - timedelta(seconds=20))

    # ---- several CDRs in one file, and raw lines
    batch = []
    batch_lines = []
    for name, lines, args in [
        ("batch-verified", session_lines(keys, energy=1_000, session=21, pagination=300), {}),
        ("batch-mismatch", session_lines(keys, energy=2_000, session=22, pagination=302),
         {"total_energy": Decimal("2.5")}),
        ("batch-invalid", session_lines(keys, energy=3_000, session=23, pagination=304,
                                        end={"status": STATUS_STOP | 1 << 30}), {}),
    ]:
        batch.append(dumps(make_cdr(name, lines, key_text=main_b32, **args)))
        batch_lines += lines
    vectors.append(("cdrs/alfen-batch.ndjson", "\n".join(batch) + "\n", batch_lines, None,
                    "NDJSON of three CDRs: verified, mismatch (energy), invalid (adapter memory error bit 30)",
                    {"verdicts": ["verified", "mismatch", "invalid"], "checks": {"format": "pass", "signature": "pass"}}))
    lines = session_lines(keys, intermediates=1, energy=8_642, session=30, pagination=500)
    text = "".join(l.text() + "\n" for l in lines)
    vectors.append(("cdrs/alfen-raw-lines.txt", text, lines, None,
                    "raw AP lines (Start, Intermediate, End), one per line, as a CLI input without a CDR",
                    {"verdicts": ["verified"],
                     "checks": {"format": "pass", "public_key": "pass", "signature": "pass", "consistency": "pass",
                                "meter_status": "pass", "pairing": "pass", "energy": "skip", "key_trust": "warn"}}))
    return vectors


# --------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------

def check_lines(vectors, keydir):
    """Every line re-decoded with exact lengths; every signature re-verified by openssl."""
    problems = []
    for name, _content, lines, _key_file, _description, _expect in vectors:
        for line in lines:
            fields = line.text().split(";")
            key, data, sig = (b32decode(f) for f in fields[3:6])
            if len(key) != 25 or len(sig) != 48 or (len(data) != 82 and not line.tampered):
                problems.append("%s: wrong field lengths" % name)
            ok = openssl_verify(line.signer.pub_pem, sig, data)
            if ok == line.tampered:
                problems.append("%s: openssl says %s for a %s line" % (
                    name, "valid" if ok else "invalid", "tampered" if line.tampered else "genuine"))
    return problems


KEYS_README = """# Test keys — NOT SECRET

Every key in this folder was generated by `Scripts/generate_alfen_vectors.py` with `openssl genpkey`
(curve prime192v1 = P-192, as Alfen signing adapters use) for the self-generated Alfen test vectors only.
The private keys (`*.pem` without `.pub`) are committed on purpose: they are **test keys**, protect
nothing, and are replaced on every run of the script.

* `alfen-main.*` — the key that signs the lines (its compressed point is embedded in every line)
* `alfen-other.*` — a second P-192 key: the wrong key, and the signer of the "two keys" vector
* `.pub.b32` — the 25-byte SEC1 compressed point as base32, exactly as an AP line carries it
* `.pub.hex` — hex DER SubjectPublicKeyInfo; `.pub.pem` — PEM
"""

SOURCES = """# Generated Alfen vectors

Self-generated by `Scripts/generate_alfen_vectors.py` (python3 standard library + the `openssl` CLI).
Nothing here comes from a real charge point: the AP lines follow the layout of docs/formats/alfen.md
with invented adapter and meter ids (FLAG code `TST`), keys are fresh P-192 test keys (see
`keys/README.md`), and every signature is made by `openssl dgst -sha256 -sign` and converted from DER to
the raw r||s an Alfen line carries. Re-running the script regenerates keys, signatures and files.

`manifest.json` has the shape of `Vectors/generated-ocmf/manifest.json`: one object per file with `file`,
`key_file` (the trusted key to pass as `--key`, or null), `description`, and `expect` = `verdicts`
(one per CDR / unit in file order) and `checks` (the check statuses the vector is about; they hold for
every unit of the file).

The script's self-check re-decodes every line (exact lengths 25 / 82 / 48) and re-verifies every
signature with `openssl dgst -sha256 -verify` (tampered datasets must fail).
"""


# The vectors of this run, for the self-check (empty with --check-only).
GENERATED = []


def generate():
    if OUT_DIR.exists():
        shutil.rmtree(OUT_DIR)
    keydir = OUT_DIR / "keys"
    (OUT_DIR / "cdrs").mkdir(parents=True)
    keys = {"main": Key("main", keydir), "other": Key("other", keydir)}
    (keydir / "README.md").write_text(KEYS_README)
    (OUT_DIR / "SOURCES.md").write_text(SOURCES)
    GENERATED[:] = build(keys)
    for name, content, _lines, _key_file, _description, _expect in GENERATED:
        (OUT_DIR / name).write_text(content)
    write_manifest(OUT_DIR, [{"file": name, "key_file": key_file, "description": description, "expect": expect}
                             for name, _content, _lines, key_file, description, expect in GENERATED], indent=2)


def self_check(check_cli):
    problems = check_lines(GENERATED, OUT_DIR / "keys")
    for p in problems:
        print("self-check:", p)
    return len(problems) + check_signed_and_manifest(OUT_DIR, [], CLI if check_cli else None)


if __name__ == "__main__":
    generator_main(__doc__, generate, self_check)
