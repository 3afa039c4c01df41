#!/usr/bin/env python3
"""Generate self-made vectors for public keys as real devices and operators send them: keys inside
vendor envelopes (a KEBA P30's base64 of {"UK": "<hex SPKI>"}, plain JSON, base64 of hex, 0x hex,
PEM pasted into a field), a trusted key that wins over a CDR or container key nobody can read, and
key files in every spelling `--key` / `--keys` accept (PEM, binary DER, text).

Usage:
    Scripts/generate_key_vectors.py              # (re)generate Vectors/generated-keys/ and self-check it
    Scripts/generate_key_vectors.py --check-only # only re-run the self-check on the existing files
    Scripts/generate_key_vectors.py --check-cli  # also run .build/debug/eichrecht on every vector

Standard library only. Every key and signature comes from the `openssl` CLI (OpenSSL 3):
`openssl genpkey` (prime256v1), `openssl ec -pubout` (PEM and DER), `openssl dgst -sha256 -sign`. The
OCMF records and BSM-WS36A snapshots are built by the helpers of Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py;
the self-check re-verifies every signed message with `openssl dgst -sha256 -verify`.

Every positive vector has a negative twin that must still fail: a wrapper only says where the key
is, the key found inside must verify the signature.

Output (everything under Vectors/generated-keys/ is rewritten on every run; new keys, new signatures):
    keys/      test keys (the private keys are test keys!) as PEM, DER, hex, base64, and broken key files
    cdrs/      OCPI CDRs whose public_key is wrapped, unreadable or wrong
    ocpp/      an OCPP 2.0.1 TransactionEvent as a KEBA P30 sends it
    safe/      S.A.F.E. values whose <publicKey> is PEM text
    bsm/       BSM-WS36A containers whose meterInfo.publicKey is unreadable
    manifest.json   expectations (same shape as Vectors/generated-ocmf/manifest.json)
"""

import base64
import json
import sys
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_ocpp_safe_pcdf_bsm_vectors as formats  # noqa: E402
from vectorlib import (CLI, ROOT, dumps, fresh_out_dir, openssl, signed_values, signed_vectors_main,  # noqa: E402
                       VectorManifest)

OUT = ROOT / "Vectors" / "generated-keys"

MANIFEST = VectorManifest(OUT)
add = MANIFEST.add


def b64(text):
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


def pem_lines(key):
    return key.pub_pem.read_text()


def pem_one_line(key):
    return pem_lines(key).replace("\n", "")


