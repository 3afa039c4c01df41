#!/usr/bin/env python3
"""Generates Vectors/generated-hostile: vectors for hostile-input fixes that need real signatures.

Standard library + the `openssl` CLI (OpenSSL 3): `openssl genpkey` for the keys, `openssl dgst
-sha256 -sign` for every signature, `openssl dgst -sha256 -verify` in the self-check. Re-running
regenerates keys, signatures and files; `--check-only` only re-runs the self-check, `--check-cli` also
runs .build/debug/eichrecht over every vector.

* `raw/ocmf-latin1.ocmf`: one OCMF record (begin and end reading) whose payload holds a Latin-1 byte
  (0xDF, "ß") in the tariff text: not UTF-8, genuinely signed over the bytes as written. As a raw
  file it must verify; `raw/ocmf-latin1-tampered.ocmf` changes that byte after signing (0xDF → 0xE4)
  and must not.
* `safe/edl40-reserved-bytes.xml`: a prebuilt EDL40 block (signature-only XML, P-192) whose
  reserved bytes 197–319 are not zero, signed as written: it must verify (the signed bytes are the
  bytes received); `safe/edl40-reserved-bytes-tampered.xml` changes one reserved byte after signing.
"""
import base64, pathlib, struct, sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from vectorlib import (CLI, ROOT, Raw, der_to_raw, dumps, fresh_out_dir, signed_vectors_main,  # noqa: E402
                       TestKey, VectorManifest)

OUT = ROOT / "Vectors" / "generated-hostile"
SIGNED = []
MANIFEST = VectorManifest(OUT)


def Key(name, curve):
    """A fresh test key in keys/; `.pub.hex` is its hex DER SubjectPublicKeyInfo."""
    key = TestKey(name, curve, OUT / "keys")
    key.write_public(".pub.hex", key.spki.hex() + "\n")
    return key


def sign(key, message, label, must_verify=True):
    """A DER signature over `message`, recorded for the self-check."""
    sig = key.sign_der(message)
    SIGNED.append((label, key.pub_pem, sig, message, must_verify))
    return sig


add = MANIFEST.add


def ocmf(key):
    def reading(tx, t, rv):
        return {"TM": "2026-03-01T%s,000+0000 S" % t, "TX": tx, "RV": rv, "RI": "1-b:1.8.0", "RU": "kWh", "ST": "G"}

    text = dumps({
        "FV": "1.0", "GI": "TRAPS Wallbox", "GS": "GW-7", "GV": "1.0", "PG": "T7", "MV": "TRAPS", "MM": "M-7",
        "MS": "7TRP0000001", "MF": "1.0", "IS": True, "IL": "TRUSTED", "IF": ["RFID_PLAIN"], "IT": "ISO14443",
        "ID": "04A3B2C1D0E5F6", "TT": "Stra@e 0,39 EUR/kWh",
        "RD": [reading("B", "09:00:00", Raw("1000.500")), reading("E", "09:47:00", Raw("1012.750"))],
    })
    payload = text.encode("ascii").replace(b"Stra@e", b"Stra\xdfe")  # Latin-1 sharp s: not UTF-8
    sig = sign(key, payload, "ocmf latin-1")
    tampered = payload.replace(b"Stra\xdfe", b"Stra\xe4e")
    SIGNED.append(("ocmf latin-1 tampered", key.pub_pem, sig, tampered, False))
    section = dumps({"SA": "ECDSA-secp256r1-SHA256", "SD": sig.hex().upper()}).encode()
    checks = {"format": "pass", "public_key": "pass", "signature": "pass", "consistency": "pass"}
    add("raw/ocmf-latin1.ocmf", b"OCMF|" + payload + b"|" + section + b"\n",
        "OCMF payload with a Latin-1 byte (0xDF) in TT, signed over the bytes as written: verifies as a raw file",
        ["verified"], checks, key_file="keys/ocmf-p256.pub.hex")
    add("raw/ocmf-latin1-tampered.ocmf", b"OCMF|" + tampered + b"|" + section + b"\n",
        "the same record with the Latin-1 byte changed after signing (0xDF -> 0xE4): the signature fails",
        ["invalid"], {"format": "pass", "public_key": "pass", "signature": "fail"},
        key_file="keys/ocmf-p256.pub.hex")


def edl40(key):
    block = bytearray(320)
    block[0:10] = bytes.fromhex("0901454d480000aabbcc")  # server id
    struct.pack_into("<I", block, 10, 1772355600)  # local time 2026-03-01T09:00:00 (local epoch)
    block[14] = 0x88
    struct.pack_into("<I", block, 15, 1234)
    struct.pack_into("<I", block, 19, 7)
    block[23:29] = bytes.fromhex("0100011100ff")
    block[29] = 30
    block[30] = 0xFF  # scaler -1
    struct.pack_into("<q", block, 31, 123456)
    block[39:41] = b"\x00\x04"
    block[41:49] = b"235DD5BB"
    struct.pack_into("<I", block, 169, 1772355590)
    for i in range(197, 320):
        block[i] = (i * 7) & 0xFF  # reserved bytes, not zero, signed as they are
    der = sign(key, bytes(block), "edl40 reserved bytes")
    sig = der_to_raw(der, 24)
    point = key.spki[-48:]  # uncompressed point without 04: X‖Y
    tampered = bytearray(block)
    tampered[250] ^= 0x01
    SIGNED.append(("edl40 reserved bytes tampered", key.pub_pem, der, bytes(tampered), False))

    def doc(b):
        return ('<?xml version="1.0" encoding="UTF-8" ?><signedMeterValue>'
                '<publicKey encoding="base64">%s</publicKey>'
                '<meterValueSignature encoding="base64">%s</meterValueSignature>'
                '<signatureMethod>ECDSA192SHA256</signatureMethod><encodingMethod>EDL</encodingMethod>'
                '<encodedMeterValue encoding="base64">%s</encodedMeterValue></signedMeterValue>\n'
                % (base64.b64encode(point).decode(), base64.b64encode(sig).decode(),
                   base64.b64encode(bytes(b)).decode())).encode()

    add("safe/edl40-reserved-bytes.xml", doc(block),
        "EDL40 prebuilt block with non-zero reserved bytes 197-319, signed as written (P-192): the signature "
        "verifies (one value alone has no begin/end pair: unverifiable)",
        ["unverifiable"], {"format": "pass", "signature": "pass"})
    add("safe/edl40-reserved-bytes-tampered.xml", doc(tampered),
        "the same block with reserved byte 250 changed after signing: the signature fails",
        ["invalid"], {"format": "pass", "signature": "fail"})


def generate():
    fresh_out_dir(OUT)
    ocmf(Key("ocmf-p256", "prime256v1"))
    edl40(Key("edl40-p192", "prime192v1"))
    (OUT / "keys" / "README.md").write_text(
        "# Test keys\n\nMade by `Scripts/generate_hostile_vectors.py` with `openssl genpkey`; test keys only.\n")
    MANIFEST.write(
        "# Generated vectors (hostile input)\n\nSelf-generated by `Scripts/generate_hostile_vectors.py` (python3 "
        "standard library + the `openssl` CLI). Nothing here comes from a real meter. Every signature is made by "
        "`openssl dgst -sha256 -sign` with the fresh test keys in `keys/`. `manifest.json` has the shape of "
        "`Vectors/generated-ocmf/manifest.json`.\n")


if __name__ == "__main__":
    signed_vectors_main(__doc__, OUT, generate, SIGNED, CLI)
