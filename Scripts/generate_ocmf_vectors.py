#!/usr/bin/env python3
"""Generate self-made Eichrecht test vectors: OCMF records inside OCPI 2.2.1 CDRs.

Usage:
    Scripts/generate_ocmf_vectors.py                      # (re)generate Vectors/generated-ocmf/ and self-check it
    Scripts/generate_ocmf_vectors.py --check-only         # only re-run the self-check on the existing files
    Scripts/generate_ocmf_vectors.py --check-cli          # also run .build/debug/eichrecht on every vector
    Scripts/generate_ocmf_vectors.py --bench N OUT.ndjson # write N valid P-256 CDRs as NDJSON (not committed)
        [--bench-unique K]                           #   sign only K distinct sessions (for very large N)

Standard library only. Every key generation and every signature is made by the `openssl` CLI
(OpenSSL 3): `openssl genpkey`, `openssl pkey -pubout -outform DER`, `openssl dgst -sha256 -sign`.
The self-check verifies every signature again with `openssl dgst -sha256 -verify` and runs a small
reference evaluation of the verdict rules (the contract in docs/ARCHITECTURE.md) over the written
files, asserting that it agrees with manifest.json.

Output (everything under Vectors/generated-ocmf/ is rewritten on every run; new keys, new signatures):
    keys/<key>.pem, keys/<key>.pub.pem, keys/<key>.pub.hex   test keys (private keys are test keys!)
    keys/<vector>.pub.hex                                       trusted keys referenced by key_file
    cdrs/<vector>.json | .ndjson                                the vectors
    manifest.json                                               expectations, one object per file
"""

import base64
import json
import os
import random
import sys
import tempfile
import time
import zlib
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

from vectorlib import (CLI, ROOT, Raw, TestKey, check_signed_and_manifest, curve_order, der_int_content, der_read,
                       der_tlv, dumps, fresh_dirs, generator_main, manifest_entry, ocpi_cdr, openssl, openssl_verify,
                       sig_from_der, sig_to_der, write_manifest)

OUT_DIR = ROOT / "Vectors" / "generated-ocmf"

# OpenSSL curve name -> (OCMF SA name, coordinate size in bytes)
CURVES = {
    "secp192k1": ("ECDSA-secp192k1-SHA256", 24),
    "prime192v1": ("ECDSA-secp192r1-SHA256", 24),
    "secp256k1": ("ECDSA-secp256k1-SHA256", 32),
    "prime256v1": ("ECDSA-secp256r1-SHA256", 32),
    "brainpoolP256r1": ("ECDSA-brainpool256r1-SHA256", 32),
    "secp384r1": ("ECDSA-secp384r1-SHA256", 48),
    "brainpoolP384r1": ("ECDSA-brainpool384r1-SHA256", 48),
    "secp521r1": ("ECDSA-secp521r1-SHA256", 66),
}
# SA curve token (lower case) -> OpenSSL curve name; used by the self-check's reference evaluation.
SA_CURVE = {
    "secp192k1": "secp192k1",
    "secp192r1": "prime192v1",
    "secp256k1": "secp256k1",
    "secp256r1": "prime256v1",
    "brainpool256r1": "brainpoolP256r1",
    "brainpoolp256r1": "brainpoolP256r1",
    "secp384r1": "secp384r1",
    "brainpool384r1": "brainpoolP384r1",
    "brainpoolp384r1": "brainpoolP384r1",
    "secp521r1": "secp521r1",
}
DEFAULT_SA = "ECDSA-secp256r1-SHA256"

MS = "1ACME0000001"
GS = "GW-0001"
RFID = "1F2D3A4F5506C7"
EVSE = "DE*ACM*E0001*1"
CONTRACT = "DE-ACM-C12345678-X"
OBIS_IMPORT = "1-b:1.8.0"
TIME_TOL = 120
ENERGY_TOL = Decimal("0.001")
EPOCH_1970 = datetime(1970, 1, 1, tzinfo=timezone.utc)


# --------------------------------------------------------------------------------------------
# keys
# --------------------------------------------------------------------------------------------

class Key(TestKey):
    """A fresh test key with its OCMF SA name; `.pub.hex` is its hex DER SubjectPublicKeyInfo."""

    def __init__(self, name, curve, keydir):
        super().__init__(name, curve, keydir)
        self.sa, self.n = CURVES[curve]
        self.write_public(".pub.hex", self.spki.hex())
        self.order = curve_order(curve)

    def spelling(self, kind):
        h = self.spki.hex()
        if kind == "base64-spki":
            return base64.b64encode(self.spki).decode()
        if kind == "hex-spki-lower":
            return h
        if kind == "hex-spki-upper":
            return h.upper()
        if kind == "hex-spki-spaced":
            u = h.upper()
            return " ".join(u[i:i + 4] for i in range(0, len(u), 4))
        if kind == "base64-of-hex":
            return base64.b64encode(h.upper().encode()).decode()
        if kind == "raw-xy-hex":
            return (self.x + self.y).hex()
        if kind == "sec1-uncompressed-hex":
            return self.point.hex()
        if kind == "sec1-compressed-hex":
            return self.compressed.hex()
        if kind == "sec1-compressed-base64":
            return base64.b64encode(self.compressed).decode()
        if kind == "oca-envelope":
            return base64.b64encode(("oca:base16:asn1:" + h).encode()).decode()
        raise ValueError(kind)


# --------------------------------------------------------------------------------------------
# OCMF records
# --------------------------------------------------------------------------------------------

