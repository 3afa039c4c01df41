#!/usr/bin/env python3
"""Generate self-made vectors for transports and formats beyond OCMF-in-OCPI: OCPP signed meter values
with OCMF inside, S.A.F.E. values XML, PCDF records and BAUER BSM-WS36A snapshots (alone and inside
OCPI 2.2.1 CDRs), and trusted key lists.

Usage:
    Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py              # (re)generate Vectors/generated-ocpp-safe-pcdf-bsm/ and self-check it
    Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py --check-only # only re-run the self-check on the existing files
    Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py --check-cli  # also run .build/debug/eichrecht on every vector and
                                                    # compare its verdicts and checks with manifest.json

Standard library only. Every key and signature comes from the `openssl` CLI (OpenSSL 3):
`openssl genpkey` (prime256v1), `openssl pkey -pubout -outform DER`, `openssl dgst -sha256 -sign`.
The self-check re-verifies every signed message with `openssl dgst -sha256 -verify`; messages the
manifest marks as tampered must fail.

Formats, as documented in docs/formats (shared corpus):
    OCMF       OCMF|<payload JSON>|{"SA":"ECDSA-secp256r1-SHA256","SD":"<hex DER>"}; the payload is signed.
    PCDF       128.8.0(ST:yyMMddHHmmss)(CT:…)(CD:hhmmss)(TV:…)(BV:…)(CSC:…)(SP:…)(RV:nnnn.nnn*kWh)
               (SI:idTag*type*txId)(CS:8 hex)(HW:11 chars)(DT:…)(PK:hex 04‖X‖Y)(SG:hex DER);
               the text before "(SG:" is signed.
    BSM-WS36A  chargeIT JSON; the signed message is the concatenation of the data points Typ, RCR,
               TotWhImp, W, MA1, RCnt, OS, Epoch, TZO, EpochSetCnt, EpochSetOS, DI, DO, Meta1, Meta2,
               Meta3, Evt: numeric = value u32/i32 big-endian ‖ scale i8 ‖ unit code u8, string =
               length u32 big-endian ‖ UTF-8.

Output (everything under Vectors/generated-ocpp-safe-pcdf-bsm/ is rewritten on every run; new keys, new signatures):
    keys/<name>.pem, .pub.pem, .pub.hex   test keys (the private keys are test keys!) and README.md
    keys/trusted-*.csv|json               trusted key lists (meter -> key)
    ocpp/*.json, safe/*.xml, pcdf/*.pcdf, bsm/*.json, cdrs/*.json   the vectors
    manifest.json                         expectations, one object per file (same shape as
                                          Vectors/generated-ocmf/manifest.json)
"""

import base64
import json
import struct
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from vectorlib import (CLI, ROOT, Raw, dumps, fresh_out_dir, signed_values, signed_vectors_main,  # noqa: E402
                       TestKey, VectorManifest)

OUT = ROOT / "Vectors" / "generated-ocpp-safe-pcdf-bsm"

ALL_CHECKS = ["format", "public_key", "signature", "consistency", "meter_status", "pairing", "energy",
              "start_time", "end_time", "meter_id", "time_sync", "key_trust"]


# --------------------------------------------------------------------------------------------
# keys and signing
# --------------------------------------------------------------------------------------------

def Key(name, keydir):
    """A fresh P-256 test key; `.pub.hex` is its hex DER SubjectPublicKeyInfo."""
    key = TestKey(name, "prime256v1", keydir)
    key.write_public(".pub.hex", key.spki.hex())
    return key


SIGNED = []  # (description, pub_pem, signature DER, message, must_verify) for the self-check


def signed(key, message, label, must_verify=True, sign_with=None):
    """Signs `message` (with `sign_with` when the signer differs from the claimed key) and records
    it for the self-check."""
    signer = sign_with or key
    sig = signer.sign(message)
    SIGNED.append((label, key.pub_pem, sig, message, must_verify))
    return sig


# --------------------------------------------------------------------------------------------
# OCMF
# --------------------------------------------------------------------------------------------

# The invented vendor ACME, as in Scripts/generate_ocmf_vectors.py; the meter has a serial of its own
# (1ACME0000001 is the meter of Vectors/generated-ocmf), so the key lists here name only this folder's meters.
MS = "1ACME0000007"
EVSE = "DE*ACM*E0005*1"
RFID = "04A3B2C1D0E5F6"
T0 = datetime(2026, 3, 1, 9, 0, 0, tzinfo=timezone.utc)