def write_key_files(keydir, main, other):
    """PEM from `openssl ec -pubout`, DER from `-outform DER`, text spellings, and broken files."""
    ec_pem = openssl("ec", "-in", str(main.pem), "-pubout").stdout
    (keydir / "main.ec.pub.pem").write_bytes(ec_pem)
    (keydir / "main.pub.der").write_bytes(openssl("ec", "-in", str(main.pem), "-pubout", "-outform", "DER").stdout)
    (keydir / "main.pub.b64").write_text(b64(main.spki) + "\n")
    (keydir / "main.pub.0x.txt").write_text("0x" + main.spki.hex() + "\n")
    (keydir / "main.pub.keba.txt").write_text(b64(dumps({"UK": main.spki.hex()})) + "\n")
    (keydir / "trusted-main-pem-list.json").write_text(json.dumps({formats.MS: pem_lines(main)}, indent=1) + "\n")
    # Broken files: each must stop the CLI with exit 2.
    (keydir / "broken-truncated.pem").write_bytes(ec_pem[: len(ec_pem) // 2] + b"\n-----END PUBLIC KEY-----\n")
    (keydir / "broken-not-a-key.txt").write_text("this is not a key\n")
    (keydir / "broken-empty.txt").write_text("")
    (keydir / "broken-binary.der").write_bytes(b"\x00\x01\x02garbage\xff")
    (keydir / "broken-list.csv").write_text("meter,public_key\n%s,%s\n%s,not-a-key\n" % (
        formats.MS, main.spki.hex(), "SECONDMETER"))


def ocmf_cdr(key, cdr_id, public_key, label, signer_end=None):
    b, e = formats.ocmf_pair(key, label, signer_end=signer_end)
    start = formats.T0 - timedelta(minutes=1)
    end = formats.T0 + timedelta(minutes=48)
    values = signed_values(b64(b), b64(e))
    return dumps(formats.cdr(cdr_id, values, public_key, "12.345", start, end), indent=1)


def generate():
    keydir = fresh_out_dir(OUT)
    main = formats.Key("keys-main", keydir)
    other = formats.Key("keys-other", keydir)
    (keydir / "README.md").write_text(
        "# Test keys\n\nThese P-256 keys were made by `Scripts/generate_key_vectors.py` with `openssl genpkey`.\n"
        "They are **test keys**: the private keys are published here on purpose and protect nothing.\n\n"
        "* `keys-main`: signs every vector; also as `main.ec.pub.pem` (`openssl ec -pubout`), `main.pub.der`\n"
        "  (`-outform DER`), `main.pub.b64`, `main.pub.0x.txt`, `main.pub.keba.txt` (base64 of {\"UK\": hex}).\n"
        "* `keys-other`: the wrong key of the negative vectors.\n"
        "* `trusted-main-pem-list.json`: a key list whose key is PEM text.\n"
        "* `broken-*`: key files that cannot be used; `--key` / `--keys` must exit 2.\n")
    write_key_files(keydir, main, other)

    hex_main = main.spki.hex()
    ok = {"format": "pass", "public_key": "pass", "signature": "pass", "consistency": "pass",
          "pairing": "pass", "energy": "pass", "key_trust": "warn"}
    wrong_key = {"public_key": "pass", "signature": "fail"}
    unusable = {"public_key": "fail"}

    # ---------------- keys inside envelopes (CDR public_key) ----------------
    spellings = [
        ("keba-base64-json", b64(dumps({"UK": hex_main})), "base64 of the KEBA P30 JSON object {\"UK\": hex SPKI}"),
        ("plain-json", dumps({"UK": hex_main.upper()}), "a JSON object {\"UK\": hex SPKI} as plain text"),
        ("json-named-member", dumps({"type": "EC", "publicKey": b64(main.spki)}),
         "a JSON object with one member named like a key (publicKey, base64 DER) beside another string"),
        ("base64-of-hex", b64(hex_main), "base64 of the hex text"),
        ("hex-0x", "0x" + hex_main, "hex with a 0x prefix"),
        ("base64-of-0x-hex", b64("0x" + hex_main.upper()), "base64 of 0x-prefixed hex text"),
        ("pem-lines", pem_lines(main), "PEM text with its line breaks"),
        ("pem-one-line", pem_one_line(main), "PEM text with the line breaks removed"),
        ("pem-escaped", pem_lines(main).replace("\n", "\\n"), "PEM text with the line breaks written as \\n"),
        ("base64-of-pem", b64(pem_lines(main)), "base64 of PEM text"),
        ("base64-json-of-base64", b64(dumps({"UK": b64(main.spki)})), "base64 of {\"UK\": base64 DER}"),
    ]
    for name, spelling, what in spellings:
        add("cdrs/envelope-%s.json" % name, ocmf_cdr(main, "CDR-KEY-%s" % name, spelling, "envelope " + name),
            "public_key is %s; the key inside verifies" % what, ["verified"], ok)
    # Negative twins: the same envelopes around another meter's key.
    wrong = [
        ("keba-base64-json", b64(dumps({"UK": other.spki.hex()})), "base64 of {\"UK\": hex SPKI}"),
        ("plain-json", dumps({"UK": other.spki.hex()}), "plain JSON {\"UK\": hex SPKI}"),
        ("hex-0x", "0x" + other.spki.hex(), "0x hex"),
        ("pem-one-line", pem_one_line(other), "one-line PEM"),
    ]
    for name, spelling, what in wrong:
        add("cdrs/envelope-%s-wrong-key.json" % name, ocmf_cdr(main, "CDR-KEY-W-%s" % name, spelling, "wrong " + name),
            "public_key is %s of another meter's key: unwrapped, it does not verify" % what, ["invalid"], wrong_key)
    empty = [
        ("json-no-key", b64(dumps({"UK": "not a key"})), "base64 of a JSON object whose one member is no key"),
        ("json-two-keys", dumps({"UK": hex_main, "PK": other.spki.hex()}),
         "a JSON object with two key-looking members (no way to choose)"),
        ("json-empty-object", b64("{}"), "base64 of an empty JSON object"),
        ("pem-broken", pem_lines(main)[:60] + "\n-----END PUBLIC KEY-----", "PEM text cut in half"),
    ]
    for name, spelling, what in empty:
        add("cdrs/envelope-%s.json" % name, ocmf_cdr(main, "CDR-KEY-E-%s" % name, spelling, "empty " + name),
            "public_key is %s: the key is unusable" % what, ["invalid"], unusable)

    # ---------------- OCPP 2.0.1 as a KEBA P30 sends it ----------------
    b, e = formats.ocmf_pair(main, "keba ocpp")
    keba_key = b64(dumps({"UK": hex_main}))

    def sampled(rec, ctx, key):
        return {"value": formats.Raw("1012.345"), "context": ctx, "measurand": "Energy.Active.Import.Register",
                "signedMeterValue": {"signedMeterData": b64(rec), "signingMethod": "ECDSA-secp256r1-SHA256",
                                     "encodingMethod": "OCMF", "publicKey": key}}

    def event(key):
        return {"eventType": "Ended", "timestamp": "2026-03-01T09:47:00Z", "triggerReason": "StopAuthorized",
                "seqNo": 3, "transactionInfo": {"transactionId": "KEBA-TX-1", "stoppedReason": "Local"},
                "meterValue": [{"timestamp": "2026-03-01T09:00:00Z", "sampledValue": [sampled(b, "Transaction.Begin", key)]},
                               {"timestamp": "2026-03-01T09:47:00Z", "sampledValue": [sampled(e, "Transaction.End", key)]}]}

    sig_ok = {"format": "pass", "public_key": "pass", "signature": "pass", "pairing": "pass", "key_trust": "warn"}
    add("ocpp/keba-p30-transaction-event.json", dumps(event(keba_key), indent=1),
        "OCPP 2.0.1 TransactionEvent as a KEBA P30 sends it: publicKey = base64 of {\"UK\": hex SPKI}",
        ["verified"], sig_ok)
    add("ocpp/keba-p30-transaction-event-wrong-key.json", dumps(event(b64(dumps({"UK": other.spki.hex()}))), indent=1),
        "the KEBA envelope around another meter's key", ["invalid"], wrong_key)

    # ---------------- S.A.F.E. <publicKey> holding PEM text ----------------
    for name, key, verdicts, checks in [("", main, ["verified"], sig_ok), ("-wrong-key", other, ["invalid"], wrong_key)]:
        b, e = formats.ocmf_pair(main, "safe pem" + name)
        doc = formats.safe_doc([
            {"data": b, "key": pem_lines(key), "key_encoding": "plain", "context": "Transaction.Begin"},
            {"data": e, "key": pem_lines(key), "key_encoding": "plain", "context": "Transaction.End"}])
        add("safe/safe-pem-public-key%s.xml" % name, doc,
            "S.A.F.E. values whose <publicKey> is PEM text (%s)" % ("the signer's key" if key is main else
                                                                  "another meter's key: does not verify"),
            verdicts, checks)

    # ---------------- a trusted key wins over an unreadable one ----------------
    trusted_main = "keys/keys-main.pub.hex"
    for name, spelling, what in [
        ("garbage", "not-a-key", "text that is no key"),
        ("json-no-key", b64(dumps({"UK": "n/a"})), "a KEBA envelope holding no key"),
        ("truncated-hex", hex_main[:40], "hex cut short"),
    ]:
        add("cdrs/trusted-over-unreadable-%s.json" % name,
            ocmf_cdr(main, "CDR-TRUST-%s" % name, spelling, "trusted over " + name),
            "public_key is %s; the trusted key verifies: public_key warns" % what, ["verified"],
            dict(ok, public_key="warn", key_trust="pass"), key_file=trusted_main)
    add("cdrs/unreadable-without-trusted-key.json", ocmf_cdr(main, "CDR-TRUST-NONE", "not-a-key", "no trusted"),
        "public_key is unreadable and no key is trusted: public_key fails", ["invalid"], unusable)
    add("cdrs/trusted-over-unreadable-wrong-trusted-key.json",
        ocmf_cdr(main, "CDR-TRUST-WRONG", "not-a-key", "wrong trusted"),
        "public_key is unreadable and the trusted key does not verify: public_key and signature fail",
        ["invalid"], {"public_key": "fail", "signature": "fail"}, key_file="keys/keys-other.pub.hex")
    add("cdrs/trusted-differs-from-readable.json", ocmf_cdr(main, "CDR-TRUST-DIFF", other.spki.hex(), "differs"),
        "public_key is a readable key that differs from the trusted key: public_key fails", ["invalid"],
        {"public_key": "fail"}, key_file=trusted_main)
    p384 = openssl("pkey", "-pubout", "-outform", "DER", data=openssl(
        "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp384r1").stdout).stdout
    add("cdrs/trusted-differs-from-key-on-other-curve.json",
        ocmf_cdr(main, "CDR-TRUST-P384", p384.hex(), "other curve"),
        "public_key is a readable P-384 key (the records are P-256): it differs from the trusted key and is not "
        "set aside; public_key fails", ["invalid"], {"public_key": "fail"}, key_file=trusted_main)
    add("cdrs/trusted-pem-key-file.json", ocmf_cdr(main, "CDR-TRUST-PEM", None, "pem key file"),
        "no public_key; the trusted key is given as PEM (openssl ec -pubout)", ["verified"],
        dict(ok, key_trust="pass"), key_file="keys/main.ec.pub.pem")

    # ---------------- BSM-WS36A container key unreadable ----------------
    def bsm_with_key(label, key_text):
        session = formats.bsm_session(main, label)
        for snap in session["signedMeterValues"]:
            snap["meterInfo"]["publicKey"] = key_text
        return dumps(session, indent=1)

    bsm_ok = {"format": "pass", "signature": "pass", "consistency": "pass", "pairing": "pass"}
    add("bsm/bsm-unreadable-container-key-trusted.json", bsm_with_key("bsm unreadable trusted", "n/a"),
        "meterInfo.publicKey is unreadable; the trusted key verifies: public_key warns", ["verified"],
        dict(bsm_ok, public_key="warn", key_trust="pass"), key_file=trusted_main)
    add("bsm/bsm-unreadable-container-key.json", bsm_with_key("bsm unreadable", "n/a"),
        "meterInfo.publicKey is unreadable and no key is trusted: public_key fails", ["invalid"], unusable)
    add("bsm/bsm-keba-envelope-container-key.json", bsm_with_key("bsm envelope", b64(dumps({"UK": hex_main}))),
        "meterInfo.publicKey wrapped in base64 of {\"UK\": hex}: read, verified", ["verified"],
        dict(bsm_ok, public_key="pass", key_trust="warn"))

    MANIFEST.write(
        "# Generated vectors: public keys as devices send them\n\nSelf-generated by `Scripts/generate_key_vectors.py` "
        "(python3 standard library + the `openssl` CLI; OCMF and BSM-WS36A built by the helpers of "
        "`Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py`). Nothing here comes from a real meter: the key spellings imitate "
        "what devices send (KEBA P30 OCPP 2.0.1: base64 of `{\"UK\": \"<hex SPKI>\"}`; base64 of hex; `0x` hex; PEM "
        "pasted into a field). Keys are fresh test keys (`keys/README.md`); every signature is made by "
        "`openssl dgst -sha256 -sign`. `manifest.json` has the shape of `Vectors/generated-ocmf/manifest.json`.\n")


if __name__ == "__main__":
    signed_vectors_main(__doc__, OUT, generate, formats.SIGNED, CLI)
