#!/usr/bin/env python3
"""Generates Vectors/generated-sessions: OCMF CDRs about what makes records one session and what the
CDR claims around them — one customer per session, one unit per register, unsigned copies in
plain_data, and the bound on signed values.

Every key and signature comes from the `openssl` CLI (through generate_ocmf_vectors' Key and Record);
`openssl dgst -verify` re-checks each record that must verify. Python standard library only.
"""

from datetime import datetime, timedelta, timezone
from decimal import Decimal

from generate_ocmf_vectors import (EVSE, GS, MS, OBIS_IMPORT, RFID, Raw, Record, SignedCdrVectors, make_cdr,
                                   signed_records_main, sv, tm)
from vectorlib import CLI, ROOT, dumps

OUT_DIR = ROOT / "Vectors" / "generated-sessions"
OTHER_RFID = "04A1B2C3D4E5F6"


def payload(pg, readings, ident=RFID):
    return dumps({"FV": "1.0", "GI": "ACME Wallbox", "GS": GS, "GV": "1.2.3", "PG": "T%d" % pg, "MV": "ACME",
                  "MM": "M-100", "MS": MS, "MF": "1.0", "IS": True, "IL": "TRUSTED",
                  "IF": ["RFID_PLAIN", "OCPP_RS_TLS"], "IT": "ISO14443", "ID": ident, "CT": "EVSEID",
                  "CI": EVSE, "RD": readings})


def reading(utc, tx, rv, ru="kWh"):
    return {"TM": tm(utc), "TX": tx, "RV": Raw(rv), "RI": OBIS_IMPORT, "RU": ru, "RT": "AC", "EF": "", "ST": "G"}


class Pair:
    """A Start and an End record (each possibly from another session), shaped like generate_ocmf_vectors'
    Session so make_cdr can wrap it."""

    def __init__(self, key, begin_utc, end_utc, begin_rv, end_rv, *, pg=(120, 121), ids=(RFID, RFID),
                 units=("kWh", "kWh")):
        self.key, self.ms, self.gs = key, MS, GS
        self.begin_utc, self.end_utc = begin_utc, end_utc
        start = Record(key, payload(pg[0], [reading(begin_utc, "B", begin_rv, units[0])], ids[0]))
        end = Record(key, payload(pg[1], [reading(end_utc, "E", end_rv, units[1])], ids[1]))
        self.records = [(start, "Start"), (end, "End")]
        to_kwh = [Decimal(1) if u == "kWh" else Decimal(1000) for u in units]
        self.energy = Decimal(end_rv) / to_kwh[1] - Decimal(begin_rv) / to_kwh[0]


class Vectors(SignedCdrVectors):
    def __init__(self, out):
        super().__init__(out, "prime256v1-sessions")

    def build(self):
        k = self.key
        t0 = datetime(2026, 3, 2, 14, 42, 47, tzinfo=timezone.utc)

        # One customer per session.
        p = Pair(k, t0, t0 + timedelta(days=2, hours=3), "2834.528", "2901.310", pg=(120, 131),
                 ids=(RFID, OTHER_RFID))
        self.emit("ocmf-invalid-end-of-later-session", make_cdr("CDR-later-session", p),
                  "the Start record of one session with the End record of a later session of the same meter "
                  "(pagination gap, another signed ID): both signatures valid, consistency fails, the energy of "
                  "both sessions is never billed", "invalid",
                  {"signature": "pass", "consistency": "fail"}, [p])
        p = Pair(k, t0, t0 + timedelta(hours=1, minutes=25), "2834.528", "2863.070", ids=(RFID, RFID.lower()))
        self.emit("ocmf-verified-identification-case", make_cdr("CDR-identification-case", p),
                  "the End record writes the same RFID UID in lower case: one customer, consistency passes",
                  "verified", {"signature": "pass", "consistency": "pass"}, [p])
        p = Pair(k, t0, t0 + timedelta(hours=1, minutes=25), "2834.528", "2863.070", pg=(120, 123))
        self.emit("ocmf-verified-pagination-gap-same-customer", make_cdr("CDR-pagination-gap", p),
                  "pagination gap (T120 then T123) with the same signed ID: intermediate records not sent, "
                  "consistency warns", "verified", {"signature": "pass", "consistency": "warn"}, [p])

        # One unit per register.
        p = Pair(k, t0, t0 + timedelta(hours=1, minutes=25), "2834528", "2863.070", units=("Wh", "kWh"))
        self.emit("ocmf-invalid-unit-changes", make_cdr("CDR-unit-changes", p),
                  "the Start reading in Wh, the End reading of the same register in kWh (values agree): "
                  "consistency fails", "invalid", {"signature": "pass", "consistency": "fail"}, [p])

        # Unsigned copies: plain_data beside signed_data.
        p = Pair(k, t0, t0 + timedelta(hours=1, minutes=25), "2834.528", "2863.070")
        forged = Pair(k, t0, t0 + timedelta(hours=1, minutes=25), "2834.528", "2899.999")
        values = [sv(r, n) for r, n in p.records]
        values[1]["plain_data"] = forged.records[1][0].text
        self.emit("ocmf-invalid-plain-data-other-record", make_cdr("CDR-plain-data-other", p, values=values),
                  "plain_data of the End value holds another validly signed End record (2899.999 kWh) than "
                  "signed_data (2863.070 kWh): the signed_data record counts, consistency fails", "invalid",
                  {"signature": "pass", "consistency": "fail", "energy": "pass"}, [p, forged])
        values = [sv(r, n) for r, n in p.records]
        values[1]["plain_data"] = p.records[1][0].text
        self.emit("ocmf-verified-plain-data-same-record", make_cdr("CDR-plain-data-same", p, values=values),
                  "plain_data of the End value repeats the signed_data record: verified", "verified",
                  {"signature": "pass", "consistency": "pass"}, [p])
        values = [sv(r, n) for r, n in p.records]
        values[1]["plain_data"] = "Zaehlerstand Ende: 2863,070 kWh"
        self.emit("ocmf-verified-plain-data-prose", make_cdr("CDR-plain-data-prose", p, values=values),
                  "plain_data holds a sentence, not a record: ignored, verified", "verified",
                  {"signature": "pass", "consistency": "pass"}, [p])

        # Bounded work.
        values = [sv(r, n) for r, n in p.records]
        values[1:1] = [{"nature": "Intermediate", "signed_data": "x"} for _ in range(999)]
        self.emit("cdr-invalid-too-many-values", make_cdr("CDR-too-many-values", p, values=values),
                  "1,001 signed values: format fails (too many) without decoding them", "invalid",
                  {"format": "fail"}, [p])


# What SOURCES.md says about the folder.
SOURCES = (
    "# Generated session vectors\n\n"
    "Self-generated by `Scripts/generate_session_vectors.py` (python3 standard library + the `openssl` CLI):\n"
    "OCMF CDRs about what makes records one session (one customer, one unit per register), unsigned copies\n"
    "in `plain_data`, and the bound on signed values. The key in `keys/` is a test key, not secret.\n"
    "`manifest.json` lists each file's expected verdicts and the check statuses it is about.\n")


if __name__ == "__main__":
    signed_records_main(__doc__, OUT_DIR, Vectors, SOURCES, CLI)
