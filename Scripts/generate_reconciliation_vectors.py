#!/usr/bin/env python3
"""Generates Vectors/generated-reconciliation: CDRs whose charging periods, total_time, EVSE id and
token are reconciled with what the meter signed (the checks `charging_periods`, `duration`, `evse_id`
and `identification`), each check's pass, fail, warn and skip across OCMF, Mennekes, BSM and Alfen
where the format carries the field.

OCMF records are signed here, by the `openssl` CLI (through generate_ocmf_vectors' Key and Record),
and `openssl dgst -verify` re-checks each. The Mennekes, BSM and Alfen CDRs are derived from
already generated vectors (generated-edl40, generated-ocpp-safe-pcdf-bsm, generated-alfen) by
changing CDR fields only: their signed data and embedded keys are copied byte for byte, nothing is
re-signed. Python standard library only.
"""

import json
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from functools import partial

from generate_ocmf_vectors import (EVSE, GS, MS, OBIS_IMPORT, RFID, Raw, Record, SignedCdrVectors, make_cdr,
                                   signed_records_main, tm)
from vectorlib import CLI, ROOT, dumps

OUT_DIR = ROOT / "Vectors" / "generated-reconciliation"
EMAID = "DE-ACM-C12345678-X"

# Existing vectors whose signed data the derived CDRs reuse unchanged.
MENNEKES_BASE = ROOT / "Vectors" / "generated-edl40" / "cdrs" / "mennekes-verified.json"
BSM_BASE = ROOT / "Vectors" / "generated-ocpp-safe-pcdf-bsm" / "cdrs" / "bsm-cdr.json"
ALFEN_BASE = ROOT / "Vectors" / "generated-alfen" / "cdrs" / "alfen-verified.json"

# The checks every vector here is about, with the statuses of an untouched, verified CDR.
SIGNED_OK = {"signature": "pass", "consistency": "pass", "energy": "pass"}


def checks(**statuses):
    out = dict(SIGNED_OK)
    out.update(statuses)
    return out


def payload(pg, readings, *, it="ISO14443", ident=RFID, ct="EVSEID", ci=EVSE):
    obj = {"FV": "1.0", "GI": "ACME Wallbox", "GS": GS, "GV": "1.2.3", "PG": "T%d" % pg, "MV": "ACME",
           "MM": "M-100", "MS": MS, "MF": "1.0", "IS": True, "IL": "TRUSTED", "IF": ["RFID_PLAIN", "OCPP_RS_TLS"],
           "IT": it, "ID": ident, "CT": ct, "CI": ci, "RD": readings}
    if ct is None:
        del obj["CT"]
    return dumps(obj)


def reading(utc, tx, rv, flag):
    return {"TM": tm(utc, 60, flag, 0), "TX": tx, "RV": Raw(rv), "RI": OBIS_IMPORT, "RU": "kWh", "RT": "AC",
            "EF": "", "ST": "G"}


class Pair:
    """A Start and an End OCMF record of one session, shaped like generate_ocmf_vectors' Session so that
    make_cdr can wrap it. `meter_begin`/`meter_end` are the times the meter's clock shows (a relative
    clock shows other instants than the CDR's)."""

    def __init__(self, key, begin_utc, duration, begin_rv="2834.528", end_rv="2844.651", *, flags=("S", "S"),
                 meter_begin=None, pg=200, **ids):
        self.key, self.ms, self.gs = key, MS, GS
        self.begin_utc, self.end_utc = begin_utc, begin_utc + duration
        shown = meter_begin or begin_utc
        start = Record(key, payload(pg, [reading(shown, "B", begin_rv, flags[0])], **ids))
        end = Record(key, payload(pg + 1, [reading(shown + duration, "E", end_rv, flags[1])], **ids))
        self.records = [(start, "Start"), (end, "End")]
        self.energy = Decimal(end_rv) - Decimal(begin_rv)


def derived(base_path, cdr_id, change):
    """The CDR of `base_path` with its id set and `change(cdr)` applied; the number lexemes and the
    signed data stay exactly as written."""
    cdr = json.loads(base_path.read_text(), parse_float=Raw, parse_int=Raw)
    cdr["id"] = cdr_id
    change(cdr)
    return cdr