def ocmf_time(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S,000+0000") + " S"


def ocmf_record(key, pg, readings, label, tamper=None, signer=None):
    """An OCMF record; `tamper(payload_text)` alters the payload after signing."""
    payload = dumps({
        "FV": "1.0", "GI": "ACME Wallbox", "GS": "GW-5", "GV": "1.0", "PG": pg, "MV": "ACME", "MM": "M-5",
        "MS": MS, "MF": "1.0", "IS": True, "IL": "TRUSTED", "IF": ["RFID_PLAIN"], "IT": "ISO14443", "ID": RFID,
        "RD": readings,
    })
    sig = signed(key, payload.encode(), label, must_verify=signer is None, sign_with=signer)
    if tamper:
        payload = tamper(payload)
        SIGNED.append((label + " (tampered)", key.pub_pem, sig, payload.encode(), False))
    return "OCMF|" + payload + "|" + dumps({"SA": "ECDSA-secp256r1-SHA256", "SD": sig.hex().upper()})


def reading(tx, t, rv):
    return {"TM": ocmf_time(t), "TX": tx, "RV": Raw(rv), "RI": "1-b:1.8.0", "RU": "kWh", "ST": "G"}


def ocmf_pair(key, label, first_pg=100, begin="1000.000", end="1012.345", tamper_end=None, signer_end=None):
    b = ocmf_record(key, "T%d" % first_pg, [reading("B", T0, begin)], label + " begin")
    e = ocmf_record(key, "T%d" % (first_pg + 1), [reading("E", T0 + timedelta(minutes=47), end)], label + " end",
                    tamper=tamper_end, signer=signer_end)
    return b, e


def b64(text):
    return base64.b64encode(text.encode() if isinstance(text, str) else text).decode()


# --------------------------------------------------------------------------------------------
# PCDF
# --------------------------------------------------------------------------------------------

PCDF_METER = "ACME0000002"  # HW: exactly 11 characters


def pcdf_record(key, label, bv="1", sp="1", tv="1", rv="0012.345", hw=PCDF_METER, tamper=None,
                framed=False, claimed=None):
    """A PCDF line; `claimed` puts another key into PK than the one that signs."""
    pk = (claimed or key).point.hex()
    text = ("128.8.0(ST:260301100000)(CT:260301104700)(CD:004700)(TV:%s)(BV:%s)(CSC:17)(SP:%s)(RV:%s*kWh)"
            "(SI:%s*1*TX-2026-03-01-0017)(CS:1a2b3c4d)(HW:%s)(DT:0)(PK:%s)" % (tv, bv, sp, rv, RFID, hw, pk))
    sig = signed(claimed or key, text.encode(), label, must_verify=claimed is None, sign_with=key if claimed else None)
    if tamper:
        text = tamper(text)
        SIGNED.append((label + " (tampered)", key.pub_pem, sig, text.encode(), False))
    line = text + "(SG:%s)" % sig.hex()
    return "\x02" + line + "\x03" if framed else line


# --------------------------------------------------------------------------------------------
# BSM-WS36A
# --------------------------------------------------------------------------------------------

BSM_METER = "001BZR5555500005"
BSM_EVSE = EVSE
BSM_ORDER = ["Typ", "RCR", "TotWhImp", "W", "MA1", "RCnt", "OS", "Epoch", "TZO", "EpochSetCnt", "EpochSetOS",
             "DI", "DO", "Meta1", "Meta2", "Meta3", "Evt"]
UNITS = {"WATT_HOUR": 30, "WATT": 27, "SECOND": 7, "MIN": 6, "UNITLESS": 255}


def bsm_point(name, value, unit="UNITLESS", scale=0, signed_type=False, obis=None):
    measurand = {"name": name}
    if obis:
        measurand["id"] = obis
    if isinstance(value, str):
        return {"measurand": measurand, "measuredValue": {"valueType": "String", "value": value,
                                                          "valueEncoding": "UTF-8"}}
    return {"measurand": measurand, "measuredValue": {
        "unit": unit, "unitEncoded": UNITS[unit], "valueType": "Integer32" if signed_type else "UnsignedInteger32",
        "scale": scale, "value": value}}


def bsm_message(points):
    by = {p["measurand"]["name"]: p["measuredValue"] for p in points}
    out = b""
    for name in BSM_ORDER:
        mv = by[name]
        if mv["valueType"] == "String":
            raw = mv["value"].encode()
            out += struct.pack(">I", len(raw)) + raw
        else:
            fmt = ">i" if mv["valueType"] == "Integer32" else ">I"
            out += struct.pack(fmt, mv["value"]) + struct.pack(">b", mv["scale"]) + bytes([mv["unitEncoded"]])
    return out


def bsm_snapshot(key, label, typ, rcr, counter, epoch, evse_meta=BSM_EVSE, contract="c0ffee42",
                 forge=None, tamper_rcr=None):
    """One snapshot; `forge(snapshot)` edits unsigned fields, `tamper_rcr` changes the signed RCR
    after signing."""
    points = [
        bsm_point("Typ", typ), bsm_point("RCR", rcr, "WATT_HOUR", obis="1-0:1.8.0*198"),
        bsm_point("TotWhImp", 250000 + rcr, "WATT_HOUR", obis="1-0:1.8.0*255"),
        bsm_point("W", 1100, "WATT", 1, True, obis="1-0:1.7.0*255"), bsm_point("MA1", BSM_METER, obis="1-0:0.0.0*255"),
        bsm_point("RCnt", counter), bsm_point("OS", 900000 + epoch - 1772355600, "SECOND"),
        bsm_point("Epoch", epoch, "SECOND"), bsm_point("TZO", 60, "MIN", signed_type=True),
        bsm_point("EpochSetCnt", 12), bsm_point("EpochSetOS", 899000, "SECOND"), bsm_point("DI", 1),
        bsm_point("DO", 0), bsm_point("Meta1", "contract-id: rfid:" + contract),
        bsm_point("Meta2", ("evse-id: " + evse_meta) if evse_meta else ""),
        bsm_point("Meta3", "csc-sw-version: v5.0.0"), bsm_point("Evt", 0),
    ]
    sig = signed(key, bsm_message(points), label)
    if tamper_rcr is not None:
        points[1]["measuredValue"]["value"] = tamper_rcr
        SIGNED.append((label + " (tampered)", key.pub_pem, sig, bsm_message(points), False))
    local = datetime.fromtimestamp(epoch, timezone(timedelta(hours=1)))
    snap = {
        "@context": "https://www.chargeit-mobility.com/contexts/bsm-ws36a-json-v1",
        "@id": "%s-%d" % (BSM_METER, counter),
        "time": local.strftime("%Y-%m-%dT%H:%M:%S+01:00"),
        "meterInfo": {"meterId": BSM_METER, "publicKey": key.spki.hex(), "firmwareVersion": "1.9:32CA:AFF4, test",
                      "type": "BSM-WS36A-H01-1311-0000", "manufacturer": "BAUER Electronic"},
        "contract": {"id": contract, "type": "rfid"},
        "measurementId": counter,
        "value": {"measurand": {"name": "RCR", "id": "1-0:1.8.0*198"}, "measuredValue": dict(points[1]["measuredValue"])},
        "additionalValues": points,
        "signature": sig.hex(),
    }
    if tamper_rcr is not None:
        snap["value"]["measuredValue"]["value"] = tamper_rcr
    if forge:
        forge(snap)
    return snap


BSM_EPOCH = 1772355600  # 2026-03-01T09:00:00Z


def bsm_session(key, label, forge_end=None, tamper_begin=None, evse=BSM_EVSE, container_evse=BSM_EVSE):
    begin = bsm_snapshot(key, label + " begin", 1, 0, 700, BSM_EPOCH, evse_meta=evse, tamper_rcr=tamper_begin)
    end = bsm_snapshot(key, label + " end", 2, 12345, 701, BSM_EPOCH + 2820, evse_meta=evse, forge=forge_end)
    return {"placeInfo": {"evseId": container_evse}, "signedMeterValues": [begin, end]}


# --------------------------------------------------------------------------------------------
# containers
# --------------------------------------------------------------------------------------------

def xml_escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def safe_doc(values, root_attrs="", prefix=""):
    """values: dicts with data, key, tx, context, format, encoding, key_encoding, pad."""
    p = prefix + ":" if prefix else ""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<%svalues%s>" % (p, root_attrs)]
    for v in values:
        attrs = ""
        if v.get("tx") is not None:
            attrs += ' transactionId="%s"' % v["tx"]
        if v.get("context"):
            attrs += ' context="%s"' % v["context"]
        lines.append("  <%svalue%s>" % (p, attrs))
        fmt = ' format="%s"' % v["format"] if v.get("format") else ""
        pad = v.get("pad", "")
        lines.append('    <%ssignedData%s encoding="%s">%s%s%s</%ssignedData>' % (
            p, fmt, v.get("encoding", "plain"), pad, xml_escape(v["data"]), pad, p))
        if v.get("key"):
            lines.append('    <%spublicKey encoding="%s">%s</%spublicKey>' % (
                p, v.get("key_encoding", "hex"), v["key"], p))
        lines.append("  </%svalue>" % p)
    lines.append("</%svalues>" % p)
    return "\n".join(lines) + "\n"


def cdr(cdr_id, signed_values, public_key, total_energy, start, end, meter_id=None, method=None, token=RFID,
        evse=EVSE):
    c = {
        "country_code": "DE", "party_id": "ACM", "id": cdr_id,
        "start_date_time": start.strftime("%Y-%m-%dT%H:%M:%SZ"), "end_date_time": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "cdr_token": {"uid": token, "type": "RFID", "contract_id": "DE-ACM-C00000005-X"},
        "auth_method": "WHITELIST", "cdr_location": {"id": "LOC5", "evse_id": evse, "country": "DEU"},
        "currency": "EUR", "total_energy": Raw(total_energy), "total_time": Raw("0.7833"),
        "last_updated": end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "signed_data": {"encoding_method": method or "OCMF", "signed_values": signed_values},
    }
    if public_key is not None:
        c["signed_data"]["public_key"] = public_key
    if meter_id:
        c["meter_id"] = meter_id
    return c


# --------------------------------------------------------------------------------------------
# the vectors
# --------------------------------------------------------------------------------------------

MANIFEST = VectorManifest(OUT)
add = MANIFEST.add


def generate():
    keydir = fresh_out_dir(OUT)
    main = Key("p256-main", keydir)
    other = Key("p256-other", keydir)
    (keydir / "README.md").write_text(
        "# Test keys\n\nThese P-256 keys were made by `Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py` with `openssl genpkey`.\n"
        "They are **test keys**: the private keys are published here on purpose and protect nothing. Never\n"
        "use them for anything but these vectors.\n\n"
        "* `p256-main`: signs every vector.\n* `p256-other`: the wrong key of the negative vectors.\n"
        "* `trusted-*.csv|json`: trusted key lists mapping meter serials to keys, for `--keys`.\n")
    # Trusted key lists: the OCMF meter, the PCDF meter and the BSM meter -> the main key.
    (keydir / "trusted-main.csv").write_text(
        "meter,public_key\n# serials of the OCMF, PCDF and BSM meters of these vectors\n%s,%s\n%s,%s\n%s,%s\n" % (
            MS, main.spki.hex(), PCDF_METER, base64.b64encode(main.spki).decode(), BSM_METER, main.point.hex()))
    (keydir / "trusted-main.json").write_text(json.dumps(
        [{"meter": MS, "public_key": base64.b64encode(main.spki).decode()},
         {"meter": PCDF_METER, "public_key": main.spki.hex().upper()},
         {"meter": BSM_METER, "public_key": main.spki.hex()}], indent=1) + "\n")
    (keydir / "trusted-other.json").write_text(json.dumps({MS: other.spki.hex(), PCDF_METER: other.spki.hex(),
                                                           BSM_METER: other.spki.hex()}, indent=1) + "\n")
    (keydir / "trusted-unlisted.csv").write_text("serial;key\nSOMEOTHERMETER;%s\n" % other.spki.hex())

    key_hex = main.spki.hex().upper()
    key_b64 = base64.b64encode(main.spki).decode()
    ok = {"format": "pass", "public_key": "pass", "signature": "pass", "consistency": "pass",
          "meter_status": "pass", "pairing": "pass", "key_trust": "warn"}

    # ---------------- OCPP ----------------
    b, e = ocmf_pair(main, "ocpp 2.0.1")
    smv = lambda rec, key=b64(key_hex): {"signedMeterData": b64(rec), "signingMethod": "ECDSA-secp256r1-SHA256",
                                         "encodingMethod": "OCMF", "publicKey": key}
    sampled = lambda rec, ctx, key=b64(key_hex): {"value": Raw("1012.345"), "context": ctx,
                                                  "measurand": "Energy.Active.Import.Register",
                                                  "signedMeterValue": smv(rec, key)}
    event = {"eventType": "Ended", "timestamp": "2026-03-01T09:47:00Z", "triggerReason": "StopAuthorized",
             "seqNo": 7, "transactionInfo": {"transactionId": "TX-5", "stoppedReason": "Local"},
             "meterValue": [{"timestamp": "2026-03-01T09:00:00Z", "sampledValue": [sampled(b, "Transaction.Begin")]},
                            {"timestamp": "2026-03-01T09:47:00Z", "sampledValue": [sampled(e, "Transaction.End")]}]}
    add("ocpp/ocpp201-transaction-event.json", dumps(event, indent=1),
        "OCPP 2.0.1 TransactionEventRequest: Begin and End SignedMeterValueType, signedMeterData base64 OCMF, "
        "publicKey base64 of hex SPKI", ["verified"], ok)
    add("ocpp/ocpp201-call-frame.json", dumps([2, "msg-5", "TransactionEvent", event]),
        "the same TransactionEventRequest inside an OCPP-J CALL frame", ["verified"], ok)
    mv = {"evseId": 1, "meterValue": [{"timestamp": "2026-03-01T09:47:00Z", "sampledValue": [
        {"value": Raw("1012.345"), "context": "Transaction.Begin", "signedMeterValue": {"signedMeterData": b,
                                                                                          "signingMethod": "",
                                                                                          "encodingMethod": "OCMF",
                                                                                          "publicKey": ""}},
        {"value": Raw("1012.345"), "context": "Transaction.End", "signedMeterValue": {"signedMeterData": e,
                                                                                        "encodingMethod": "OCMF"}}]}]}
    add("ocpp/ocpp21-meter-values-no-key.json", dumps(mv, indent=1),
        "OCPP 2.1 MeterValuesRequest: plain OCMF in signedMeterData, no key sent (empty / absent publicKey), "
        "the trusted key given as key_file", ["verified"], dict(ok, key_trust="pass"), key_file="keys/p256-main.pub.hex")
    add("ocpp/ocpp21-meter-values-no-key-unverifiable.json", dumps(mv, indent=1),
        "the same message without a trusted key: no key anywhere", ["unverifiable"],
        {"format": "pass", "public_key": "skip", "signature": "skip"})
    oca = b64("oca:base16:asn1:" + " ".join(key_hex[i:i + 4] for i in range(0, len(key_hex), 4)))
    v16 = lambda rec, ctx, spelling="signedMeterData": {
        "value": json.dumps({spelling: b64(rec), "signingMethod": "ECDSA-secp256r1-SHA256", "encodingMethod": "OCMF",
                             "publicKey": oca}),
        "context": ctx, "format": "SignedData", "measurand": "Energy.Active.Import.Register",
        "unit": "Wh"}
    add("ocpp/ocpp16-sampled-values.json", dumps([v16(b, "Transaction.Begin"), v16(e, "Transaction.End")], indent=1),
        "OCPP 1.6 sampled values (format SignedData) as a JSON array: value = JSON of SignedMeterValueType, "
        "publicKey = base64 of an oca:base16:asn1 envelope with spaced hex", ["verified"], ok)
    stop = {"transactionId": 5, "idTag": RFID, "timestamp": "2026-03-01T09:47:00Z", "meterStop": 108814,
            "transactionData": [{"timestamp": "2026-03-01T09:00:00Z",
                                 "sampledValue": [v16(b, "Transaction.Begin", "signedMeterValue")]},
                                {"timestamp": "2026-03-01T09:47:00Z",
                                 "sampledValue": [v16(e, "Transaction.End", "signedMeterValue")]}]}
    add("ocpp/ocpp16-stop-transaction.json", dumps(stop, indent=1),
        "OCPP 1.6 StopTransaction.req transactionData, has-to-be spelling signedMeterValue; meterStop (lifetime "
        "register) is not the signed energy and is ignored", ["verified"], ok)
    raw16 = [{"value": b, "context": "Transaction.Begin", "format": "SignedData"},
             {"value": e, "context": "Transaction.End", "format": "SignedData"}]
    add("ocpp/ocpp16-raw-ocmf.json", dumps(raw16, indent=1),
        "OCPP 1.6 sampled values with the raw OCMF string in value (older stations), key as key_file",
        ["verified"], dict(ok, key_trust="pass"), key_file="keys/p256-main.pub.hex")
    bt, et = ocmf_pair(main, "ocpp tampered", tamper_end=lambda p: p.replace('"RV":1012.345', '"RV":1013.345'))
    add("ocpp/ocpp201-tampered.json", dumps([sampled(bt, "Transaction.Begin"), sampled(et, "Transaction.End")], indent=1),
        "OCPP 2.0.1 sampled values; the End record's RV was changed after signing", ["invalid"],
        {"signature": "fail", "public_key": "pass"})
    add("ocpp/ocpp201-wrong-key.json",
        dumps([sampled(b, "Transaction.Begin", b64(other.spki.hex())), sampled(e, "Transaction.End", b64(other.spki.hex()))], indent=1),
        "OCPP 2.0.1 sampled values whose publicKey is another meter's key", ["invalid"],
        {"signature": "fail", "public_key": "pass"})
    add("ocpp/ocpp201-listed-key-differs.json", dumps(event, indent=1),
        "the valid TransactionEventRequest checked against a key list that maps the meter to another key",
        ["invalid"], {"public_key": "fail"}, key_file="keys/p256-other.pub.hex")

    # ---------------- S.A.F.E. XML ----------------
    sb, se = ocmf_pair(main, "safe pair", first_pg=200)
    pair = [dict(data=sb, key=key_hex, tx=42, context="Transaction.Begin", format="OCMF"),
            dict(data=se, key=key_hex, tx=42, context="Transaction.End", format="OCMF")]
    add("safe/safe-ocmf-pair.xml", safe_doc(pair),
        "S.A.F.E. values: one transaction, Begin and End OCMF records, hex SPKI keys", ["verified"], ok)
    add("safe/safe-namespace.xml", safe_doc(pair, ' xmlns="http://transparenz.software/schema/2018/07"'),
        "the same in the 2018/07 namespace (default namespace)", ["verified"], ok)
    add("safe/safe-prefixed-namespace.xml",
        safe_doc(pair, ' xmlns:tps="http://transparenz.software/schema/2018/07"', prefix="tps"),
        "the same with a namespace prefix on every element", ["verified"], ok)
    add("safe/safe-crlf-whitespace.xml",
        safe_doc([dict(v, pad="\n      ") for v in pair]).replace("\n", "\r\n"),
        "CRLF line ends and record text surrounded by line breaks and indentation (trimmed)", ["verified"], ok)
    enc = [dict(data=b64(sb), key=key_b64, key_encoding="base64", tx=43, context="Transaction.Begin",
                format="OCMF", encoding="base64"),
           dict(data=se.encode().hex().upper(), key=base64.b32encode(main.spki).decode(), key_encoding="base32",
                tx=43, context="Transaction.End", format="OCMF", encoding="hex")]
    add("safe/safe-encodings.xml", safe_doc(enc),
        "encoding attributes: begin base64 with a base64 key, end hex with a base32 key", ["verified"], ok)
    add("safe/safe-no-key.xml", safe_doc([dict(v, key=None) for v in pair]),
        "no <publicKey> anywhere: unverifiable", ["unverifiable"], {"public_key": "skip", "signature": "skip"})
    add("safe/safe-no-key-trusted.xml", safe_doc([dict(v, key=None) for v in pair]),
        "no <publicKey>, the trusted key given as key_file", ["verified"], dict(ok, key_trust="pass"),
        key_file="keys/p256-main.pub.hex")
    tb, te = ocmf_pair(main, "safe tampered", first_pg=300,
                       tamper_end=lambda p: p.replace('"RV":1012.345', '"RV":1112.345'))
    add("safe/safe-tampered.xml", safe_doc([dict(pair[0], data=tb), dict(pair[1], data=te)]),
        "the End record's RV was changed after signing", ["invalid"], {"signature": "fail"})
    ob, oe = ocmf_pair(main, "safe second transaction", first_pg=400, begin="2000.000", end="2003.500")
    two = pair + [dict(data=ob, key=key_hex, tx=43, context="Transaction.Begin", format="OCMF"),
                  dict(data=oe, key=key_hex, tx=43, context="Transaction.End", format="OCMF")]
    add("safe/safe-two-transactions.xml", safe_doc(two),
        "two transactions (transactionId 42 and 43), each with Begin and End: two units", ["verified", "verified"], ok)
    mr1 = ocmf_record(main, "T500", [reading("B", T0, "10.000"), reading("E", T0 + timedelta(minutes=5), "11.000")],
                      "safe batch 1")
    mr2 = ocmf_record(main, "T501", [reading("B", T0 + timedelta(hours=1), "11.000"),
                                     reading("E", T0 + timedelta(hours=1, minutes=9), "13.500")], "safe batch 2")
    add("safe/safe-ungrouped-batch.xml", safe_doc([dict(data=mr1, key=key_hex), dict(data=mr2, key=key_hex)]),
        "two values without transactionId, each a whole session (B and E in one record): one unit each",
        ["verified", "verified"], ok)
    add("safe/safe-second-key-differs.xml",
        safe_doc([pair[0], dict(pair[1], key=other.spki.hex().upper())]),
        "the End value names another key than the Begin value: the transaction stays one session and fails "
        "public_key (two keys in one session)", ["invalid"], {"public_key": "fail"})
    pc = pcdf_record(main, "safe pcdf")
    add("safe/safe-pcdf.xml", safe_doc([dict(data=pc, format="PCDF", tx=7, context="Transaction.End")]),
        "a PCDF record in a S.A.F.E. container (key only inside the record)", ["verified"], ok)

    # ---------------- PCDF ----------------
    pcdf_checks = dict(ok, key_trust="warn")
    add("pcdf/valid.pcdf", pcdf_record(main, "pcdf valid"), "PCDF record, key in PK, valid", ["verified"], pcdf_checks)
    add("pcdf/valid-framed.pcdf", pcdf_record(main, "pcdf framed", framed=True),
        "PCDF record framed by STX/ETX", ["verified"], pcdf_checks)
    add("pcdf/billing-invalid.pcdf", pcdf_record(main, "pcdf BV0", bv="0"),
        "valid signature, BV:0 (billing not allowed): meter_status fails", ["invalid"],
        {"signature": "pass", "meter_status": "fail"})
    add("pcdf/stop-missing.pcdf", pcdf_record(main, "pcdf SP3", sp="3"),
        "valid signature, SP:3 (no stop data): meter_status fails", ["invalid"],
        {"signature": "pass", "meter_status": "fail"})
    add("pcdf/time-invalid.pcdf", pcdf_record(main, "pcdf TV0", tv="0"),
        "valid signature, TV:0: the time is unusable (a warning only)", ["verified"],
        {"signature": "pass", "meter_status": "warn"})
    add("pcdf/tampered.pcdf", pcdf_record(main, "pcdf tampered", tamper=lambda t: t.replace("RV:0012.345", "RV:0013.345")),
        "RV changed after signing", ["invalid"], {"signature": "fail"})
    add("pcdf/listed-key-differs.pcdf", pcdf_record(main, "pcdf listed"),
        "valid record checked against a trusted key that is not the PK key", ["invalid"], {"public_key": "fail"},
        key_file="keys/p256-other.pub.hex")
    add("pcdf/malformed.pcdf", pcdf_record(main, "pcdf malformed").replace("(CD:004700)", "(CD:47min)"),
        "CD is not hhmmss: the record is malformed", ["invalid"], {"format": "fail"})
    pc_b64 = b64(pcdf_record(main, "pcdf cdr"))
    start, end = datetime(2026, 3, 1, 8, 59, 30, tzinfo=timezone.utc), datetime(2026, 3, 1, 9, 48, 0, tzinfo=timezone.utc)
    add("cdrs/pcdf-cdr.json", dumps(cdr("CDR-PCDF-1", [{"nature": "End", "plain_data": "", "signed_data": pc_b64}],
                                        None, "12.345", start, end, meter_id=PCDF_METER, method="PCDF"), indent=1),
        "OCPI CDR with a base64 PCDF record; total_energy = RV; ST/CT are Berlin local time (10:00 = 09:00Z)",
        ["verified"], dict(ok, energy="pass", start_time="pass", end_time="pass", meter_id="pass"))
    add("cdrs/pcdf-cdr-energy-mismatch.json",
        dumps(cdr("CDR-PCDF-2", [{"nature": "End", "plain_data": "", "signed_data": pc_b64}], None, "12.500", start, end,
                  method="PCDF"), indent=1),
        "OCPI CDR whose total_energy is not the signed RV", ["mismatch"], {"signature": "pass", "energy": "fail"})

    # ---------------- BSM-WS36A ----------------
    bsm_ok = dict(ok)
    add("bsm/bsm-good.json", dumps(bsm_session(main, "bsm good"), indent=1),
        "chargeIT container, two BSM-WS36A snapshots (turn on, turn off), every unsigned copy agrees", ["verified"], bsm_ok)
    add("bsm/bsm-forged-value.json",
        dumps(bsm_session(main, "bsm forged value",
                          forge_end=lambda s: s["value"]["measuredValue"].__setitem__("value", 99999)), indent=1),
        "unsigned value.measuredValue.value of the end snapshot differs from the signed RCR", ["invalid"],
        {"signature": "pass", "consistency": "fail"})
    add("bsm/bsm-forged-time.json",
        dumps(bsm_session(main, "bsm forged time", forge_end=lambda s: s.__setitem__("time", "2026-03-01T11:00:00+01:00")),
              indent=1),
        "unsigned time of the end snapshot differs from Epoch + TZO", ["invalid"],
        {"signature": "pass", "consistency": "fail"})
    add("bsm/bsm-forged-contract.json",
        dumps(bsm_session(main, "bsm forged contract", forge_end=lambda s: s["contract"].__setitem__("id", "deadbeef")),
              indent=1),
        "unsigned contract.id differs from the signed Meta1", ["invalid"], {"signature": "pass", "consistency": "fail"})
    add("bsm/bsm-forged-evse.json", dumps(bsm_session(main, "bsm forged evse", container_evse="DE*ACM*E9999*9"), indent=1),
        "the container's evseId differs from the signed Meta2 evse-id", ["invalid"],
        {"signature": "pass", "consistency": "fail"})
    add("bsm/bsm-tampered-rcr.json", dumps(bsm_session(main, "bsm tampered", tamper_begin=5), indent=1),
        "the signed RCR of the begin snapshot (and its unsigned copy) changed after signing", ["invalid"],
        {"signature": "fail"})
    add("bsm/bsm-listed-key.json", dumps(bsm_session(main, "bsm listed"), indent=1),
        "valid container checked with the meter's trusted key", ["verified"], dict(bsm_ok, key_trust="pass"),
        key_file="keys/p256-main.pub.hex")
    sess = bsm_session(main, "bsm cdr")
    snaps = [b64(dumps({"placeInfo": sess["placeInfo"], "signedMeterValues": [s]})) for s in sess["signedMeterValues"]]
    bstart = datetime(2026, 3, 1, 8, 59, 0, tzinfo=timezone.utc)
    bend = datetime(2026, 3, 1, 9, 48, 0, tzinfo=timezone.utc)
    bsm_cdr = cdr("CDR-BSM-1", signed_values(snaps[0], snaps[1]), key_b64, "12.345", bstart, bend, meter_id=BSM_METER,
                  method="BSM-WS36A", token="c0ffee42")
    add("cdrs/bsm-cdr.json", dumps(bsm_cdr, indent=1),
        "OCPI CDR with two base64 BSM-WS36A snapshots; total_energy = end RCR - begin RCR (12345 Wh)", ["verified"],
        dict(bsm_ok, energy="pass", start_time="pass", end_time="pass", meter_id="pass"))
    bsm_cdr2 = dict(bsm_cdr)
    bsm_cdr2["id"] = "CDR-BSM-2"
    bsm_cdr2["total_energy"] = Raw("13.345")
    add("cdrs/bsm-cdr-energy-mismatch.json", dumps(bsm_cdr2, indent=1),
        "the same CDR with a total_energy 1 kWh higher", ["mismatch"], {"signature": "pass", "energy": "fail"})

    # ---------------- OCMF CDR for the export round trip and the key lists ----------------
    cb, ce = ocmf_pair(main, "cdr pair", first_pg=600)
    ocmf_cdr = cdr("CDR-OCMF-1", signed_values(b64(cb), b64(ce)), key_b64, "12.345", start, end, meter_id=MS)
    add("cdrs/ocmf-cdr.json", dumps(ocmf_cdr, indent=1),
        "OCPI CDR with base64 OCMF Start and End records and a base64 SPKI key", ["verified"],
        dict(ok, energy="pass", start_time="pass", end_time="pass", meter_id="pass"))

    MANIFEST.write(
        "# Generated vectors: OCPP, S.A.F.E. XML, PCDF and BSM-WS36A\n\nSelf-generated by `Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py` (python3 standard "
        "library + the `openssl` CLI). Nothing here comes from a real meter; the records imitate the documented "
        "formats (docs/formats in the shared corpus: ocpi-ocpp.md, safe-xml.md, pcdf.md, bsm-ws36a.md). Keys are "
        "fresh test keys (`keys/README.md`); every signature is made by `openssl dgst -sha256 -sign`. Re-running "
        "the script regenerates keys, signatures and files.\n\n`manifest.json` has the shape of "
        "`Vectors/generated-ocmf/manifest.json`: `file`, `key_file` (a trusted key, or null), `description`, and "
        "`expect` = `verdicts` (one per unit in file order) and `checks` (statuses that hold for every unit).\n")


# --------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------

if __name__ == "__main__":
    signed_vectors_main(__doc__, OUT, generate, SIGNED, CLI)