def tm(utc, offset_min=60, flag="S", ms=0):
    local = utc + timedelta(minutes=offset_min)
    sign = "+" if offset_min >= 0 else "-"
    o = abs(offset_min)
    return "%s,%03d%s%02d%02d %s" % (local.strftime("%Y-%m-%dT%H:%M:%S"), ms, sign, o // 60, o % 60, flag)


def reading(tm_text, tx, rv, ri=OBIS_IMPORT, ru="kWh", st="G", ef=""):
    return {"TM": tm_text, "TX": tx, "RV": Raw(rv), "RI": ri, "RU": ru, "RT": "AC", "EF": ef, "ST": st}


def payload(pg, readings, ms=MS, gs=GS, omit_ms=False):
    obj = {"FV": "1.0", "GI": "ACME Wallbox", "GS": gs, "GV": "1.2.3", "PG": "T%d" % pg,
           "MV": "ACME", "MM": "M-100", "MS": ms, "MF": "1.0", "IS": True, "IL": "TRUSTED",
           "IF": ["RFID_PLAIN", "OCPP_RS_TLS"], "IT": "ISO14443", "ID": RFID, "CT": "EVSEID",
           "CI": EVSE, "RD": readings}
    if omit_ms:
        del obj["MS"]
    return dumps(obj)


class Record:
    """One signed OCMF record. `der` is the DER signature openssl made over `signed_payload`;
    `payload` is what is written (differs from signed_payload only when tampered)."""

    def __init__(self, key, payload_text, form="der", sa="curve", tamper=None):
        self.key = key
        self.form = form
        self.signed_payload = payload_text
        msg = payload_text.encode()
        der = key.sign(msg)
        if form == "noncanonical":
            # regenerate until r has its high bit set (DER then carries a 00 sign byte we remove)
            tries = 0
            while True:
                r, s = sig_from_der(der)
                if r.bit_length() == 8 * key.n:
                    break
                tries += 1
                assert tries < 200
                der = key.sign(msg)
        self.der = der  # the DER the sanity check verifies
        r, s = sig_from_der(der)
        sig_fields = {}
        if sa == "curve":
            sig_fields["SA"] = key.sa
        elif sa is not None:
            sig_fields["SA"] = sa
        if form == "der":
            sd = der.hex()
        elif form == "der-upper":
            sd = der.hex().upper()
        elif form == "raw":
            sd = (r.to_bytes(key.n, "big") + s.to_bytes(key.n, "big")).hex()
        elif form == "noncanonical":
            rb = r.to_bytes(key.n, "big")  # high bit set, no 00 pad: negative in strict DER
            nc = der_tlv(0x30, der_tlv(0x02, rb) + der_tlv(0x02, der_int_content(s)))
            assert nc != der and nc[3] == key.n
            sd = nc.hex()
        elif form == "base64":
            sig_fields["SE"] = "base64"
            sd = base64.b64encode(der).decode()
        elif form == "high-s":
            hs = s if s > key.order // 2 else key.order - s
            assert hs > key.order // 2
            self.der_original = der
            self.der = sig_to_der(r, hs)
            sd = self.der.hex()
        else:
            raise ValueError(form)
        sig_fields["SD"] = sd
        self.sig_section = dumps(sig_fields)
        self.payload = payload_text
        self.expect_valid = True
        if tamper is not None:
            old, new = tamper
            assert old in payload_text
            self.payload = payload_text.replace(old, new, 1)
            assert self.payload != payload_text
            self.expect_valid = False

    @property
    def text(self):
        return "OCMF|" + self.payload + "|" + self.sig_section


def place(rec, placement):
    """-> (plain_data, signed_data) for one of the placements the verifier must read."""
    t = rec.text
    if placement == "plain":
        return "", t
    if placement == "base64":
        return "", base64.b64encode(t.encode()).decode()
    if placement == "hex":
        return "", t.encode().hex()
    if placement == "reassembly":
        return rec.payload, base64.b64encode(rec.sig_section.encode()).decode()
    if placement == "plain-and-base64":
        return t, base64.b64encode(t.encode()).decode()
    if placement == "base32":
        return "", base64.b32encode(t.encode()).decode()
    raise ValueError(placement)


# --------------------------------------------------------------------------------------------
# sessions and CDRs
# --------------------------------------------------------------------------------------------

def rng_for(name):
    return random.Random(zlib.crc32(name.encode()))


def fmt_dec(d, places):
    return str(d.quantize(Decimal(1).scaleb(-places))) if places > 0 else str(d.quantize(Decimal(1)))


def iso(dt):
    return dt.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class Session:
    """A charging session: begin/end instants, readings and the signed records carrying them."""

    def __init__(self, key, name, shape="split", begin_utc=None, duration=None, tz=60,
                 flags=("S", "S"), begin_rv=None, end_rv=None, ru="kWh", ri=(OBIS_IMPORT, OBIS_IMPORT),
                 pg=None, pg_end=None, ms=MS, ms_end=None, gs=GS, omit_ms=False, st=("G", "G"), ef=("", ""),
                 form="der", sa="curve", tamper_start=None, tamper_end=None, intermediate=False, millis=None):
        rnd = rng_for(name)
        self.key = key
        self.begin_utc = begin_utc or datetime(2026, 3, 1 + rnd.randrange(27), 6 + rnd.randrange(10),
                                               rnd.randrange(60), rnd.randrange(60), tzinfo=timezone.utc)
        self.duration = duration or timedelta(seconds=rnd.randrange(1800, 4 * 3600))
        self.end_utc = self.begin_utc + self.duration
        if begin_rv is None:
            begin = Decimal(rnd.randrange(100000, 5000000)) / 1000
            begin_rv = fmt_dec(begin, 3) if ru == "kWh" else str(int(begin * 1000))
        if end_rv is None:
            e = Decimal(rnd.randrange(2000, 60000)) / 1000
            end_rv = (fmt_dec(Decimal(begin_rv) + e, 3) if ru == "kWh" else str(int(Decimal(begin_rv) + e * 1000)))
        self.begin_rv, self.end_rv, self.ru = begin_rv, end_rv, ru
        self.ms = ms
        self.gs = gs
        pg = pg if pg is not None else 10 + rnd.randrange(5000)
        ms_b = rnd.randrange(1000) if millis is None else millis
        ms_e = rnd.randrange(1000) if millis is None else millis
        rb = reading(tm(self.begin_utc, tz, flags[0], ms_b), "B", begin_rv, ri[0], ru, st[0], ef[0])
        re_ = reading(tm(self.end_utc, tz, flags[1], ms_e), "E", end_rv, ri[1], ru, st[1], ef[1])
        self.begin_exact = self.begin_utc + timedelta(milliseconds=ms_b)
        self.end_exact = self.end_utc + timedelta(milliseconds=ms_e)
        self.records = []  # (Record, nature)
        if shape == "split":
            if intermediate:
                mid_utc = self.begin_utc + self.duration / 2
                mid_rv = fmt_dec((Decimal(begin_rv) + Decimal(end_rv)) / 2, 3)
                rm = reading(tm(mid_utc, tz, flags[0], 500), "C", mid_rv, ri[0], ru)
                pe = pg_end if pg_end is not None else pg + 2
                self.records = [
                    (Record(key, payload(pg, [rb], ms, gs, omit_ms), form, sa, tamper_start), "Start"),
                    (Record(key, payload(pg + 1, [rm], ms, gs, omit_ms), form, sa), "Intermediate"),
                    (Record(key, payload(pe, [re_], ms_end or ms, gs, omit_ms), form, sa, tamper_end), "End"),
                ]
            else:
                pe = pg_end if pg_end is not None else pg + 1
                self.records = [
                    (Record(key, payload(pg, [rb], ms, gs, omit_ms), form, sa, tamper_start), "Start"),
                    (Record(key, payload(pe, [re_], ms_end or ms, gs, omit_ms), form, sa, tamper_end), "End"),
                ]
        elif shape == "single":
            self.records = [(Record(key, payload(pg, [rb, re_], ms, gs, omit_ms), form, sa, tamper_end), "End")]
        else:
            raise ValueError(shape)
        div = Decimal(1) if ru == "kWh" else Decimal(1000)
        self.energy = (Decimal(end_rv) - Decimal(begin_rv)) / div

    @property
    def start(self):
        return self.records[0][0]

    @property
    def end(self):
        return self.records[-1][0]


DEFAULT = object()


def signed_data_obj(values, key_text=None, encoding_method="OCMF", extra=True):
    sd = {"encoding_method": encoding_method}
    if extra:
        sd["encoding_method_version"] = 1
    if key_text is not None:
        sd["public_key"] = key_text
    sd["signed_values"] = values
    if extra:
        sd["url"] = "https://transparenz.example.com/check"
    return sd


def sv(rec, nature, placement="plain"):
    plain, signed = place(rec, placement)
    return {"nature": nature, "plain_data": plain, "signed_data": signed}


def make_cdr(cdr_id, sess, *, values=None, placement="plain", key_text=DEFAULT, key_spelling="base64-spki",
             total_energy=None, start=None, end=None, meter_id=DEFAULT, encoding_method="OCMF", extras=True):
    if values is None:
        values = [sv(r, n, placement) for r, n in sess.records]
    if key_text is DEFAULT:
        key_text = sess.key.spelling(key_spelling)
    start = start if start is not None else sess.begin_utc - timedelta(seconds=30)
    end = end if end is not None else sess.end_utc + timedelta(seconds=30)
    energy = total_energy if total_energy is not None else str(sess.energy)
    price = (Decimal(energy) * Decimal("0.49")).quantize(Decimal("0.01")) if Decimal(energy) > 0 else Decimal("0.00")
    cdr = ocpi_cdr(cdr_id, "S-" + cdr_id, start, end, party_id="ACM", location_name="ACME Depot",
                   address="Musterstrasse 1", token_uid=RFID, contract_id=CONTRACT, evse_id=EVSE,
                   meter_id=sess.ms if meter_id is DEFAULT else meter_id,
                   total_cost={"excl_vat": Raw(str((price / Decimal("1.19")).quantize(Decimal("0.01")))),
                               "incl_vat": Raw(str(price))},
                   total_energy=energy, signed_data=signed_data_obj(values, key_text, encoding_method, extras),
                   last_updated=sess.end_utc + timedelta(minutes=5))
    if extras:
        # unknown fields the verifier must tolerate
        cdr["x_acme_billing"] = {"batch": 7, "flags": ["late", None], "nested": {"ok": True}}
        cdr["signed_data"]["signed_values"] = [dict(v, x_acme_seq=i) if isinstance(v, dict) else v
                                               for i, v in enumerate(cdr["signed_data"]["signed_values"])]
    return cdr


# --------------------------------------------------------------------------------------------
# the vector set
# --------------------------------------------------------------------------------------------

class Generator:
    def __init__(self, outdir):
        self.out = outdir
        self.keydir = outdir / "keys"
        self.cdrdir = outdir / "cdrs"
        self.keys = {}
        self.manifest = []
        self.records = []  # every Record written, for the signature sanity check
        self.names = set()

    def key(self, name, curve="prime256v1"):
        if name not in self.keys:
            self.keys[name] = Key(name, curve, self.keydir)
        return self.keys[name]

    @property
    def p256(self):
        return self.key("prime256v1-main")

    def emit(self, name, cdrs, description, verdicts, checks, kind="object", key_file=None, sessions=()):
        assert name not in self.names, name
        self.names.add(name)
        ext = ".ndjson" if kind == "ndjson" else ".json"
        if kind == "object":
            assert len(cdrs) == 1
            text = dumps(cdrs[0], 2) + "\n"
        elif kind == "array":
            text = dumps(cdrs, 2) + "\n"
        elif kind == "envelope":
            text = dumps({"data": cdrs, "status_code": 1000, "status_message": "Success",
                          "timestamp": "2026-04-01T12:00:00Z"}, 2) + "\n"
        elif kind == "ndjson":
            text = "".join(dumps(c) + "\n" for c in cdrs)
        else:
            raise ValueError(kind)
        assert len(verdicts) == len(cdrs)
        (self.cdrdir / (name + ext)).write_text(text)
        kf = None
        if key_file is not None:
            kf = "keys/%s.pub.hex" % name
            (self.out / kf).write_text(key_file.spki.hex())
        for s in sessions:
            self.records.extend(r for r, _ in s.records)
        self.manifest.append({"file": "cdrs/" + name + ext, "key_file": kf, "description": description,
                              "expect": {"verdicts": verdicts, "checks": checks}})

    def one(self, name, description, verdict, checks, sess, key_file=None, **cdr_kw):
        cdr = make_cdr("CDR-" + name, sess, **cdr_kw)
        self.emit(name, [cdr], description, [verdict], checks, key_file=key_file, sessions=[sess])

    # ----------------------------------------------------------------------------------------

    def build(self):
        OK = {"format": "pass", "public_key": "pass", "signature": "pass", "consistency": "pass",
              "meter_status": "pass", "pairing": "pass", "energy": "pass", "start_time": "pass",
              "end_time": "pass", "meter_id": "pass", "time_sync": "pass", "key_trust": "warn"}

        def ok(**over):
            d = dict(OK)
            for k, v in over.items():
                k = k.rstrip("_")
                if v is None:
                    d.pop(k, None)
                else:
                    d[k] = v
            return d

        p256 = self.p256

        # 1. every curve, split records, base64 DER SPKI
        for curve, (sa, n) in CURVES.items():
            k = self.key(curve + "-main", curve)
            name = "curve-" + sa.split("-")[1]
            s = Session(k, name)
            self.one(name, "%s (%s): split Start/End records, key as base64 DER SPKI" % (sa, curve),
                     "verified", ok(), s)
        k = self.key("brainpoolP256r1-main", "brainpoolP256r1")
        s = Session(k, "curve-brainpoolP256r1-spelling", sa="ECDSA-brainpoolP256r1-SHA256")
        self.one("curve-brainpoolP256r1-spelling",
                 "SA spelled ECDSA-brainpoolP256r1-SHA256 (real-world spelling with P), brainpoolP256r1 key",
                 "verified", ok(), s)
        k = self.key("brainpoolP384r1-main", "brainpoolP384r1")
        s = Session(k, "curve-brainpoolP384r1-spelling", sa="ECDSA-brainpoolP384r1-SHA256")
        self.one("curve-brainpoolP384r1-spelling",
                 "SA spelled ECDSA-brainpoolP384r1-SHA256 (with P), brainpoolP384r1 key",
                 "verified", ok(), s)
        s = Session(p256, "sa-absent-default-p256", sa=None)
        self.one("sa-absent-default-p256", "signature section without SA: default ECDSA-secp256r1-SHA256",
                 "verified", ok(), s)

        # 2. signed_data placements
        placements = {
            "plain": "plain OCMF|... text in signed_data, plain_data empty",
            "base64": "base64 of the OCMF text in signed_data, plain_data empty",
            "hex": "hex of the OCMF text in signed_data, plain_data empty",
            "reassembly": "plain_data = payload JSON only, signed_data = base64 of the signature-section JSON "
                          "(the verifier reassembles OCMF|plain|sig)",
            "plain-and-base64": "OCMF text in plain_data and base64 of it in signed_data",
            "base32": "base32 (RFC 4648, padded) of the OCMF text in signed_data, plain_data empty",
        }
        for pl, desc in placements.items():
            name = "placement-" + pl
            self.one(name, desc, "verified", ok(), Session(p256, name), placement=pl)
        name = "shape-single-record"
        self.one(name, "one OCMF record holding both the B and the E reading, one SignedValue with nature End",
                 "verified", ok(), Session(p256, name, shape="single"))
        name = "shape-single-record-base64"
        self.one(name, "one OCMF record (B and E readings) as base64 in signed_data, nature End",
                 "verified", ok(), Session(p256, name, shape="single"), placement="base64")
        name = "shape-intermediate"
        self.one(name, "Start (T n), Intermediate (TX=C, T n+1) and End (T n+2) records, all signed",
                 "verified", ok(), Session(p256, name, intermediate=True))

        # 3. public_key spellings
        spellings = {
            "base64-spki": "base64 of the DER SPKI",
            "hex-spki-lower": "hex DER SPKI, lower case",
            "hex-spki-upper": "hex DER SPKI, upper case",
            "hex-spki-spaced": "hex DER SPKI, upper case, a space every 4 hex digits (as printed on labels)",
            "base64-of-hex": "base64 of the (upper case) hex SPKI text",
            "raw-xy-hex": "raw X||Y hex without 04 prefix (2n bytes)",
            "sec1-uncompressed-hex": "SEC1 uncompressed point 04||X||Y hex",
            "sec1-compressed-hex": "SEC1 compressed point 02/03||X hex",
            "sec1-compressed-base64": "SEC1 compressed point, base64",
            "oca-envelope": "base64 of oca:base16:asn1:<hex SPKI> (OCA application note envelope)",
        }
        for sp, desc in spellings.items():
            name = "key-" + sp
            self.one(name, "public_key as " + desc, "verified", ok(), Session(p256, name), key_spelling=sp)
        for curve, sp in (("secp256k1", "sec1-compressed-hex"), ("brainpoolP384r1", "sec1-compressed-base64"),
                          ("prime192v1", "raw-xy-hex"), ("secp521r1", "sec1-compressed-hex")):
            k = self.key(curve + "-main", curve)
            name = "key-%s-%s" % (sp, curve)
            self.one(name, "public_key as %s on %s" % (spellings[sp], curve), "verified", ok(),
                     Session(k, name), key_spelling=sp)
        name = "key-file-only"
        self.one(name, "no public_key in the CDR; the trusted key is given on the CLI (key_file)",
                 "verified", ok(key_trust="pass"), Session(p256, name), key_text=None, key_file=p256)
        name = "key-file-matches-cdr"
        self.one(name, "trusted key (key_file) equals the CDR's public_key (hex SPKI)",
                 "verified", ok(key_trust="pass"), Session(p256, name), key_spelling="hex-spki-upper",
                 key_file=p256)

        # 4. signature shapes
        sigs = {
            "der": "DER signature, hex (lower case)",
            "der-upper": "DER signature, upper-case hex",
            "raw": "raw r||s (2n bytes) hex although SM defaults to DER",
            "noncanonical": "non-canonical DER: r has its high bit set and the 00 sign byte removed "
                            "(lengths fixed)",
            "base64": "SE base64, DER content",
            "high-s": "high-S signature (s replaced by n - s, s > n/2), canonical DER",
        }
        for form, desc in sigs.items():
            name = "sig-" + form
            self.one(name, "signature as " + desc + " (P-256)", "verified", ok(), Session(p256, name, form=form))
        for curve, form in (("prime192v1", "noncanonical"), ("secp521r1", "raw"), ("secp384r1", "high-s"),
                            ("brainpoolP384r1", "base64"), ("secp192k1", "high-s")):
            k = self.key(curve + "-main", curve)
            name = "sig-%s-%s" % (form, curve)
            self.one(name, "signature as %s on %s" % (sigs[form], curve), "verified", ok(),
                     Session(k, name, form=form))

        # 5. input kinds
        def three(prefix):
            ss = [Session(p256, "%s-%d" % (prefix, i)) for i in range(3)]
            return ss, [make_cdr("CDR-%s-%d" % (prefix, i), s, placement=("plain", "base64", "hex")[i])
                        for i, s in enumerate(ss)]

        self.one("input-single-object", "a single CDR JSON object", "verified", ok(),
                 Session(p256, "input-single-object"))
        ss, cdrs = three("input-array")
        self.emit("input-array", cdrs, "a JSON array of 3 valid CDRs", ["verified"] * 3, ok(),
                  kind="array", sessions=ss)
        ss, cdrs = three("input-envelope")
        self.emit("input-envelope", cdrs, "an OCPI response envelope {data:[3 CDRs], status_code:1000, ...}",
                  ["verified"] * 3, ok(), kind="envelope", sessions=ss)
        ss, cdrs = three("input-ndjson")
        self.emit("input-ndjson", cdrs, "NDJSON: 3 valid CDRs, one per line", ["verified"] * 3, ok(),
                  kind="ndjson", sessions=ss)
        s = Session(p256, "input-bare-signeddata")
        bare = signed_data_obj([sv(r, n) for r, n in s.records], p256.spelling("base64-spki"))
        (self.cdrdir / "input-bare-signeddata.json").write_text(dumps(bare, 2) + "\n")
        self.names.add("input-bare-signeddata")
        self.records.extend(r for r, _ in s.records)
        self.manifest.append({"file": "cdrs/input-bare-signeddata.json", "key_file": None,
                              "description": "a bare OCPI SignedData object (no CDR around it)",
                              "expect": {"verdicts": ["verified"],
                                         "checks": {"format": "pass", "public_key": "pass", "signature": "pass",
                                                    "consistency": "pass", "meter_status": "pass",
                                                    "pairing": "pass", "key_trust": "warn"}}})
        s1 = Session(p256, "input-array-mixed-0")
        s2 = Session(p256, "input-array-mixed-1")
        s3 = Session(p256, "input-array-mixed-2", tamper_end=('"GV":"1.2.3"', '"GV":"1.2.4"'))
        cdrs = [make_cdr("CDR-input-array-mixed-0", s1),
                make_cdr("CDR-input-array-mixed-1", s2, total_energy=str(s2.energy + Decimal("0.5"))),
                make_cdr("CDR-input-array-mixed-2", s3)]
        self.emit("input-array-mixed-verdicts", cdrs,
                  "a JSON array: verified, energy mismatch, tampered (invalid), in this order",
                  ["verified", "mismatch", "invalid"], {"format": "pass", "public_key": "pass"},
                  kind="array", sessions=[s1, s2, s3])

        # 6. check codes --------------------------------------------------------------------
        # signature / public_key / format
        name = "signature-tampered-payload"
        self.one(name, "End payload altered after signing (GV 1.2.3 -> 1.2.4): signature fails", "invalid",
                 {"format": "pass", "public_key": "pass", "signature": "fail"},
                 Session(p256, name, tamper_end=('"GV":"1.2.3"', '"GV":"1.2.4"')))
        name = "signature-tampered-reading"
        self.one(name, "Start reading RV altered after signing (CDR energy matches the altered value)",
                 "invalid", {"signature": "fail"},
                 Session(p256, name, begin_rv="1000.000", end_rv="1020.000",
                         tamper_start=('"RV":1000.000', '"RV":1001.000')), total_energy="19.000")
        name = "signature-wrong-key"
        other = self.key("prime256v1-other")
        self.one(name, "records signed by one P-256 key, the CDR public_key is another P-256 key", "invalid",
                 {"format": "pass", "public_key": "pass", "signature": "fail"}, Session(p256, name),
                 key_text=other.spelling("base64-spki"))
        name = "public-key-wrong-curve"
        k1 = self.key("secp256k1-main", "secp256k1")
        self.one(name, "SA ECDSA-secp256r1-SHA256 but public_key is a secp256k1 SPKI", "invalid",
                 {"public_key": "fail"}, Session(p256, name), key_text=k1.spelling("base64-spki"))
        name = "public-key-wrong-curve-size"
        self.one(name, "SA ECDSA-secp256r1-SHA256 but public_key is a secp384r1 SPKI (hex)", "invalid",
                 {"public_key": "fail"}, Session(p256, name),
                 key_text=self.key("secp384r1-main", "secp384r1").spelling("hex-spki-upper"))
        name = "public-key-undecodable-text"
        self.one(name, "public_key is text that no key decoder accepts", "invalid", {"public_key": "fail"},
                 Session(p256, name), key_text="#not*a*public*key#")
        name = "public-key-undecodable-bytes"
        r = rng_for(name)
        junk = bytes([0x5A]) + bytes(r.randrange(256) for _ in range(19))  # 0x5A: not 0x30/02/03/04
        self.one(name, "public_key is valid base64 of 20 random bytes (neither SPKI nor a point)", "invalid",
                 {"public_key": "fail"}, Session(p256, name), key_text=base64.b64encode(junk).decode())
        name = "public-key-absent"
        self.one(name, "no public_key in the CDR and no trusted key: nothing to verify with", "unverifiable",
                 {"public_key": "skip", "signature": "skip"}, Session(p256, name), key_text=None)
        name = "public-key-trusted-differs"
        self.one(name, "trusted key (key_file) differs from the CDR's public_key (which did sign)", "invalid",
                 {"public_key": "fail"}, Session(p256, name), key_file=other)
        name = "key-file-wrong-signer"
        self.one(name, "no public_key in the CDR; the trusted key (key_file) is not the signer", "invalid",
                 {"signature": "fail"}, Session(p256, name), key_text=None, key_file=other)

        name = "format-garbage"
        s = Session(p256, name)
        vals = [sv(s.start, "Start"), {"nature": "End", "plain_data": "",
                                         "signed_data": "Lorem ipsum dolor sit amet, consectetur!"}]
        self.one(name, "encoding_method OCMF, the End signed_data is garbage text (decodes as nothing)",
                 "invalid", {"format": "fail"}, s, values=vals)
        name = "format-broken-json"
        s = Session(p256, name)
        broken = "OCMF|" + s.end.payload[:60] + "|" + s.end.sig_section
        vals = [sv(s.start, "Start"), {"nature": "End", "plain_data": "", "signed_data": broken}]
        self.one(name, "End signed_data is OCMF| with a truncated (broken) payload JSON", "invalid",
                 {"format": "fail"}, s, values=vals)
        name = "format-unknown-method"
        s = Session(p256, name)
        r = rng_for(name)
        vals = []
        for nat in ("Start", "End"):
            while True:
                blob = bytes(r.randrange(256) for _ in range(96))
                if not (blob.startswith(b"OCMF") or blob.startswith(b"AP;") or blob[:1] in (b"<", b"{")
                        or blob.startswith(b"\x1b\x1b") or blob.startswith(b"128.8.0")):
                    break
            vals.append({"nature": nat, "plain_data": "", "signed_data": base64.b64encode(blob).decode()})
        self.one(name, "encoding_method 'Foo Meter' with base64 of random bytes no decoder recognises "
                       "(a valid P-256 public_key is present)", "unverifiable", {"format": "skip"}, s,
                 values=vals, encoding_method="Foo Meter", meter_id=None)
        name = "format-unknown-method-with-ocmf"
        self.one(name, "encoding_method 'Foo Meter' but the content is valid OCMF (detected by content; "
                       "a hint mismatch is at most a warn)", "verified",
                 ok(format_=None), Session(p256, name), encoding_method="Foo Meter")
        name = "format-encoding-method-lowercase"
        self.one(name, "encoding_method 'ocmf' (CiString, case-insensitive)", "verified", ok(),
                 Session(p256, name), encoding_method="ocmf")

        # consistency
        name = "consistency-ms-differs"
        self.one(name, "Start MS 1ACME0000001, End MS 1ACME0000002 (both validly signed)", "invalid",
                 {"signature": "pass", "consistency": "fail"}, Session(p256, name, ms_end="1ACME0000002"))
        name = "consistency-rv-decreasing"
        self.one(name, "End RV lower than Start RV on the same register", "invalid",
                 {"signature": "pass", "consistency": "fail"},
                 Session(p256, name, begin_rv="2345.678", end_rv="2340.100"), total_energy="5.578")
        name = "consistency-pg-backwards"
        self.one(name, "End record PG T17 lower than Start record PG T18", "invalid",
                 {"signature": "pass", "consistency": "fail"}, Session(p256, name, pg=18, pg_end=17))
        name = "consistency-pg-gap"
        self.one(name, "PG gap T17 -> T20 (intermediate records omitted): warn only", "verified",
                 ok(consistency="warn"), Session(p256, name, pg=17, pg_end=20))
        name = "consistency-no-common-register"
        self.one(name, "Start reading on 1-b:1.8.0, End reading on 1-b:2.8.0: no register in common",
                 "invalid", {"signature": "pass", "consistency": "fail"},
                 Session(p256, name, ri=(OBIS_IMPORT, "1-b:2.8.0")))

        # meter_status
        name = "meter-status-st-error"
        self.one(name, "End reading ST 'E' (OTHER_ERROR)", "invalid", {"signature": "pass", "meter_status": "fail"},
                 Session(p256, name, st=("G", "E")))
        name = "meter-status-ef-energy"
        self.one(name, "End reading EF 'E' (energy no longer billable)", "invalid",
                 {"signature": "pass", "meter_status": "fail"}, Session(p256, name, ef=("", "E")))

        # pairing
        name = "pairing-missing-end"
        s = Session(p256, name)
        self.one(name, "only the Start value, no End reading", "unverifiable",
                 {"signature": "pass", "pairing": "fail"}, s, values=[sv(s.start, "Start")])
        name = "pairing-missing-start"
        s = Session(p256, name)
        self.one(name, "only the End value, no Start reading", "unverifiable",
                 {"signature": "pass", "pairing": "fail"}, s, values=[sv(s.end, "End")])
        name = "pairing-two-starts"
        s = Session(p256, name, pg=40)
        s2 = Session(p256, name, pg=40, begin_utc=s.begin_utc + timedelta(seconds=5), duration=s.duration,
                     begin_rv=fmt_dec(Decimal(s.begin_rv) + Decimal("0.010"), 3), end_rv=s.end_rv)
        vals = [sv(s.start, "Start"), sv(s2.start, "Start"), sv(s.end, "End")]
        self.one(name, "two different validly signed Start records (both TX=B on 1-b:1.8.0) and one End",
                 "invalid", {"signature": "pass", "pairing": "fail"}, s, values=vals)
        self.records.append(s2.start)
        name = "pairing-duplicate-start"
        s = Session(p256, name)
        vals = [sv(s.start, "Start"), sv(s.start, "Start"), sv(s.end, "End")]
        self.one(name, "the very same Start value twice (identical signed_data): warn, rest verifies",
                 "verified", ok(pairing="warn"), s, values=vals)

        # energy
        name = "energy-off-by-half-kwh"
        s = Session(p256, name)
        self.one(name, "CDR total_energy is 0.5 kWh more than the signed energy", "mismatch",
                 {"signature": "pass", "energy": "fail"}, s, total_energy=str(s.energy + Decimal("0.5")))
        name = "energy-rounded-within-tolerance"
        s = Session(p256, name, begin_rv="1000.1000", end_rv="1012.4456")
        self.one(name, "signed 12.3456 kWh (4-decimal RVs), CDR rounds to 12.346: within 0.001 kWh",
                 "verified", ok(), s, total_energy="12.346")
        name = "energy-coarse-resolution"
        s = Session(p256, name, begin_rv="1200.5", end_rv="1213.125")
        self.one(name, "Start RV 1200.5 (1 decimal), End RV 1213.125: tolerance 0.1 kWh; signed 12.625, "
                       "CDR 12.7", "verified", ok(), s, total_energy="12.7")
        name = "energy-just-outside-tolerance"
        s = Session(p256, name, begin_rv="500.000", end_rv="510.250")
        self.one(name, "3-decimal RVs (tolerance 0.001 kWh); signed 10.250, CDR 10.252", "mismatch",
                 {"signature": "pass", "energy": "fail"}, s, total_energy="10.252")
        name = "energy-wh-unit"
        s = Session(p256, name, ru="Wh", begin_rv="1234567", end_rv="1246913")
        self.one(name, "RU Wh: 1246913 - 1234567 Wh = 12.346 kWh, CDR 12.346", "verified", ok(), s,
                 total_energy="12.346")
        name = "energy-wh-reported-as-kwh"
        s = Session(p256, name, ru="Wh", begin_rv="1234567", end_rv="1246913")
        self.one(name, "RU Wh, CDR total_energy 12346 (Wh value reported as kWh)", "mismatch",
                 {"signature": "pass", "energy": "fail"}, s, total_energy="12346")

        # time
        def early(name, flag, desc, verdict, checks):
            s = Session(p256, name, flags=(flag, flag))
            self.one(name, desc, verdict, checks, s, start=s.begin_utc + timedelta(seconds=300))

        early("time-start-early-sync", "S", "signed begin 300 s before CDR start_date_time, clock S",
              "mismatch", {"signature": "pass", "start_time": "fail"})
        early("time-start-early-informative", "I", "signed begin 300 s before CDR start, clock I: warn",
              "verified", ok(start_time="warn", end_time="pass", time_sync="warn"))
        early("time-start-early-relative", "R", "signed begin 300 s before CDR start, clock R: start_time skips, "
              "but the relative clock's duration exceeds total_time + 2 × 120 s: duration fails",
              "mismatch", ok(start_time="skip", end_time=None, time_sync="warn", duration="fail"))
        early("time-start-early-unknown", "U", "signed begin 300 s before CDR start, clock U: skip",
              "verified", ok(start_time="skip", end_time=None, time_sync="warn"))
        name = "time-start-tolerance-edge"
        s = Session(p256, name, millis=0)
        self.one(name, "signed begin exactly 120 s before CDR start_date_time (not earlier than start - 120 s)",
                 "verified", ok(), s, start=s.begin_utc + timedelta(seconds=120))
        name = "time-end-tolerance-edge"
        s = Session(p256, name, millis=0)
        self.one(name, "signed end exactly 120 s after CDR end_date_time (not later than end + 120 s)",
                 "verified", ok(), s, end=s.end_utc - timedelta(seconds=120))
        name = "time-start-121s-early"
        s = Session(p256, name)
        self.one(name, "signed begin 121 s before CDR start, clock S", "mismatch",
                 {"signature": "pass", "start_time": "fail"}, s,
                 start=s.begin_exact + timedelta(seconds=121))
        name = "time-end-late-sync"
        s = Session(p256, name)
        self.one(name, "signed end 300 s after CDR end_date_time, clock S", "mismatch",
                 {"signature": "pass", "end_time": "fail"}, s, end=s.end_utc - timedelta(seconds=300))
        name = "time-end-late-informative"
        s = Session(p256, name, flags=("I", "I"))
        self.one(name, "signed end 300 s after CDR end_date_time, clock I: warn", "verified",
                 ok(start_time="pass", end_time="warn", time_sync="warn"), s,
                 end=s.end_utc - timedelta(seconds=300))
        name = "time-cdr-1970"
        s = Session(p256, name)
        self.one(name, "CDR start_date_time and end_date_time are 1970-01-01T00:00:00Z (unknown)", "verified",
                 ok(start_time="skip", end_time="skip"), s, start=EPOCH_1970, end=EPOCH_1970)
        name = "time-offset-summer"
        s = Session(p256, name, begin_utc=datetime(2026, 7, 15, 14, 5, 7, tzinfo=timezone.utc), tz=120)
        self.one(name, "TM with +0200 offset (summer time), CDR times UTC", "verified", ok(), s)
        name = "time-offset-negative"
        s = Session(p256, name, begin_utc=datetime(2026, 1, 31, 23, 30, 0, tzinfo=timezone.utc), tz=-300)
        self.one(name, "TM with -0500 offset (local date is the day before), CDR times UTC", "verified", ok(), s)
        name = "time-mixed-sync"
        self.one(name, "begin clock I, end clock S, both within the CDR times", "verified",
                 ok(time_sync="warn"), Session(p256, name, flags=("I", "S")))

        # meter_id
        name = "meter-id-differs"
        self.one(name, "CDR meter_id 1ACME0000099, signed MS 1ACME0000001", "mismatch",
                 {"signature": "pass", "meter_id": "fail"}, Session(p256, name), meter_id="1ACME0000099")
        name = "meter-id-formatting"
        self.one(name, "CDR meter_id '1acme 000-00:01' vs MS 1ACME0000001 (case, spaces, dashes, colons)",
                 "verified", ok(), Session(p256, name), meter_id="1acme 000-00:01")
        name = "meter-id-absent"
        self.one(name, "CDR without meter_id", "verified", ok(meter_id="skip"), Session(p256, name),
                 meter_id=None)
        name = "meter-id-gateway-serial"
        s = Session(p256, name, omit_ms=True)
        self.one(name, "record without MS; CDR meter_id equals GS (gw-0001)", "verified", ok(), s,
                 meter_id="gw-0001")


# --------------------------------------------------------------------------------------------
# self-check: signatures via openssl, and a reference evaluation of the rules
# --------------------------------------------------------------------------------------------

def check_records(records):
    bad = 0
    for rec in records:
        ok = openssl_verify(rec.key.pub_pem, rec.der, rec.payload.encode())
        if rec.expect_valid:
            ok0 = openssl_verify(rec.key.pub_pem, rec.der, rec.signed_payload.encode())
            if not (ok and ok0):
                print("SELF-CHECK: valid record does not verify:", rec.payload[:80], file=sys.stderr)
                bad += 1
            if rec.form == "high-s":
                if not openssl_verify(rec.key.pub_pem, rec.der_original, rec.payload.encode()):
                    bad += 1
        else:
            if ok:
                print("SELF-CHECK: tampered record verifies:", rec.payload[:80], file=sys.stderr)
                bad += 1
            if not openssl_verify(rec.key.pub_pem, rec.der, rec.signed_payload.encode()):
                print("SELF-CHECK: tampered record's original does not verify", file=sys.stderr)
                bad += 1
    return bad


MAGIC = (b"OCMF|", b"AP;", b"\x1b\x1b\x1b\x1b", b"<", b"{", b"128.8.0(")


def text_decodings(s):
    """raw -> base64 -> hex -> base32, like the verifier's cascade."""
    out = [s.encode()]
    t = "".join(s.split())
    try:
        out.append(base64.b64decode(t, validate=True))
    except Exception:
        pass
    if len(t) % 2 == 0 and all(c in "0123456789abcdefABCDEF" for c in t):
        out.append(bytes.fromhex(t))
    try:
        out.append(base64.b32decode(t))
    except Exception:
        pass
    return out


def decode_value(v):
    """-> ('ocmf', text) | ('none', None)"""
    for cand in (v.get("signed_data", ""), v.get("plain_data", "")):
        for b in text_decodings(cand or ""):
            if b.startswith(b"OCMF|"):
                return "ocmf", b.decode()
    pd = v.get("plain_data", "")
    if pd.startswith("{"):
        for b in text_decodings(v.get("signed_data", "")):
            try:
                o = json.loads(b)
            except Exception:
                continue
            if isinstance(o, dict) and "SD" in o:
                return "ocmf", "OCMF|" + pd + "|" + b.decode()
    return "none", None


def alg_id_of(spki):
    _, body, _ = der_read(spki, 0)
    _, alg, _ = der_read(body, 0)
    return alg


class RefKeys:
    def __init__(self, keydir):
        # AlgorithmIdentifier content per curve, taken from the generated main keys
        self.alg = {}
        for curve in CURVES:
            hexfile = keydir / (curve + "-main.pub.hex")
            if hexfile.exists():
                self.alg[curve] = alg_id_of(bytes.fromhex(hexfile.read_text()))

    def key_bytes(self, text):
        """key text -> bytes (SPKI or point) or None, by the recommended cascade."""
        t = "".join(text.split())
        if t.lower().startswith("0x"):
            t = t[2:]
        if t.startswith("oca:"):
            parts = t.split(":", 3)
            h = "".join(c for c in parts[3] if c in "0123456789abcdefABCDEF")
            return bytes.fromhex(h)
        if len(t) % 2 == 0 and t and all(c in "0123456789abcdefABCDEF" for c in t):
            return bytes.fromhex(t)
        try:
            b = base64.b64decode(t, validate=True)
        except Exception:
            return None
        try:
            s = b.decode("ascii")
            if s.startswith("oca:") or (s and all(c in "0123456789abcdefABCDEF " for c in s)):
                return self.key_bytes(s)
        except UnicodeDecodeError:
            pass
        return b

    def normalise(self, text, curve):
        """-> ('ok', uncompressed SPKI DER) | ('fail', reason)"""
        b = self.key_bytes(text)
        if not b:
            return "fail", "undecodable"
        n = CURVES[curve][1]
        if b[0] == 0x30:
            try:
                alg = alg_id_of(b)
            except ValueError:
                return "fail", "bad SPKI"
            if alg != self.alg[curve]:
                return "fail", "SPKI curve differs from SA"
            spki = b
        elif len(b) == 2 * n + 1 and b[0] == 4 or len(b) == n + 1 and b[0] in (2, 3):
            spki = der_tlv(0x30, der_tlv(0x30, self.alg[curve]) + der_tlv(0x03, b"\x00" + b))
        elif len(b) == 2 * n:
            spki = der_tlv(0x30, der_tlv(0x30, self.alg[curve]) + der_tlv(0x03, b"\x00\x04" + b))
        else:
            return "fail", "unknown key shape"
        p = openssl("ec", "-pubin", "-inform", "DER", "-pubout", "-outform", "DER", "-conv_form", "uncompressed",
                    data=spki, check=False)
        if p.returncode != 0:
            return "fail", "not on curve"
        return "ok", p.stdout


def parse_tm(t):
    d, flag = t.split(" ")
    dt = datetime.strptime(d[:19], "%Y-%m-%dT%H:%M:%S")
    msec = int(d[20:23])
    sign = 1 if d[23] == "+" else -1
    off = sign * (int(d[24:26]) * 60 + int(d[26:28]))
    utc = dt.replace(tzinfo=timezone.utc) - timedelta(minutes=off) + timedelta(milliseconds=msec)
    return utc, flag


def ref_evaluate(obj, trusted_hex, refkeys):
    """A small reference evaluation of the rules in the brief. -> (verdict, {code: status})"""
    if "signed_values" in obj:
        cdr, sd = None, obj
    else:
        cdr, sd = obj, obj.get("signed_data")
    st = {}
    known_method = (sd.get("encoding_method", "").lower() == "ocmf")
    recs = []
    fmt = "pass"
    for v in sd["signed_values"]:
        kind, text = decode_value(v)
        if kind == "none":
            fmt = "fail" if known_method else ("skip" if fmt == "pass" else fmt)
            continue
        parts = text.split("|")
        try:
            pl = json.loads(parts[1], parse_float=Decimal, parse_int=Decimal)
            sig = json.loads(parts[2])
        except Exception:
            fmt = "fail"
            continue
        recs.append({"nature": v["nature"], "payload": parts[1], "p": pl, "sig": sig})
    st["format"] = fmt

    # keys + signatures
    curve = None
    for r in recs:
        sa = r["sig"].get("SA", DEFAULT_SA)
        r["curve"] = SA_CURVE[sa.split("-")[1].lower()]
        curve = curve or r["curve"]
    cdr_key = sd.get("public_key")
    key = None
    if not recs:
        st["public_key"] = "skip"
    elif cdr_key is None and trusted_hex is None:
        st["public_key"] = "skip"
        st["signature"] = "skip"
    else:
        status = "pass"
        if cdr_key is not None:
            res, val = refkeys.normalise(cdr_key, curve)
            if res != "ok":
                status = "fail"
            else:
                key = val
        if trusted_hex is not None:
            res, tval = refkeys.normalise(trusted_hex, curve)
            assert res == "ok"
            if key is not None and key != tval:
                status = "fail"
            key = tval
        st["public_key"] = status
        if key is not None and status == "pass":
            with tempfile.TemporaryDirectory() as d:
                pem = Path(d) / "k.pem"
                pem.write_bytes(openssl("pkey", "-pubin", "-inform", "DER", data=key).stdout)
                sigok = True
                for r in recs:
                    n = CURVES[r["curve"]][1]
                    sdv = r["sig"]["SD"]
                    raw = base64.b64decode(sdv) if r["sig"].get("SE", "hex").lower() == "base64" else bytes.fromhex(sdv)
                    try:
                        rr, ss = sig_from_der(raw, lenient=True)
                    except ValueError:
                        assert len(raw) == 2 * n
                        rr, ss = int.from_bytes(raw[:n], "big"), int.from_bytes(raw[n:], "big")
                    if not openssl_verify(pem, sig_to_der(rr, ss), r["payload"].encode()):
                        sigok = False
                st["signature"] = "pass" if sigok else "fail"
    st["key_trust"] = "pass" if trusted_hex is not None else ("warn" if cdr_key is not None else "skip")

    # dedupe identical records
    seen, uniq, dup = set(), [], False
    for r in recs:
        if r["payload"] in seen:
            dup = True
            continue
        seen.add(r["payload"])
        uniq.append(r)
    readings = []
    for r in uniq:
        for rd in r["p"].get("RD", []):
            readings.append((r, rd))
    begins = [(r, rd) for r, rd in readings if rd.get("TX") == "B"]
    ends = [(r, rd) for r, rd in readings if rd.get("TX") in ("E", "L", "R", "A", "P")]

    # consistency
    cons = "pass"
    if len({r["p"].get("MS") for r in uniq}) > 1:
        cons = "fail"
    breg = {rd.get("RI") for _, rd in begins}
    ereg = {rd.get("RI") for _, rd in ends}
    if begins and ends and not (breg & ereg):
        cons = "fail"
    for rb, b in begins:
        for re_, e in ends:
            if b.get("RI") == e.get("RI") and e["RV"] < b["RV"]:
                cons = "fail"
    pgs = sorted({int(r["p"]["PG"][1:]) for r in uniq})
    if begins and ends:
        sp = int(begins[0][0]["p"]["PG"][1:])
        ep = int(ends[-1][0]["p"]["PG"][1:])
        if ep < sp:
            cons = "fail"
        elif cons == "pass" and pgs != list(range(pgs[0], pgs[0] + len(pgs))):
            cons = "warn"
    st["consistency"] = cons
    st["meter_status"] = "fail" if any(rd.get("ST") != "G" or "E" in rd.get("EF", "") for _, rd in readings) else "pass"

    # pairing
    pairing_kind = None
    multi = any(len([1 for _, b in begins if b.get("RI") == reg]) > 1 for reg in breg) or \
        any(len([1 for _, e in ends if e.get("RI") == reg]) > 1 for reg in ereg)
    if multi:
        st["pairing"], pairing_kind = "fail", "dup"
    elif not begins or not ends:
        st["pairing"], pairing_kind = "fail", "missing"
    else:
        st["pairing"] = "warn" if dup else "pass"
    if not recs:
        st.pop("pairing")

    if cdr is not None and begins and ends and (breg & ereg) and not multi:
        reg = sorted(breg & ereg)[0]
        b = next(rd for _, rd in begins if rd["RI"] == reg)
        e = next(rd for _, rd in ends if rd["RI"] == reg)
        div = Decimal(1000) if b.get("RU") == "Wh" else Decimal(1)
        signed = (e["RV"] - b["RV"]) / div
        res = max(Decimal(1).scaleb(b["RV"].as_tuple().exponent), Decimal(1).scaleb(e["RV"].as_tuple().exponent)) / div
        tol = max(ENERGY_TOL, res)
        st["energy"] = "pass" if abs(signed - Decimal(str(cdr["total_energy"]))) <= tol else "fail"
    elif cdr is not None:
        st["energy"] = "skip"

    if cdr is not None:
        def cdr_t(k):
            return datetime.strptime(cdr[k].replace(".000", ""), "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)

        for code, rds, key_, sign in (("start_time", begins, "start_date_time", -1),
                                      ("end_time", ends, "end_date_time", 1)):
            if not rds:
                st[code] = "skip"
                continue
            t, flag = parse_tm(rds[0][1]["TM"])
            ct = cdr_t(key_)
            if ct == EPOCH_1970:
                st[code] = "skip"
                continue
            violated = (t < ct - timedelta(seconds=TIME_TOL)) if sign < 0 else (t > ct + timedelta(seconds=TIME_TOL))
            if flag in ("R", "U"):
                st[code] = "skip"
            elif not violated:
                st[code] = "pass"
            else:
                st[code] = "fail" if flag == "S" else "warn"
        mid = cdr.get("meter_id")
        if mid is None or not uniq:
            st["meter_id"] = "skip"
        else:
            norm = lambda x: "".join(c for c in x.lower() if c not in " -:")
            ids = {norm(r["p"].get("MS") or r["p"].get("GS", "")) for r in uniq}
            st["meter_id"] = "pass" if ids == {norm(mid)} else "fail"
    if cdr is not None and begins and ends and "total_time" in cdr:
        # duration: end - begin on the meter's clock (R counts, I warns, U skips) against total_time.
        (tb, fb), (te, fe) = parse_tm(begins[0][1]["TM"]), parse_tm(ends[0][1]["TM"])
        flags = {fb, fe}
        if "U" in flags or cdr_t("start_date_time") == EPOCH_1970 or cdr_t("end_date_time") == EPOCH_1970:
            st["duration"] = "skip"
        elif (te - tb).total_seconds() <= float(Decimal(str(cdr["total_time"])) * 3600 + 2 * TIME_TOL):
            st["duration"] = "pass"
        else:
            st["duration"] = "fail" if flags in ({"S"}, {"R"}) else "warn"
    st["time_sync"] = "pass" if readings and all(parse_tm(rd["TM"])[1] == "S" for _, rd in readings) else "warn"

    if any(st.get(c) == "fail" for c in ("format", "public_key", "signature", "consistency", "meter_status")) \
            or pairing_kind == "dup":
        verdict = "invalid"
    elif any(st.get(c) == "fail" for c in ("energy", "start_time", "end_time", "meter_id", "duration")):
        verdict = "mismatch"
    elif st.get("format") == "skip" or st.get("public_key") == "skip" or pairing_kind == "missing":
        verdict = "unverifiable"
    else:
        verdict = "verified"
    return verdict, st


def load_units(path):
    text = path.read_text()
    if path.suffix == ".ndjson":
        return [json.loads(l, parse_float=Decimal) for l in text.splitlines() if l.strip()]
    o = json.loads(text, parse_float=Decimal)
    if isinstance(o, list):
        return o
    if isinstance(o, dict) and "data" in o and "status_code" in o:
        return o["data"]
    return [o]


def check_manifest(outdir):
    manifest = json.loads((outdir / "manifest.json").read_text())
    refkeys = RefKeys(outdir / "keys")
    bad = 0
    files = {p.relative_to(outdir).as_posix() for p in (outdir / "cdrs").iterdir()}
    listed = {m["file"] for m in manifest}
    if files != listed:
        print("SELF-CHECK: manifest/file mismatch", files ^ listed, file=sys.stderr)
        bad += 1
    for m in manifest:
        units = load_units(outdir / m["file"])
        trusted = (outdir / m["key_file"]).read_text().strip() if m["key_file"] else None
        if len(units) != len(m["expect"]["verdicts"]):
            print("SELF-CHECK: %s: %d units, %d verdicts" % (m["file"], len(units), len(m["expect"]["verdicts"])),
                  file=sys.stderr)
            bad += 1
            continue
        for i, (u, want) in enumerate(zip(units, m["expect"]["verdicts"])):
            verdict, st = ref_evaluate(u, trusted, refkeys)
            problems = []
            if verdict != want:
                problems.append("verdict %s != %s" % (verdict, want))
            for code, status in m["expect"]["checks"].items():
                if st.get(code) != status:
                    problems.append("%s: ref %s != expected %s" % (code, st.get(code), status))
            if problems:
                print("SELF-CHECK: %s #%d: %s (ref statuses %s)" % (m["file"], i, "; ".join(problems), st),
                      file=sys.stderr)
                bad += 1
    return bad, len(manifest)


def write_docs(outdir):
    (outdir / "keys" / "README.md").write_text(
        "# Test keys — NOT SECRET\n\n"
        "Every key in this folder was generated by `Scripts/generate_ocmf_vectors.py` with `openssl genpkey` for the\n"
        "self-generated test vectors only. The private keys (`*.pem` without `.pub`) are committed on purpose:\n"
        "they are **test keys**, protect nothing, and are replaced on every run of the script.\n\n"
        "* `<curve>-main.pem` / `.pub.pem` / `.pub.hex` — signing key per curve (hex = DER SPKI)\n"
        "* `prime256v1-other.*` — a second P-256 key used as the wrong key\n"
        "* `<vector>.pub.hex` — the trusted key a vector's manifest `key_file` names (hex DER SPKI, no newline)\n")
    (outdir / "SOURCES.md").write_text(
        "# Generated vectors\n\n"
        "Self-generated by `Scripts/generate_ocmf_vectors.py` (python3 standard library + the `openssl` CLI). Nothing\n"
        "here comes from a real meter: the OCMF payloads imitate real records (FV 1.0, one reading per split record,\n"
        "or B and E in one record), keys are fresh test keys (see `keys/README.md`), and every signature is made by\n"
        "`openssl dgst -sha256 -sign`. Re-running the script regenerates keys, signatures and files.\n\n"
        "`manifest.json` lists one object per file: `file`, `key_file` (the trusted key to pass as `--key`, or\n"
        "null), `description`, and `expect` = `verdicts` (one per CDR / SignedData unit in file order) and\n"
        "`checks` (the check statuses the vector is about; they hold for every unit of the file).\n\n"
        "The script's self-check re-verifies every signature with `openssl dgst -sha256 -verify` (tampered records\n"
        "must fail) and runs a small reference evaluation of the verdict rules over the written files.\n")


# The records signed in this run, for the self-check (empty with --check-only).
RECORDS = []


class SignedCdrVectors:
    """A folder of CDR vectors, one CDR a file in `out/cdrs`: their manifest entries and the signed records
    they carry (for the self-check); `key` is the folder's P-256 test key `<key_name>` in `out/keys`."""

    def __init__(self, out, key_name):
        self.out = out
        self.manifest = []
        self.records = []
        self.key = Key(key_name, "prime256v1", out / "keys")

    def emit(self, name, cdr, description, verdict, checks, pairs=()):
        """Writes `cdrs/<name>.json`; `pairs` are the sessions whose records it carries."""
        (self.out / "cdrs" / (name + ".json")).write_text(dumps(cdr, 2) + "\n")
        for p in pairs:
            self.records.extend(r for r, _ in p.records)
        self.manifest.append(manifest_entry("cdrs/%s.json" % name, description, [verdict], checks))


def generate_signed_records(out_dir, make_vectors, records):
    """Empties keys/ and cdrs/ of `out_dir`, builds `make_vectors(out_dir)` (an object with `build()`, the
    signed `records` and the `manifest` entries), keeps its records in `records` for the self-check and
    writes manifest.json."""
    fresh_dirs(out_dir, "keys", "cdrs")
    vectors = make_vectors(out_dir)
    vectors.build()
    records[:] = vectors.records
    write_manifest(out_dir, vectors.manifest, indent=2)


def signed_records_main(doc, out_dir, make_vectors, sources, cli):
    """The command line of a generator whose CDRs wrap OCMF records signed by this module's Record: it
    generates with `generate_signed_records` and writes `sources` as SOURCES.md; its self-check re-verifies
    this run's records with openssl and checks the manifest's files (with --check-cli, the CLI's verdicts)."""
    records = []

    def generate():
        generate_signed_records(out_dir, make_vectors, records)
        (out_dir / "SOURCES.md").write_text(sources)

    def self_check(check_cli):
        bad = check_records(records)
        print("%d records signature-checked%s" % (len(records), "" if not bad else ", %d BAD" % bad))
        return bad + check_signed_and_manifest(out_dir, [], cli if check_cli else None)

    generator_main(doc, generate, self_check)


def generate():
    generate_signed_records(OUT_DIR, Generator, RECORDS)
    write_docs(OUT_DIR)


def self_check(check_cli):
    """openssl re-verifies every record of this run, the reference evaluation of the verdict rules
    agrees with the manifest, and with `check_cli` the built CLI does too."""
    bad = check_records(RECORDS)
    print("signatures checked: %d records" % len(RECORDS))
    mbad, count = check_manifest(OUT_DIR)
    bad += mbad
    print("%d vector files; reference self-check %s" % (count, "OK" if bad == 0 else "FAILED (%d problems)" % bad))
    return bad + (check_signed_and_manifest(OUT_DIR, [], CLI) if check_cli else 0)


# --------------------------------------------------------------------------------------------
# bench mode
# --------------------------------------------------------------------------------------------

def bench(n, out_path, unique=0):
    """N CDRs; every CDR has its own signed Start/End records unless `unique` caps the number of distinct
    signed sessions (then sessions repeat with distinct CDR ids, for very large N)."""
    t0 = time.time()
    distinct = n if unique <= 0 else min(n, unique)
    with tempfile.TemporaryDirectory() as d:
        key = Key("bench-p256", "prime256v1", Path(d))
        rnd = random.Random(20260301)
        sessions = []
        for i in range(distinct):
            begin_utc = datetime(2026, 3, 1, tzinfo=timezone.utc) + timedelta(seconds=rnd.randrange(0, 86400 * 28))
            dur = timedelta(seconds=rnd.randrange(900, 6 * 3600))
            begin = Decimal(rnd.randrange(100000, 90000000)) / 1000
            energy = Decimal(rnd.randrange(500, 80000)) / 1000
            pg = 1 + rnd.randrange(90000)
            rb = reading(tm(begin_utc, 60, "S", rnd.randrange(1000)), "B", fmt_dec(begin, 3))
            re_ = reading(tm(begin_utc + dur, 60, "S", rnd.randrange(1000)), "E", fmt_dec(begin + energy, 3))
            ms = "1ACME%07d" % rnd.randrange(10 ** 7)
            sessions.append((begin_utc, dur, energy, ms,
                             payload(pg, [rb], ms=ms).encode(), payload(pg + 1, [re_], ms=ms).encode()))
        msgs = [m for s in sessions for m in (s[4], s[5])]
        with ThreadPoolExecutor(max_workers=max(2, 2 * (os.cpu_count() or 1))) as ex:
            sigs = list(ex.map(key.sign, msgs))
        kt = key.spelling("base64-spki")
        with open(out_path, "w") as f:
            for i in range(n):
                j = i % distinct
                begin_utc, dur, energy, ms, p1, p2 = sessions[j]
                vals = []
                for nat, p, sig in (("Start", p1, sigs[2 * j]), ("End", p2, sigs[2 * j + 1])):
                    text = "OCMF|" + p.decode() + "|" + dumps({"SA": key.sa, "SD": sig.hex()})
                    if i % 2:
                        vals.append({"nature": nat, "plain_data": "", "signed_data": base64.b64encode(text.encode()).decode()})
                    else:
                        vals.append({"nature": nat, "plain_data": "", "signed_data": text})
                start = begin_utc - timedelta(seconds=rnd.randrange(0, 60))
                end = begin_utc + dur + timedelta(seconds=rnd.randrange(0, 60))
                e = str(energy)
                cdr = {"id": "BENCH-%07d" % i, "start_date_time": iso(start), "end_date_time": iso(end),
                       "cdr_token": {"uid": RFID, "type": "RFID", "contract_id": CONTRACT},
                       "meter_id": ms, "currency": "EUR",
                       "total_cost": {"excl_vat": Raw(str((energy * Decimal("0.41")).quantize(Decimal("0.01"))))},
                       "total_energy": Raw(e),
                       "total_time": Raw(str((Decimal(int((end - start).total_seconds())) / 3600).quantize(Decimal("0.0001")))),
                       "charging_periods": [{"start_date_time": iso(start), "dimensions": [{"type": "ENERGY", "volume": Raw(e)}]}],
                       "signed_data": {"encoding_method": "OCMF", "public_key": kt, "signed_values": vals},
                       "last_updated": iso(end)}
                f.write(dumps(cdr) + "\n")
        # spot-check a few signatures
        for i in list(range(min(distinct, 3))) + ([distinct - 1] if distinct > 3 else []):
            assert openssl_verify(key.pub_pem, sigs[2 * i], sessions[i][4])
            assert openssl_verify(key.pub_pem, sigs[2 * i + 1], sessions[i][5])
        print("bench: wrote %d CDRs (%d signatures) to %s in %.1f s; public key (hex SPKI) %s"
              % (n, len(sigs), out_path, time.time() - t0, key.spki.hex()), file=sys.stderr)


def bench_arguments(ap):
    ap.add_argument("--bench", nargs=2, metavar=("N", "OUT"), help="write N valid P-256 CDRs as NDJSON to OUT")
    ap.add_argument("--bench-unique", type=int, default=0, metavar="K",
                    help="with --bench: sign only K distinct sessions and reuse them with distinct CDR ids")


def bench_mode(args):
    if args.bench:
        bench(int(args.bench[0]), args.bench[1], args.bench_unique)
        return 0
    return None


if __name__ == "__main__":
    generator_main(__doc__, generate, self_check, bench_arguments, bench_mode)