def fields_setter(section, fields):
    """A change that sets `fields` of the CDR's object `section` (of the CDR itself when None); a None
    value removes the field."""
    def change(cdr):
        target = cdr if section is None else cdr[section]
        for name, value in fields.items():
            if value is None:
                target.pop(name, None)
            else:
                target[name] = value
    return change


def setter(**fields):
    """A change that sets top-level CDR fields (None removes one)."""
    return fields_setter(None, fields)


def periods(*volumes, dimension="ENERGY"):
    start = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
    return [{"start_date_time": (start + timedelta(minutes=15 * i)).strftime("%Y-%m-%dT%H:%M:%SZ"),
             "dimensions": [{"type": dimension, "volume": v}]} for i, v in enumerate(volumes)]


def location(**fields):
    return fields_setter("cdr_location", fields)


def token(**fields):
    return fields_setter("cdr_token", fields)


class Vectors(SignedCdrVectors):
    def __init__(self, out):
        super().__init__(out, "prime256v1-reconciliation")
        self.t0 = datetime(2026, 3, 2, 14, 42, 47, tzinfo=timezone.utc)

    def derived(self, base_path, name, description, verdict, expect, *changes):
        """The CDR of `base_path` as `CDR-<name>` with `changes` applied in order (nothing re-signed)."""
        def change(cdr):
            for c in changes:
                c(cdr)
        self.emit(name, derived(base_path, "CDR-" + name, change), description, verdict, expect)

    def ocmf(self, name, description, verdict, expect, pair=None, change=None, **cdr_args):
        pair = pair or Pair(self.key, self.t0, timedelta(hours=1, minutes=25))
        cdr = make_cdr("CDR-" + name, pair, **cdr_args)
        if change:
            change(cdr)
        self.emit(name, cdr, description, verdict, expect, [pair])

    def build(self):
        self.build_ocmf_periods()
        self.build_ocmf_duration()
        self.build_ocmf_evse()
        self.build_ocmf_identification()
        self.build_mennekes()
        self.build_bsm()
        self.build_alfen()

    def build_ocmf_periods(self):
        # Signed 10.123 kWh (readings to 0.001 kWh): tolerance 0.001 + 0.00005 per period.
        self.ocmf("ocmf-periods-one-pass", "one period with the signed energy: charging_periods passes", "verified",
                  checks(charging_periods="pass", duration="pass", evse_id="pass", identification="pass"))
        self.ocmf("ocmf-periods-three-rounded-pass",
                  "three periods rounded to 4 decimals add up to 10.1241 kWh, 0.0011 kWh from the signed 10.123: "
                  "beyond 0.001 kWh but within 0.001 + 3 × 0.00005 kWh, charging_periods passes", "verified",
                  checks(charging_periods="pass"),
                  change=setter(charging_periods=periods(Raw("3.3744"), Raw("3.3744"), Raw("3.3753"))))
        self.ocmf("ocmf-periods-three-rounded-outside",
                  "three periods add up to 10.1242 kWh, 0.0012 kWh from the signed 10.123: beyond "
                  "0.001 + 3 × 0.00005 kWh, charging_periods fails although total_energy agrees", "mismatch",
                  checks(charging_periods="fail"),
                  change=setter(charging_periods=periods(Raw("3.3744"), Raw("3.3745"), Raw("3.3753"))))
        self.ocmf("ocmf-periods-sum-differs", "total_energy agrees, the periods bill 10.623 kWh: charging_periods "
                  "fails (mismatch)", "mismatch", checks(charging_periods="fail"),
                  change=setter(charging_periods=periods(Raw("5.000"), Raw("5.623"))))
        self.ocmf("ocmf-periods-negative-volume", "periods 10.2 and -0.077 kWh: a negative volume counts "
                  "negative, the sum 10.123 kWh passes", "verified", checks(charging_periods="pass"),
                  change=setter(charging_periods=periods(Raw("10.2"), Raw("-0.077"))))
        self.ocmf("ocmf-periods-time-only-skip", "the periods carry only TIME dimensions: charging_periods "
                  "skips", "verified", checks(charging_periods="skip"),
                  change=setter(charging_periods=periods(Raw("1.4167"), dimension="TIME")))
        self.ocmf("ocmf-periods-unreadable", "an ENERGY volume written as the string \"10.123\": charging_periods "
                  "fails (a billing system may read it some way)", "mismatch", checks(charging_periods="fail"),
                  change=setter(charging_periods=periods("10.123")))

    def build_ocmf_duration(self):
        k, t0 = self.key, self.t0
        hour = timedelta(hours=1)
        self.ocmf("ocmf-duration-sync-exceeds", "synchronised clock, signed 1 h; the CDR's times agree but its "
                  "total_time is 0.9 h: the signed duration exceeds 3240 s + 2 × 120 s, duration fails",
                  "mismatch", checks(start_time="pass", end_time="pass", duration="fail"),
                  pair=Pair(k, t0, hour), change=setter(total_time=Raw("0.9")))
        self.ocmf("ocmf-duration-sync-edge", "synchronised clock, signed 1 h, total_time 0.9334 h (3360.24 s): "
                  "3600 s ≤ 3360.24 + 240 s, duration passes", "verified", checks(duration="pass"),
                  pair=Pair(k, t0, hour), change=setter(total_time=Raw("0.9334")))
        self.ocmf("ocmf-duration-parking-pass", "signed 1 h, total_time 3.5 h (parking after charging): a "
                  "shorter signed duration passes", "verified", checks(duration="pass"),
                  pair=Pair(k, t0, hour), change=setter(total_time=Raw("3.5")))
        # A relative clock: its absolute times are from 2019, its differences are valid.
        relative = dict(flags=("R", "R"), meter_begin=datetime(2019, 5, 1, 3, 0, 0, tzinfo=timezone.utc))
        self.ocmf("ocmf-duration-relative-pass", "relative clock (R) whose absolute time is in 2019: start_time "
                  "and end_time skip, the duration (1 h) is the only time evidence and fits total_time",
                  "verified", checks(start_time="skip", end_time="skip", duration="pass", time_sync="warn"),
                  pair=Pair(k, t0, hour, **relative))
        self.ocmf("ocmf-duration-relative-exceeds", "relative clock (R), the only time evidence: the meter "
                  "measured 1 h, total_time says 0.5 h: duration fails (mismatch)", "mismatch",
                  checks(start_time="skip", end_time="skip", duration="fail", time_sync="warn"),
                  pair=Pair(k, t0, hour, **relative), change=setter(total_time=Raw("0.5")))
        self.ocmf("ocmf-duration-informative-warn", "informative clock (I), signed 1 h, total_time 0.5 h: "
                  "duration warns only", "verified", checks(duration="warn", time_sync="warn"),
                  pair=Pair(k, t0, hour, flags=("I", "I")), change=setter(total_time=Raw("0.5")))
        self.ocmf("ocmf-duration-unknown-skip", "unknown clock (U), total_time 0.5 h: duration skips",
                  "verified", checks(duration="skip", time_sync="warn"),
                  pair=Pair(k, t0, hour, flags=("U", "U")), change=setter(total_time=Raw("0.5")))
        self.ocmf("ocmf-duration-no-total-time", "the CDR has no total_time: duration skips", "verified",
                  checks(duration="skip"), pair=Pair(k, t0, hour), change=setter(total_time=None))
        self.ocmf("ocmf-duration-total-time-unreadable", "total_time written as the string \"1.0\": duration "
                  "fails (a billing system may read it some way)", "mismatch", checks(duration="fail"),
                  pair=Pair(k, t0, hour), change=setter(total_time="1.0"))

    def build_ocmf_evse(self):
        k, t0 = self.key, self.t0
        d = timedelta(minutes=50)
        self.ocmf("ocmf-evse-without-stars", "signed CI DE*ACM*E0001*1, CDR evse_id DEACME00011: stars do not "
                  "count, evse_id passes", "verified", checks(evse_id="pass"),
                  pair=Pair(k, t0, d), change=location(evse_id="DEACME00011"))
        self.ocmf("ocmf-evse-dashes-lower-case", "signed CI without stars (DEACME00011), CDR evse_id "
                  "de-acm-e0001-1: dashes and letter case do not count, evse_id passes", "verified",
                  checks(evse_id="pass"), pair=Pair(k, t0, d, ci="DEACME00011"),
                  change=location(evse_id="de-acm-e0001-1"))
        self.ocmf("ocmf-evse-differs", "signed CI DE*ACM*E0001*1, CDR evse_id DE*ACM*E0002*1: evse_id fails "
                  "(mismatch)", "mismatch", checks(evse_id="fail"), pair=Pair(k, t0, d),
                  change=location(evse_id="DE*ACM*E0002*1"))
        self.ocmf("ocmf-evse-ct-lower-case", "CT written evseid (lower case) counts as EVSEID: evse_id passes",
                  "verified", checks(evse_id="pass"), pair=Pair(k, t0, d, ct="evseid"))
        self.ocmf("ocmf-evse-charge-box-skip", "CT CBIDC names a charge box, not an EVSE: evse_id skips even "
                  "though CI differs from the CDR's evse_id", "verified", checks(evse_id="skip"),
                  pair=Pair(k, t0, d, ct="CBIDC", ci="ACME-CB-0001"))
        self.ocmf("ocmf-evse-cdr-missing-skip", "the CDR's cdr_location has no evse_id: evse_id skips",
                  "verified", checks(evse_id="skip"), pair=Pair(k, t0, d), change=location(evse_id=None))

    def build_ocmf_identification(self):
        k, t0 = self.key, self.t0
        d = timedelta(minutes=40)
        reversed_uid = bytes.fromhex(RFID)[::-1].hex().upper()
        self.ocmf("ocmf-identification-uid-lower-case", "signed ISO14443 UID %s, cdr_token.uid in lower case: "
                  "identification passes" % RFID, "verified", checks(identification="pass"),
                  pair=Pair(k, t0, d), change=token(uid=RFID.lower()))
        self.ocmf("ocmf-identification-uid-separators", "cdr_token.uid written with colons "
                  "(1F:2D:3A:4F:55:06:C7): identification passes", "verified", checks(identification="pass"),
                  pair=Pair(k, t0, d), change=token(uid=":".join(RFID[i:i + 2] for i in range(0, len(RFID), 2))))
        self.ocmf("ocmf-identification-uid-reversed", "cdr_token.uid %s is the signed UID's bytes reversed: "
                  "identification passes with a note" % reversed_uid, "verified", checks(identification="pass"),
                  pair=Pair(k, t0, d), change=token(uid=reversed_uid))
        self.ocmf("ocmf-identification-uid-differs", "cdr_token.uid 04A1B2C3D4E5F6 differs from the signed UID: "
                  "identification warns, the verdict stays verified", "verified", checks(identification="warn"),
                  pair=Pair(k, t0, d), change=token(uid="04A1B2C3D4E5F6"))
        self.ocmf("ocmf-identification-rfid-plain-type", "IT RFID_PLAIN (an RFID_* spelling) is compared with "
                  "cdr_token.uid: identification passes", "verified", checks(identification="pass"),
                  pair=Pair(k, t0, d, it="RFID_PLAIN"))
        self.ocmf("ocmf-identification-emaid", "IT EMAID %s against cdr_token.contract_id written without "
                  "dashes: identification passes" % EMAID, "verified", checks(identification="pass"),
                  pair=Pair(k, t0, d, it="EMAID", ident=EMAID), change=token(contract_id=EMAID.replace("-", "")))
        self.ocmf("ocmf-identification-emaid-differs", "IT EMAID against another cdr_token.contract_id: "
                  "identification warns", "verified", checks(identification="warn"),
                  pair=Pair(k, t0, d, it="EMAID", ident=EMAID), change=token(contract_id="DE-ACM-C87654321-X"))
        self.ocmf("ocmf-identification-central-skip", "IT CENTRAL names no cdr_token field: identification skips",
                  "verified", checks(identification="skip"), pair=Pair(k, t0, d, it="CENTRAL", ident="A1B2C3"))
        self.ocmf("ocmf-identification-no-token-uid", "the CDR's cdr_token has no uid: identification skips",
                  "verified", checks(identification="skip"), pair=Pair(k, t0, d), change=token(uid=None))

    def build_mennekes(self):
        # Signed: contract id (UID) 874AD0FE, 0.1419 kWh over 271 s on an informative clock;
        # MeteringPoint DE*TST*E0001*1, written beside the signed block.
        emit = partial(self.derived, MENNEKES_BASE)

        emit("mennekes-identification-uid-lower-case", "Mennekes (EDL40) UID 874AD0FE, cdr_token.uid 874ad0fe: "
             "identification passes", "verified", checks(identification="pass", evse_id="pass"),
             token(uid="874ad0fe"))
        emit("mennekes-identification-uid-reversed", "cdr_token.uid FED04A87 is the signed UID's bytes reversed: "
             "identification passes with a note", "verified", checks(identification="pass"), token(uid="FED04A87"))
        emit("mennekes-identification-uid-differs", "cdr_token.uid 04A1B2C3D4E5F6 differs from the signed UID "
             "874AD0FE: identification warns", "verified", checks(identification="warn"))
        emit("mennekes-evse-without-stars", "MeteringPoint DE*TST*E0001*1, CDR evse_id DETSTE00011: evse_id passes",
             "verified", checks(evse_id="pass"), location(evse_id="DETSTE00011"))
        emit("mennekes-evse-differs", "MeteringPoint DE*TST*E0001*1, CDR evse_id DE*TST*E0009*1: evse_id fails "
             "(mismatch; MeteringPoint is not signed, but the contract compares it)", "mismatch",
             checks(evse_id="fail"), location(evse_id="DE*TST*E0009*1"))
        emit("mennekes-evse-cdr-missing-skip", "the CDR has no evse_id: evse_id skips", "verified",
             checks(evse_id="skip"), location(evse_id=None))
        emit("mennekes-periods-two-pass", "two periods 0.0710 + 0.0709 kWh = the signed 0.1419: charging_periods "
             "passes", "verified", checks(charging_periods="pass"),
             setter(charging_periods=periods(Raw("0.0710"), Raw("0.0709"))))
        emit("mennekes-periods-differs", "the period bills 0.2419 kWh, signed 0.1419: charging_periods fails",
             "mismatch", checks(charging_periods="fail"), setter(charging_periods=periods(Raw("0.2419"))))
        emit("mennekes-periods-none-skip", "no charging periods: charging_periods skips", "verified",
             checks(charging_periods="skip"), setter(charging_periods=None))
        emit("mennekes-duration-informative-warn", "signed 271 s on the EDL40 local (informative) clock, "
             "total_time 0.001 h: the duration exceeds 3.6 s + 240 s, duration warns only", "verified",
             checks(duration="warn"), setter(total_time=Raw("0.001")))
        emit("mennekes-duration-pass", "signed 271 s, total_time 0.0961 h (345.96 s): duration passes",
             "verified", checks(duration="pass"))

    def build_bsm(self):
        # Signed: contract-id rfid:c0ffee42, evse-id DE*ACM*E0005*1 in Meta2, 2820 s on an informative clock.
        emit = partial(self.derived, BSM_BASE)

        emit("bsm-identification-uid-upper-case", "BSM-WS36A contract-id rfid:c0ffee42, cdr_token.uid C0FFEE42: "
             "identification passes", "verified",
             checks(identification="pass", evse_id="pass", duration="pass", charging_periods="skip"),
             token(uid="C0FFEE42"))
        emit("bsm-identification-uid-differs", "cdr_token.uid c0ffee43: identification warns", "verified",
             checks(identification="warn"), token(uid="c0ffee43"))
        emit("bsm-identification-no-token-uid", "cdr_token without uid: identification skips", "verified",
             checks(identification="skip"), token(uid=None))
        emit("bsm-evse-dashes", "signed evse-id DE*ACM*E0005*1, CDR evse_id DE-ACM-E0005-1: evse_id passes",
             "verified", checks(evse_id="pass"), location(evse_id="DE-ACM-E0005-1"))
        emit("bsm-evse-differs", "signed evse-id DE*ACM*E0005*1, CDR evse_id DE*ACM*E0006*1: evse_id fails",
             "mismatch", checks(evse_id="fail"), location(evse_id="DE*ACM*E0006*1"))
        emit("bsm-evse-cdr-missing-skip", "the CDR has no evse_id: evse_id skips", "verified",
             checks(evse_id="skip"), location(evse_id=None))
        emit("bsm-periods-pass", "one period of 12.345 kWh, the signed energy: charging_periods passes",
             "verified", checks(charging_periods="pass"), setter(charging_periods=periods(Raw("12.345"))))
        emit("bsm-periods-differs", "one period of 12.000 kWh, signed 12.345: charging_periods fails", "mismatch",
             checks(charging_periods="fail"), setter(charging_periods=periods(Raw("12.000"))))
        emit("bsm-duration-informative-warn", "signed 2820 s on the BSM (informative) clock, total_time 0.5 h: "
             "duration warns only", "verified", checks(duration="warn"), setter(total_time=Raw("0.5")))
        emit("bsm-duration-unreadable", "total_time null: duration fails (a billing system may read it some way)",
             "mismatch", checks(duration="fail"), setter(total_time=Raw("null")))

    def build_alfen(self):
        # Signed: UID 04A1B2C3D4E5F6, 11.078 kWh over 7500 s on the adapter's informative clock; no EVSE.
        emit = partial(self.derived, ALFEN_BASE)

        emit("alfen-identification-uid-lower-case", "Alfen UID 04A1B2C3D4E5F6, cdr_token.uid in lower case: "
             "identification passes", "verified", checks(identification="pass", evse_id="skip", duration="pass"),
             token(uid="04a1b2c3d4e5f6"))
        emit("alfen-identification-uid-reversed", "cdr_token.uid F6E5D4C3B2A104 is the signed UID reversed: "
             "identification passes with a note", "verified", checks(identification="pass"),
             token(uid="F6E5D4C3B2A104"))
        emit("alfen-identification-uid-differs", "cdr_token.uid 04FFFFFFFFFFFF: identification warns", "verified",
             checks(identification="warn"), token(uid="04FFFFFFFFFFFF"))
        emit("alfen-periods-four-rounded-pass", "four periods of 2.7698 kWh add up to 11.0792 kWh, 0.0012 from the "
             "signed 11.078: within 0.001 + 4 × 0.00005 kWh, charging_periods passes", "verified",
             checks(charging_periods="pass"), setter(charging_periods=periods(*[Raw("2.7698")] * 4)))
        emit("alfen-periods-unreadable", "charging_periods is an object, not a list: charging_periods fails",
             "mismatch", checks(charging_periods="fail"),
             setter(charging_periods={"dimensions": [{"type": "ENERGY", "volume": Raw("11.078")}]}))
        emit("alfen-duration-informative-warn", "signed 7500 s on the adapter (informative) clock, total_time "
             "1.5 h: duration warns only", "verified", checks(duration="warn"), setter(total_time=Raw("1.5")))
        emit("alfen-evse-skip", "Alfen signs no charge point: evse_id skips", "verified", checks(evse_id="skip"))


# What SOURCES.md says about the folder.
SOURCES = (
    "# Generated reconciliation vectors\n\n"
    "Self-generated by `Scripts/generate_reconciliation_vectors.py` (python3 standard library + the\n"
    "`openssl` CLI): CDRs whose `charging_periods`, `total_time`, `cdr_location.evse_id` and `cdr_token`\n"
    "are reconciled with the signed data (checks `charging_periods`, `duration`, `evse_id`,\n"
    "`identification`).\n\n"
    "- `cdrs/ocmf-*`: OCMF records signed here with the test key in `keys/` (not secret).\n"
    "- `cdrs/mennekes-*`, `cdrs/bsm-*`, `cdrs/alfen-*`: derived from\n"
    "  `generated-edl40/cdrs/mennekes-verified.json`, `generated-ocpp-safe-pcdf-bsm/cdrs/bsm-cdr.json` and\n"
    "  `generated-alfen/cdrs/alfen-verified.json` by changing CDR fields only; their signed data and\n"
    "  embedded keys are copied unchanged (nothing re-signed).\n\n"
    "`manifest.json` lists each file's expected verdict and the check statuses it is about.\n")


if __name__ == "__main__":
    signed_records_main(__doc__, OUT_DIR, Vectors, SOURCES, CLI)
