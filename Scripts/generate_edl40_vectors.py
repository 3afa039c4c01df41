#!/usr/bin/env python3
"""Generate self-made test vectors for the EDL40 / SML family inside OCPI 2.2.1 CDRs.

Usage:
    Scripts/generate_edl40_vectors.py               # (re)generate Vectors/generated-edl40/ and self-check it
    Scripts/generate_edl40_vectors.py --check-only  # only re-run the file check on the existing files

Standard library only. Keys and signatures come from the `openssl` CLI (OpenSSL 3): `openssl genpkey`
(prime192v1 = P-192, prime256v1 = P-256), `openssl pkey -pubout -outform DER` (the raw X||Y is the end
of the SubjectPublicKeyInfo), `openssl dgst -sha256 -sign` (DER, converted to the raw r||s the EDL40
family carries). For P-192 OpenSSL truncates the SHA-256 digest to 192 bits, as the meters do.

Layouts follow docs/formats/sml-edl40.md:
    A  SML telegram (SML transport v1, escape, padding, file and message CRC-16/X-25, low byte first)
       around a GetList.Res; the meter signs the 320-byte EDL40 block rebuilt from it (little-endian;
       local epoch times; logbook = last 2 bytes of the listSignature). EMOC telegrams (P-256, signature
       version 4) remap the status byte and fill the extended fields 173..196.
    B  <signedMeterValue> XML carrying the prebuilt block, the signature and the key (base64).
    C  Mennekes XML (<ChargingProcess> / <Billing>), block rebuilt from the elements
       (CustomerIdent hex-decoded; EventCounter as high byte, low byte).
    D  EMH values in chargeIT JSON ("EMHCrypt01"), block rebuilt from the JSON (contract.id as ASCII).
    E  ISA EDL40P telegrams (START / STOP), their own 320-byte block, P-256.

Output (everything under Vectors/generated-edl40/ is rewritten on every run: new keys, new signatures):
    keys/<name>.pem, .pub.pem   test keys (the private keys are test keys!)
    keys/<name>.pub.hex         the raw X||Y public key as hex (the form EDL40 keys travel in)
    keys/<name>.pub.b64         the raw X||Y public key as base64 (OCPI public_key)
    cdrs/<vector>.json | .txt   the vectors
    manifest.json               expectations, one object per file (same shape as
                                Vectors/generated-ocmf/manifest.json)
"""

import base64
import shutil
import struct
from datetime import datetime, timedelta, timezone
from decimal import Decimal

from vectorlib import (CLI, ROOT, check_signed_and_manifest, dumps, generator_main, openssl_verify, raw_to_der,
                       signed_values, test_depot_cdr, TestKey, write_manifest)

OUT_DIR = ROOT / "Vectors" / "generated-edl40"

# Invented server ids in the shape of SML server ids (09 01, FLAG code "TST", serial).
EDL40_METER = bytes.fromhex("0901") + b"TST" + bytes.fromhex("0000123456")
EMOC_METER = bytes.fromhex("0a01") + b"TST" + bytes.fromhex("0000654321")
MENNEKES_METER = bytes.fromhex("0901") + b"TST" + bytes.fromhex("0000777001")
EMH_METER = bytes.fromhex("0901") + b"TST" + bytes.fromhex("0000888002")
ISA_METER = bytes.fromhex("0901") + b"TST" + bytes.fromhex("0000999003")
OBIS_SIGNED = bytes([1, 0, 1, 17, 0, 255])  # 1-0:1.17.0*255
OBIS_IMPORT = bytes([1, 0, 1, 8, 0, 255])  # 1-0:1.8.0*255
OBIS_ISA_START = bytes([1, 0, 1, 8, 0, 128])  # 1-0:1.8.0*128
UNIT_WH = 30
UID = "04A1B2C3D4E5F6"
EVSE = "DE*TST*E0001*1"
# A winter session (CET, UTC+1) and a summer one (CEST, UTC+2).
WINTER = datetime(2026, 3, 2, 8, 15, 0, tzinfo=timezone.utc)
SUMMER = datetime(2026, 7, 15, 6, 40, 0, tzinfo=timezone.utc)

ALL_CHECKS = ["format", "public_key", "signature", "consistency", "meter_status", "pairing", "energy",
              "start_time", "end_time", "meter_id", "time_sync", "key_trust"]
# A verified CDR: everything passes; EDL40 local time is informative (time_sync warns) and the key is
# not independently trusted unless a key file is given (key_trust warns).
VERIFIED_CHECKS = {code: "pass" for code in ALL_CHECKS}
VERIFIED_CHECKS.update({"time_sync": "warn", "key_trust": "warn"})


def with_checks(**statuses):
    checks = dict(VERIFIED_CHECKS)
    checks.update(statuses)
    return checks


# --------------------------------------------------------------------------------------------
# keys
# --------------------------------------------------------------------------------------------

class Key(TestKey):
    """A fresh test key on P-192 or P-256 that signs as r||s (the EDL40 family's raw signatures);
    `.pub.hex` / `.pub.b64` are its raw X||Y point, the form EDL40 keys travel in."""

    def __init__(self, name, curve, keydir):
        super().__init__(name, curve, keydir)
        self.write_public(".pub.hex", self.xy.hex())
        self.write_public(".pub.b64", self.b64)

    @property
    def b64(self):
        return base64.b64encode(self.xy).decode()

    def sign(self, message):
        """r||s over SHA-256(message)."""
        return self.sign_raw(message)

    def verifies(self, raw_signature, message):
        return openssl_verify(self.pub_pem, raw_to_der(raw_signature), message)


# --------------------------------------------------------------------------------------------
# SML writer (BSI TR-03109-1 / SML 1.04)
# --------------------------------------------------------------------------------------------

def crc16_x25(data):
    crc = 0xFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc ^ 0xFFFF


def tl_bytes(type_bits, length, is_list=False):
    """Type-length bytes. Scalars count their TL bytes in the length, lists count elements."""
    count = 1
    while True:
        total = length if is_list else length + count
        if total < 16 ** count:
            break
        count += 1
    nibbles = [(total >> (4 * i)) & 0xF for i in reversed(range(count))]
    out = bytearray()
    for i, nibble in enumerate(nibbles):
        more = 0x80 if i < count - 1 else 0
        out.append(more | ((type_bits << 4) if i == 0 else 0) | nibble)
    return bytes(out)


ABSENT = b"\x01"


def octets(data):
    return tl_bytes(0, len(data)) + data


def unsigned(value, width):
    return tl_bytes(6, width) + value.to_bytes(width, "big")


def integer(value, width):
    return tl_bytes(5, width) + value.to_bytes(width, "big", signed=True)


def sml_list(*items):
    return tl_bytes(7, len(items), is_list=True) + b"".join(items)


def local_timestamp(utc_seconds, offset_min, season_min):
    return sml_list(unsigned(3, 1), sml_list(unsigned(utc_seconds, 4), integer(offset_min, 2), integer(season_min, 2)))


def plain_timestamp(seconds):
    return sml_list(unsigned(2, 1), unsigned(seconds, 4))


def seconds_index_time(seconds):
    return sml_list(unsigned(1, 1), unsigned(seconds, 4))


def entry(obis, value, *, status=ABSENT, time=ABSENT, unit=ABSENT, scaler=ABSENT, signature=ABSENT):
    return sml_list(octets(obis), status, time, unit, scaler, value, signature)


def message(transaction, tag, body):
    """One SML message with its CRC (low byte first) and end-of-message byte."""
    head = sml_list(octets(transaction), unsigned(0, 1), unsigned(0, 1), sml_list(unsigned(tag, 2), body))
    # The list TL says 6 elements; the crc and end byte follow the 4 written ones.
    head = bytes([0x76]) + head[1:]
    crc = crc16_x25(head)
    return head + bytes([0x63, crc & 0xFF, crc >> 8, 0x00])


def sml_file(messages):
    """The transport frame: begin, escaped messages padded to 4 bytes, end with padding count and CRC."""
    payload = b"".join(messages)
    padding = (-len(payload)) % 4
    payload += b"\x00" * padding
    body = bytearray()
    for i in range(0, len(payload), 4):
        block = payload[i:i + 4]
        if block == b"\x1b" * 4:
            body += block  # escape: the literal is doubled
        body += block
    head = b"\x1b\x1b\x1b\x1b\x01\x01\x01\x01" + bytes(body) + b"\x1b\x1b\x1b\x1b\x1a" + bytes([padding])
    crc = crc16_x25(head)
    return head + bytes([crc & 0xFF, crc >> 8])


def open_close(server, transaction_base, get_list):
    open_body = sml_list(ABSENT, octets(b"123"), octets(b"\x00\x0f"), octets(server), ABSENT, ABSENT)
    return sml_file([
        message(transaction_base + b"\x01", 0x0101, open_body),
        message(transaction_base + b"\x02", 0x0701, get_list),
        message(transaction_base + b"\x03", 0x0201, sml_list(ABSENT)),
    ])


# --------------------------------------------------------------------------------------------
# the EDL40 block (A, B, C, D)
# --------------------------------------------------------------------------------------------

def edl40_block(*, server, local_time, status, seconds_index, pagination, obis=OBIS_SIGNED, unit=UNIT_WH,
                scaler=-1, value, logbook, contract, contract_time, historical=0, compensated=0, resistance=0,
                stopwatch=0, price=0):
    block = bytearray(320)
    struct.pack_into("<10sIBII6sBbq2s", block, 0, server, local_time & 0xFFFFFFFF, status, seconds_index,
                     pagination, obis, unit, scaler, value, logbook)
    block[41:41 + len(contract)] = contract
    struct.pack_into("<IqqHI", block, 169, contract_time & 0xFFFFFFFF, historical, compensated, resistance,
                     stopwatch)
    struct.pack_into(">H", block, 195, price)
    return bytes(block)


def emoc_status(word):
    """EMOC status byte from the 32-bit status word: out 0<-17, 3<-31, 4<-16, 5<-11, 6<-9, 7<-8."""
    out = 0
    for out_bit, in_bit in ((0, 17), (3, 31), (4, 16), (5, 11), (6, 9), (7, 8)):
        if word >> in_bit & 1:
            out |= 1 << out_bit
    return out


class Reading:
    """One signed EDL40 reading: the fields, the block, the signature, and its container forms."""

    def __init__(self, key, *, server=EDL40_METER, utc, offset_min=60, season_min=0, value, pagination,
                 seconds_index, status=0x08, contract=b"", contract_utc=None, emoc=False, logbook=b"\x01\x10",
                 clockless=False, signer=None):
        self.key = key
        self.signer = signer or key
        self.server = server
        self.utc = utc
        self.offset_min = offset_min
        self.season_min = season_min
        self.value = value
        self.pagination = pagination
        self.seconds_index = seconds_index
        self.status = status
        self.contract = contract
        self.contract_utc = contract_utc or (utc - timedelta(seconds=20))
        self.emoc = emoc
        self.logbook = logbook
        self.clockless = clockless
        self.tampered = False
        if clockless:
            # Seconds since power-up instead of a clock (the S.A.F.E. samples carry 777 s, 1 995 487 s).
            self.ts = seconds_index
            self.contract_ts = seconds_index - 20
            self.offset_min = self.season_min = 0
        else:
            self.ts = int(utc.timestamp())
            self.contract_ts = int(self.contract_utc.timestamp())
        shift = (self.offset_min + self.season_min) * 60
        extra = {}
        if emoc:
            extra = dict(historical=value - 19_000, compensated=value - 19_000, resistance=1000)
        self.block = edl40_block(
            server=server, local_time=self.ts + shift,
            status=emoc_status(status) if emoc else status & 0xFF, seconds_index=seconds_index,
            pagination=pagination, value=value, logbook=logbook, contract=contract,
            contract_time=self.contract_ts + shift, **extra)
        self.signed_block = self.block
        self.rs = self.signer.sign(self.block)
        self.signature = self.rs + logbook

    # A: the SML telegram
    def telegram(self, *, tamper_value=None, break_crc=False):
        """The SML file. `tamper_value` writes another value (CRCs recomputed: the signature fails);
        `break_crc` flips a payload byte without fixing the CRCs (the file check fails)."""
        value = self.value if tamper_value is None else tamper_value
        time = local_timestamp(self.ts, self.offset_min, self.season_min)
        contract_time = local_timestamp(self.contract_ts, self.offset_min, self.season_min)
        status = unsigned(self.status, 4) if self.emoc else unsigned(self.status, 1)
        entries = [
            entry(bytes.fromhex("8182815401ff"), octets(self.contract), time=contract_time),
            # A 5-byte signed value, as real meters write (56 ...).
            entry(OBIS_SIGNED, integer(value, 5), status=status, time=time, unit=unsigned(UNIT_WH, 1),
                  scaler=integer(-1, 1)),
        ]
        if self.emoc:
            block_fields = struct.unpack_from("<qqHI", self.block, 173)
            entries += [
                entry(bytes.fromhex("010001110064"), integer(block_fields[0], 8), unit=unsigned(UNIT_WH, 1),
                      scaler=integer(-1, 1)),
                entry(bytes.fromhex("0100011100c8"), integer(block_fields[1], 8), unit=unsigned(UNIT_WH, 1),
                      scaler=integer(-1, 1)),
                entry(bytes.fromhex("00af6c6c72ff"), unsigned(block_fields[2], 2), unit=unsigned(38, 1),
                      scaler=integer(-3, 1)),
                entry(bytes.fromhex("00af647572ff"), unsigned(0, 4), unit=unsigned(7, 1), scaler=integer(0, 1)),
                entry(bytes.fromhex("00af707263ff"), unsigned(0, 2), unit=unsigned(10, 1), scaler=integer(-3, 1)),
            ]
        entries += [
            entry(bytes.fromhex("810060080001"), sml_list(unsigned(1, 1), seconds_index_time(self.seconds_index))),
            entry(bytes.fromhex("8180817101ff"), unsigned(self.pagination, 4)),
        ]
        if self.emoc:
            entries.append(entry(bytes.fromhex("00af737672ff"), unsigned(4, 1)))
        list_name = bytes.fromhex("8180817303ff" if self.emoc else "8180817103ff")
        get_list = sml_list(ABSENT, octets(self.server), octets(list_name),
                            seconds_index_time(self.seconds_index + 40), sml_list(*entries),
                            octets(self.signature), ABSENT)
        data = open_close(self.server, struct.pack(">I", self.pagination), get_list)
        if break_crc:
            raw = bytearray(data)
            raw[len(raw) // 2] ^= 0x01
            data = bytes(raw)
        return data

    # B: the prebuilt block
    def signature_only_xml(self, *, block=None, embed_key=True, method=None):
        block = self.block if block is None else block
        method = method or ("ECDSA256SHA256" if self.key.size == 32 else "ECDSA192SHA256")
        key = '<publicKey encoding="base64">%s</publicKey>' % self.key.b64 if embed_key else ""
        return ('<?xml version="1.0" encoding="UTF-8" ?><signedMeterValue>%s'
                '<meterValueSignature encoding="base64">%s</meterValueSignature>'
                '<signatureMethod>%s</signatureMethod><encodingMethod>EDL</encodingMethod>'
                '<encodedMeterValue encoding="base64">%s</encodedMeterValue></signedMeterValue>' % (
                    key, base64.b64encode(self.signature).decode(), method, base64.b64encode(block).decode()))

    @property
    def kwh(self):
        return Decimal(self.value).scaleb(-4)  # value in 0.1 Wh -> kWh

    @property
    def time(self):
        return self.utc


def edl40_session(key, *, start_value=1_234_567, energy=110_780, begin=WINTER, duration=timedelta(hours=1, minutes=50),
                  pagination=221, seconds_index=708_469, **fields):
    """Begin and end readings of one session; `fields` may hold 'begin'/'end' dicts of overrides."""
    overrides = {"begin": fields.pop("begin", {}), "end": fields.pop("end", {})}
    contract = fields.pop("contract", b"\x04\xa1\xb2\xc3\xd4\xe5\xf6")
    readings = []
    for i, name in enumerate(("begin", "end")):
        args = dict(utc=begin + duration * i, value=start_value + energy * i, pagination=pagination + i,
                    seconds_index=seconds_index + int(duration.total_seconds()) * i, contract=contract,
                    contract_utc=begin - timedelta(seconds=25))
        args.update(fields)
        args.update(overrides[name])
        readings.append(Reading(key, **args))
    return readings


# --------------------------------------------------------------------------------------------
# C: Mennekes XML
# --------------------------------------------------------------------------------------------

def iso_local(utc, offset_minutes):
    tz = timezone(timedelta(minutes=offset_minutes))
    return utc.astimezone(tz).isoformat()


def mennekes_session(key, *, start_value=519_116, energy=1_419, begin=WINTER, duration=timedelta(minutes=4, seconds=31),
                     event_counter=8, customer="874AD0FE", end_event_counter=None, end_value=None, tamper_end_value=None,
                     billing=False):
    """One ChargingProcess with start and end measurement (signature 48 bytes: the logbook bytes
    in the block are EventCounter high byte, low byte)."""
    offset = 60
    customer_bytes = bytes.fromhex(customer)
    customer_time = begin - timedelta(seconds=4)
    measurements = []
    for i, name in enumerate(("MeasurementStart", "MeasurementEnd")):
        utc = begin + duration * i
        value = start_value + energy * i if i == 0 or end_value is None else end_value
        counter = event_counter if i == 0 or end_event_counter is None else end_event_counter
        local = int(utc.timestamp()) + offset * 60
        block = edl40_block(server=MENNEKES_METER, local_time=local, status=65800 & 0xFF,
                            seconds_index=74_650 + int(duration.total_seconds()) * i, pagination=25 + i,
                            value=value, logbook=bytes([counter >> 8 & 0xFF, counter & 0xFF]),
                            contract=customer_bytes, contract_time=int(customer_time.timestamp()) + offset * 60)
        signature = key.sign(block)
        written_value = tamper_end_value if (i == 1 and tamper_end_value is not None) else value
        # The block a verifier rebuilds from what the XML says (differs from the signed one when tampered).
        written_block = block[:31] + struct.pack("<q", written_value) + block[39:]
        measurements.append((name, utc, written_value, counter, 74_650 + int(duration.total_seconds()) * i, 25 + i,
                             signature, written_block, written_value != value))
    parts = []
    for name, utc, value, counter, second_index, pagination, signature, _block, _tampered in measurements:
        hex_signature = signature.hex().upper()
        parts.append(
            "    <%s>\n      <Timestamp>%s</Timestamp>\n      <Signature>\n        %s\n        %s\n      </Signature>\n"
            "      <EventCounter>%d</EventCounter>\n      <MeterStatus>65800</MeterStatus>\n      <Value>%d</Value>\n"
            "      <Scaler>-1</Scaler>\n      <Pagination>%d</Pagination>\n      <SecondIndex>%d</SecondIndex>\n"
            "    </%s>\n" % (name, iso_local(utc, offset), hex_signature[:60], hex_signature[60:], counter, value,
                            pagination, second_index, name))
    process = (
        "<ChargingProcess>\n    <ServerId>%s</ServerId>\n    <PublicKey>%s</PublicKey>\n"
        "    <MeteringPoint>%s</MeteringPoint>\n    <CustomerIdent>%s</CustomerIdent>\n"
        "    <TimestampCustomerIdent>%s</TimestampCustomerIdent>\n%s    <EventLogItems/>\n</ChargingProcess>" % (
            MENNEKES_METER.hex().upper(), key.xy.hex().upper(), EVSE, customer, iso_local(customer_time, offset),
            "".join(parts)))
    if billing:
        xml = ('<?xml version="1.0" encoding="UTF-8"?>\n<Billing xmlns="http://www.mennekes.de/Mennekes.EdlVerification.xsd">\n'
               "  <Customer><CustomerId>11</CustomerId></Customer>\n  <BillingPeriods><BillingPeriod>"
               "<BillingNo>RE2026-01</BillingNo><ChargingProcesses>\n%s\n</ChargingProcesses></BillingPeriod>"
               "</BillingPeriods>\n</Billing>\n" % process)
    else:
        xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + process + "\n"
    values = [(m[2], m[1]) for m in measurements]
    checks = [(m[7], m[6], m[8]) for m in measurements]
    return xml, values, checks


# --------------------------------------------------------------------------------------------
# D: EMH chargeIT JSON
# --------------------------------------------------------------------------------------------

def emh_values(key, *, start_value=110_281, energy=6_484, begin=WINTER, duration=timedelta(minutes=22, seconds=12),
               contract="235DD5BB", hex_contract=False, tamper_end_value=None):
    """Two signedMeterValues objects. `hex_contract` signs the contract id hex-decoded (the wrong
    convention for EMHCrypt01: verifiers hash it as ASCII text, so the signature must fail)."""
    offset, season = 60, 0
    contract_utc = begin - timedelta(seconds=3)
    items = []
    checks = []
    for i in range(2):
        utc = begin + duration * i
        value = start_value + energy * i
        measurement = 0x19 + i
        contract_bytes = bytes.fromhex(contract) if hex_contract else contract.encode()
        block = edl40_block(server=EMH_METER, local_time=int(utc.timestamp()) + (offset + season) * 60, status=0x88,
                            seconds_index=1_758_261 + int(duration.total_seconds()) * i, pagination=measurement,
                            value=value, logbook=bytes.fromhex("0004"), contract=contract_bytes,
                            contract_time=int(contract_utc.timestamp()) + (offset + season) * 60)
        signature = key.sign(block)
        written = tamper_end_value if (i == 1 and tamper_end_value is not None) else value
        # The block a verifier rebuilds: the written value and contract.id as ASCII text.
        ascii_contract = contract.encode().ljust(128, b"\x00")
        written_block = block[:31] + struct.pack("<q", written) + block[39:41] + ascii_contract + block[169:]
        checks.append((written_block, signature, written_block != block))
        items.append({
            "timestamp": int(utc.timestamp()) + 60,
            "meterInfo": {"firmwareVersion": "123", "publicKey": key.xy.hex().upper(),
                          "meterId": EMH_METER.hex().upper(), "type": "eHZ TEST", "manufacturer": "TST"},
            "transactionId": "1772439300000:1:1",
            "contract": {"type": "RFID_TAG_ID",
                         "timestampLocal": {"timestamp": int(contract_utc.timestamp()), "localOffset": offset,
                                            "seasonOffset": season},
                         "timestamp": int(contract_utc.timestamp()), "id": contract},
            "measurementId": "%08X" % measurement,
            "measuredValue": {"timestampLocal": {"timestamp": int(utc.timestamp()), "localOffset": offset,
                                                 "seasonOffset": season},
                              "value": str(written), "unit": "WATT_HOUR", "scale": -1, "valueType": "Integer64",
                              "unitEncoded": UNIT_WH},
            "measurand": {"id": OBIS_SIGNED.hex().upper(), "name": "ENERGY_TOTAL"},
            "additionalInfo": {"indexes": {"timer": 1_758_261 + int(duration.total_seconds()) * i,
                                           "logBook": "0004"}, "status": "88"},
            "signature": signature.hex().upper(),
        })
    return items, [(Decimal(start_value + energy * i).scaleb(-4), begin + duration * i) for i in range(2)], checks


def emh_container(items):
    return {"placeInfo": {"evseId": EVSE, "address": {"street": "Teststrasse 1", "zipCode": "10115",
                                                      "town": "Berlin"}},
            "signedMeterValues": items}


# --------------------------------------------------------------------------------------------
# E: ISA EDL40P
# --------------------------------------------------------------------------------------------

class ISATelegram:
    """An ISA EDL40P telegram: kind 0 START, 1 UPDATE, 2 STOP."""

    def __init__(self, key, *, kind, start_value, start_utc, actual_value, actual_utc, pagination, contract,
                 offset_min=60, season_min=0, tamper_actual=None):
        self.kind = kind
        shift = (offset_min + season_min) * 60
        self.start_local = int(start_utc.timestamp()) + shift
        self.actual_local = int(actual_utc.timestamp()) + shift
        self.start_value, self.actual_value = start_value, actual_value
        self.start_utc, self.actual_utc = start_utc, actual_utc
        self.list_name = bytes([0x81, 0x80, 0x81, 0x62, kind, 0xFF])
        self.esth = bytes(range(0x80, 0x94))
        self.status = 0x0000_0400_0000_0018
        self.value_signature = key.sign(b"ISA value signature " + struct.pack("<q", actual_value)) + b"\x00\xa4"
        self.log = b"\x00\xa4"
        def isa_block(actual):
            block = bytearray(320)
            struct.pack_into("<10sIB6sBbq2s66s", block, 0, ISA_METER, self.actual_local, self.status & 0xFF,
                             OBIS_IMPORT, UNIT_WH, -1, actual, self.log, self.value_signature)
            block[99:99 + len(contract)] = contract
            struct.pack_into("<I20sB6sBbq6sI", block, 227, self.start_local, self.esth, self.status & 0xFF,
                             OBIS_ISA_START, UNIT_WH, -1, start_value, self.list_name, pagination)
            return bytes(block)

        self.signed_block = isa_block(actual_value)
        self.rs = key.sign(self.signed_block)
        self.key = key
        self.tampered = tamper_actual is not None
        written_actual = actual_value if tamper_actual is None else tamper_actual
        # The block a verifier rebuilds from the telegram as written.
        self.block = isa_block(written_actual)
        time_start = plain_timestamp(self.start_local)
        time_actual = plain_timestamp(self.actual_local)
        entries = [
            entry(bytes.fromhex("8182815401ff"), octets(contract),
                  time=local_timestamp(int(start_utc.timestamp()) - 30, offset_min, season_min)),
            entry(OBIS_ISA_START, integer(start_value, 8), status=unsigned(self.status, 8), time=time_start,
                  unit=unsigned(UNIT_WH, 1), scaler=integer(-1, 1)),
            entry(bytes.fromhex("8180c7f040ff"), unsigned(pagination, 4)),
            entry(bytes.fromhex("8180816101ff"), octets(self.esth)),
            entry(OBIS_IMPORT, integer(written_actual, 8), status=unsigned(self.status, 8), time=time_actual,
                  unit=unsigned(UNIT_WH, 1), scaler=integer(-1, 1), signature=octets(self.value_signature)),
        ]
        get_list = sml_list(octets(b"PCstation"), octets(ISA_METER), octets(self.list_name),
                            local_timestamp(int(actual_utc.timestamp()), offset_min, season_min),
                            sml_list(*entries), octets(self.rs + self.log), ABSENT)
        self.telegram = open_close(ISA_METER, struct.pack(">I", pagination), get_list)


def isa_session(key, *, start_value=256_959_316, energy=223_294, begin=WINTER, duration=timedelta(minutes=5, seconds=44),
                pagination=22, contract=bytes(range(16)), stop_overrides=None):
    end_utc = begin + duration
    start = ISATelegram(key, kind=0, start_value=start_value, start_utc=begin, actual_value=start_value,
                        actual_utc=begin, pagination=pagination, contract=contract)
    stop_args = dict(kind=2, start_value=start_value, start_utc=begin, actual_value=start_value + energy,
                     actual_utc=end_utc, pagination=pagination + 1, contract=contract)
    stop_args.update(stop_overrides or {})
    stop = ISATelegram(key, **stop_args)
    return start, stop


# --------------------------------------------------------------------------------------------
# CDRs
# --------------------------------------------------------------------------------------------

def make_cdr(cdr_id, values, *, encoding_method, begin, end, kwh, key_text=None, meter_id=None,
             total_energy=None, token_uid=UID, start_shift=-30, end_shift=45):
    """A CDR around signed `values` (list of {nature, plain_data?, signed_data}); times and energy
    follow the signed readings unless given."""
    if total_energy is None:
        total_energy = kwh
    start = begin + timedelta(seconds=start_shift)
    stop = end + timedelta(seconds=end_shift)
    signed_data = {"encoding_method": encoding_method}
    if key_text is not None:
        signed_data["public_key"] = key_text
    signed_data["signed_values"] = values
    return test_depot_cdr(cdr_id, start, stop, token_uid=token_uid, evse_id=EVSE, meter_id=meter_id,
                          total_energy=total_energy, signed_data=signed_data)


def b64(data):
    return base64.b64encode(data).decode()


def b32(data):
    return base64.b32encode(data).decode()


# --------------------------------------------------------------------------------------------
# the vectors
# --------------------------------------------------------------------------------------------

class Vectors:
    def __init__(self):
        self.items = []  # (file, content, key_file, description, expect, signature checks)

    def add(self, name, content, description, verdicts, checks, key_file=None, signatures=()):
        self.items.append((name, content, key_file, description, {"verdicts": verdicts, "checks": checks},
                           list(signatures)))

    def cdr(self, name, description, verdict, checks, cdr, key_file=None, signatures=()):
        self.add("cdrs/%s.json" % name, dumps(cdr, indent=2) + "\n", description, [verdict], checks, key_file,
                 signatures)


def sml_values(readings, encode=b64, natures=("Start", "End"), **telegram_args):
    values = []
    for i, (reading, nature) in enumerate(zip(readings, natures)):
        args = telegram_args if i == len(readings) - 1 else {}
        values.append({"nature": nature, "plain_data": "", "signed_data": encode(reading.telegram(**args))})
    return values


def reading_checks(readings):
    return [(r.block, r.signature[:2 * r.key.size], False) for r in readings]


def build_sml(v, keys):
    """Variant A: SML telegrams."""
    p192, other, p256 = keys["p192-main"], keys["p192-other"], keys["p256-main"]
    meter = EDL40_METER.hex().upper()

    def cdr(name, readings, values, **args):
        args.setdefault("meter_id", meter)
        args.setdefault("key_text", readings[0].key.b64)
        return make_cdr(name, values, encoding_method="EDL40 E-Mobility Extension", begin=readings[0].time,
                        end=readings[-1].time, kwh=readings[-1].kwh - readings[0].kwh, **args)

    r = edl40_session(p192)
    v.cdr("edl40-sml-verified", "EDL40 SML telegrams (base64 in signed_data), P-192, public_key = base64 of X||Y",
          "verified", with_checks(), cdr("edl40-sml-verified", r, sml_values(r)), signatures=reading_checks(r))
    r = edl40_session(p192, start_value=2_000_000, energy=45_678)
    v.cdr("edl40-sml-verified-hex", "EDL40 SML telegrams as upper-case hex, public_key as hex X||Y", "verified",
          with_checks(), cdr("edl40-sml-verified-hex", r, sml_values(r, encode=lambda b: b.hex().upper()),
                             key_text=p192.xy.hex()), signatures=reading_checks(r))
    r = edl40_session(p192, start_value=2_100_000, energy=12_345)
    v.cdr("edl40-sml-verified-base32", "EDL40 SML telegrams as base32", "verified", with_checks(),
          cdr("edl40-sml-verified-base32", r, sml_values(r, encode=b32)), signatures=reading_checks(r))
    r = edl40_session(p256, server=EMOC_METER, emoc=True, status=0x8004_0204, start_value=2_119_660, energy=190,
                      logbook=b"\x00\x46")
    v.cdr("edl40-sml-verified-emoc-p256",
          "EMH EMOC telegrams: P-256 (64-byte key, 66-byte listSignature), signature version 4, status remap, extended fields",
          "verified", with_checks(), cdr("edl40-sml-verified-emoc-p256", r, sml_values(r), meter_id=EMOC_METER.hex()),
          signatures=reading_checks(r))
    r = edl40_session(p192, start_value=3_000_000, energy=77_777)
    v.cdr("edl40-sml-verified-trusted-key", "no public_key in the CDR; the trusted key (--key, hex X||Y) verifies",
          "verified", with_checks(key_trust="pass"),
          cdr("edl40-sml-verified-trusted-key", r, sml_values(r), key_text=None),
          key_file="keys/p192-main.pub.hex", signatures=reading_checks(r))
    r = edl40_session(p192, clockless=True, seconds_index=1_995_487, energy=3_147)
    v.cdr("edl40-sml-verified-clockless",
          "meter without a set clock (times are seconds since power-up): the time checks skip, the energy verifies",
          "verified", with_checks(start_time="skip", end_time="skip"),
          cdr("edl40-sml-verified-clockless", r, sml_values(r)), signatures=reading_checks(r))

    r = edl40_session(p192, energy=20_000)
    tampered = signed_values(b64(r[0].telegram()), b64(r[1].telegram(tamper_value=r[1].value + 1000)))
    v.cdr("edl40-sml-invalid-tampered",
          "End telegram: meter value raised by 100 Wh after signing (CRCs recomputed): the signature fails",
          "invalid", {"format": "pass", "public_key": "pass", "signature": "fail"},
          cdr("edl40-sml-invalid-tampered", r, tampered))
    r = edl40_session(p192, energy=20_001)
    v.cdr("edl40-sml-invalid-crc", "End telegram: one byte flipped without fixing the CRCs: format fails",
          "invalid", {"format": "fail"}, cdr("edl40-sml-invalid-crc", r, sml_values(r, break_crc=True)))
    r = edl40_session(p192, energy=20_002)
    v.cdr("edl40-sml-mismatch-energy", "CDR total_energy 1 kWh higher than the signed energy", "mismatch",
          with_checks(energy="fail"),
          cdr("edl40-sml-mismatch-energy", r, sml_values(r), total_energy=r[1].kwh - r[0].kwh + 1),
          signatures=reading_checks(r))
    r = edl40_session(p192, energy=20_003)
    v.cdr("edl40-sml-invalid-wrong-key", "CDR public_key is another P-192 key: the signatures fail", "invalid",
          {"format": "pass", "public_key": "pass", "signature": "fail"},
          cdr("edl40-sml-invalid-wrong-key", r, sml_values(r), key_text=other.b64))
    r = edl40_session(p192, energy=20_004)
    v.cdr("edl40-sml-invalid-wrong-curve-key",
          "CDR public_key is a 64-byte P-256 key for 50-byte (P-192) signatures: public_key fails", "invalid",
          {"format": "pass", "public_key": "fail", "signature": "skip"},
          cdr("edl40-sml-invalid-wrong-curve-key", r, sml_values(r), key_text=p256.b64))
    r = edl40_session(p192, energy=20_005)
    v.cdr("edl40-sml-unverifiable-no-key", "no public_key anywhere (telegrams carry none): unverifiable",
          "unverifiable", {"format": "pass", "public_key": "skip", "signature": "skip"},
          cdr("edl40-sml-unverifiable-no-key", r, sml_values(r), key_text=None))
    r = edl40_session(p192, energy=20_006, end={"pagination": 200})
    v.cdr("edl40-sml-invalid-pagination-backwards", "End telegram pagination 200 after 221: consistency fails",
          "invalid", {"signature": "pass", "consistency": "fail"},
          cdr("edl40-sml-invalid-pagination-backwards", r, sml_values(r)))
    r = edl40_session(p192, energy=20_007, end={"contract": b"\x04\xff\xff\xff\xff\xff\xff"})
    v.cdr("edl40-sml-invalid-contract-changes",
          "the signed contract id differs between begin and end (one customer per session): consistency fails",
          "invalid", with_checks(consistency="fail"),
          cdr("edl40-sml-invalid-contract-changes", r, sml_values(r)), signatures=reading_checks(r))
    r = edl40_session(p192, energy=20_010, end={"logbook": b"\x01\x11"})
    v.cdr("edl40-sml-invalid-logbook-changes",
          "the logbook bytes change between begin and end (the meter logged an event): consistency fails",
          "invalid", {"signature": "pass", "consistency": "fail"},
          cdr("edl40-sml-invalid-logbook-changes", r, sml_values(r)), signatures=reading_checks(r))
    r = edl40_session(p192, energy=20_008)
    v.cdr("edl40-sml-mismatch-meter-id", "CDR meter_id names another meter", "mismatch",
          with_checks(meter_id="fail"), cdr("edl40-sml-mismatch-meter-id", r, sml_values(r), meter_id="0901545354000099999999"[:20]))
    r = edl40_session(p192, energy=20_009)
    v.add("cdrs/edl40-sml-raw-telegram.txt", r[1].telegram().hex() + "\n",
          "a bare SML telegram as hex text (no CDR), key given with --key: the signature verifies, no pair",
          ["unverifiable"], {"format": "pass", "public_key": "pass", "signature": "pass", "pairing": "fail"},
          key_file="keys/p192-main.pub.hex", signatures=reading_checks(r[1:]))


def build_signature_only(v, keys):
    """Variant B: <signedMeterValue> XML with the prebuilt block."""
    p192, other, p256 = keys["p192-main"], keys["p192-other"], keys["p256-main"]

    def cdr(name, readings, values, **args):
        args.setdefault("meter_id", EDL40_METER.hex())
        # "EDL" is the OCPP 2.0 encodingMethod of this shape (the XML itself says <encodingMethod>EDL).
        return make_cdr(name, values, encoding_method="EDL", begin=readings[0].time,
                        end=readings[-1].time, kwh=readings[-1].kwh - readings[0].kwh, **args)

    def xml_values(readings, encode=lambda x: b64(x.encode()), **xml_args):
        return [{"nature": n, "plain_data": "", "signed_data": encode(r.signature_only_xml(**xml_args))}
                for r, n in zip(readings, ("Start", "End"))]

    r = edl40_session(p192, start_value=194_535_167, energy=310_727, begin=WINTER)
    v.cdr("edl40-sig-verified", "signature-only XML (base64 in signed_data), P-192 key embedded, no CDR key",
          "verified", with_checks(), cdr("edl40-sig-verified", r, xml_values(r)), signatures=reading_checks(r))
    r = edl40_session(p192, start_value=194_535_167, energy=310_727, begin=SUMMER, season_min=60)
    v.cdr("edl40-sig-verified-summer-time",
          "summer session: block times are local CEST; converted with Europe/Berlin they match the CDR (start/end pass)",
          "verified", with_checks(), cdr("edl40-sig-verified-summer-time", r, xml_values(r, encode=lambda x: x)),
          signatures=reading_checks(r))
    r = edl40_session(p256, server=EMOC_METER, emoc=True, status=0x8004_0204, start_value=2_119_660, energy=190,
                      logbook=b"\x00\x46")
    v.cdr("edl40-sig-verified-p256", "signature-only XML, P-256 (64-byte key, 66-byte signature, ECDSA256SHA256)",
          "verified", with_checks(), cdr("edl40-sig-verified-p256", r, xml_values(r), meter_id=EMOC_METER.hex()),
          signatures=reading_checks(r))
    r = edl40_session(p192, energy=31_000)
    block = bytearray(r[1].block)
    block[31] ^= 0x01
    values = xml_values(r)
    values[1]["signed_data"] = b64(r[1].signature_only_xml(block=bytes(block)).encode())
    v.cdr("edl40-sig-invalid-tampered", "End block: one bit of the meter value flipped after signing", "invalid",
          {"format": "pass", "public_key": "pass", "signature": "fail"}, cdr("edl40-sig-invalid-tampered", r, values))
    r = edl40_session(p192, energy=31_001)
    v.cdr("edl40-sig-mismatch-energy", "CDR total_energy 0.5 kWh lower than signed", "mismatch",
          with_checks(energy="fail"),
          cdr("edl40-sig-mismatch-energy", r, xml_values(r), total_energy=r[1].kwh - r[0].kwh - Decimal("0.5")),
          signatures=reading_checks(r))
    r = edl40_session(p192, energy=31_002)
    v.cdr("edl40-sig-invalid-cdr-key-differs", "CDR public_key differs from the key embedded in the XML", "invalid",
          {"format": "pass", "public_key": "fail"},
          cdr("edl40-sig-invalid-cdr-key-differs", r, xml_values(r), key_text=other.b64))
    r = edl40_session(p192, energy=31_003)
    values = xml_values(r)
    values[1]["signed_data"] = b64(r[1].signature_only_xml(block=r[1].block[:319]).encode())
    v.cdr("edl40-sig-invalid-block-319-bytes", "End block is 319 bytes: format fails", "invalid", {"format": "fail"},
          cdr("edl40-sig-invalid-block-319-bytes", r, values))


def build_mennekes(v, keys):
    """Variant C: Mennekes XML, one ChargingProcess in one signed value."""
    key = keys["p192-main"]

    def cdr(name, xml, values, encode=lambda x: x, **args):
        args.setdefault("meter_id", MENNEKES_METER.hex().upper())
        signed = [{"nature": "End", "plain_data": "", "signed_data": encode(xml)}]
        return make_cdr(name, signed, encoding_method="EDL40 Mennekes", begin=values[0][1], end=values[1][1],
                        kwh=(Decimal(values[1][0]) - Decimal(values[0][0])).scaleb(-4), **args)

    xml, values, checks = mennekes_session(key)
    v.cdr("mennekes-verified", "Mennekes <ChargingProcess> (start + end) as plain XML in one signed value", "verified",
          with_checks(), cdr("mennekes-verified", xml, values), signatures=checks)
    xml, values, checks = mennekes_session(key, start_value=700_000, energy=88_123, billing=True)
    v.cdr("mennekes-verified-billing", "Mennekes <Billing> document (namespaced), base64 in signed_data", "verified",
          with_checks(), cdr("mennekes-verified-billing", xml, values, encode=lambda x: b64(x.encode())),
          signatures=checks)
    xml, values, checks = mennekes_session(key, energy=2_000, tamper_end_value=519_116 + 2_500)
    values = [values[0], (519_116 + 2_000, values[1][1])]
    v.cdr("mennekes-invalid-tampered", "end <Value> raised by 50 Wh after signing: the end signature fails", "invalid",
          {"format": "pass", "public_key": "pass", "signature": "fail"}, cdr("mennekes-invalid-tampered", xml, values),
          signatures=checks)
    xml, values, checks = mennekes_session(key, energy=2_001)
    v.cdr("mennekes-mismatch-energy", "CDR total_energy 0.1 kWh higher than signed", "mismatch",
          with_checks(energy="fail"),
          cdr("mennekes-mismatch-energy", xml, values,
              total_energy=(Decimal(values[1][0]) - Decimal(values[0][0])).scaleb(-4) + Decimal("0.1")),
          signatures=checks)
    xml, values, checks = mennekes_session(key, energy=2_002, end_event_counter=9)
    v.cdr("mennekes-invalid-event-counter-changes",
          "EventCounter 8 at start, 9 at end (both signed): the meter logged an event during the session",
          "invalid", {"signature": "pass", "consistency": "fail"},
          cdr("mennekes-invalid-event-counter-changes", xml, values), signatures=checks)
    xml, values, checks = mennekes_session(key, energy=0, end_value=519_000)
    v.cdr("mennekes-invalid-value-decreasing", "end value below the start value (both signed): consistency fails",
          "invalid", {"signature": "pass", "consistency": "fail"},
          cdr("mennekes-invalid-value-decreasing", xml, values, total_energy=Decimal("0")), signatures=checks)


def build_emh(v, keys):
    """Variant D: EMH values in chargeIT JSON."""
    key = keys["p192-main"]

    def cdr(name, signed, values, **args):
        args.setdefault("meter_id", EMH_METER.hex().upper())
        args.setdefault("token_uid", "235DD5BB")
        return make_cdr(name, signed, encoding_method="EMHCrypt01", begin=values[0][1], end=values[1][1],
                        kwh=values[1][0] - values[0][0], **args)

    items, values, checks = emh_values(key)
    container = dumps(emh_container(items), indent=2)
    v.cdr("emh-verified", "chargeIT JSON with begin and end value in one signed value (order gives begin/end)",
          "verified", with_checks(),
          cdr("emh-verified", [{"nature": "End", "plain_data": "", "signed_data": container}], values),
          signatures=checks)
    items, values, checks = emh_values(key, start_value=200_000, energy=12_000)
    signed = [{"nature": n, "plain_data": "", "signed_data": b64(dumps(emh_container([item])).encode())}
              for item, n in zip(items, ("Start", "End"))]
    v.cdr("emh-verified-two-values", "two chargeIT containers (base64), one value each, natures Start and End",
          "verified", with_checks(), cdr("emh-verified-two-values", signed, values), signatures=checks)
    items, values, checks = emh_values(key, energy=1_000, tamper_end_value=110_281 + 1_500)
    v.cdr("emh-invalid-tampered", "end measuredValue.value raised after signing: the end signature fails", "invalid",
          {"format": "pass", "public_key": "pass", "signature": "fail"},
          cdr("emh-invalid-tampered",
              [{"nature": "End", "plain_data": "", "signed_data": dumps(emh_container(items))}], values),
          signatures=checks)
    items, values, checks = emh_values(key, energy=1_001)
    v.cdr("emh-mismatch-energy", "CDR total_energy 0.01 kWh lower than signed", "mismatch", with_checks(energy="fail"),
          cdr("emh-mismatch-energy", [{"nature": "End", "plain_data": "", "signed_data": dumps(emh_container(items))}],
              values, total_energy=values[1][0] - values[0][0] - Decimal("0.01")), signatures=checks)
    items, values, checks = emh_values(key, energy=1_002, hex_contract=True)
    v.cdr("emh-invalid-contract-hex-decoded",
          "signed over the hex-decoded contract id: EMHCrypt01 hashes contract.id as ASCII text, so both fail",
          "invalid", {"format": "pass", "signature": "fail"},
          cdr("emh-invalid-contract-hex-decoded",
              [{"nature": "End", "plain_data": "", "signed_data": dumps(emh_container(items))}], values),
          signatures=checks)


def build_isa(v, keys):
    """Variant E: ISA EDL40P telegrams."""
    key, other = keys["p256-main"], keys["p256-other"]

    def cdr(name, start, stop, values, **args):
        args.setdefault("meter_id", ISA_METER.hex())
        args.setdefault("key_text", key.b64)
        return make_cdr(name, values, encoding_method="ISA EDL40P", begin=start.start_utc, end=stop.actual_utc,
                        kwh=Decimal(stop.actual_value - stop.start_value).scaleb(-4), **args)

    def sigs(*telegrams):
        return [(t.block, t.rs, t.tampered) for t in telegrams]

    start, stop = isa_session(key)
    values = signed_values(start.telegram.hex(), stop.telegram.hex())
    v.cdr("isa-verified", "ISA EDL40P START and STOP telegrams (hex), P-256 key in public_key", "verified",
          with_checks(), cdr("isa-verified", start, stop, values), signatures=sigs(start, stop))
    start, stop = isa_session(key, start_value=300_000_000, energy=99_999)
    values = signed_values(b64(stop.telegram), natures=("End",))
    v.cdr("isa-verified-stop-only", "a STOP telegram alone carries start and actual register", "verified",
          with_checks(), cdr("isa-verified-stop-only", start, stop, values), signatures=sigs(stop))
    start, stop = isa_session(key, energy=50_000, stop_overrides={"tamper_actual": 256_959_316 + 60_000})
    values = signed_values(b64(start.telegram), b64(stop.telegram))
    v.cdr("isa-invalid-tampered", "STOP telegram: actual register raised after signing (CRCs recomputed)", "invalid",
          {"format": "pass", "public_key": "pass", "signature": "fail"}, cdr("isa-invalid-tampered", start, stop, values),
          signatures=sigs(start, stop))
    start, stop = isa_session(key, energy=50_001)
    values = signed_values(b64(start.telegram), b64(stop.telegram))
    v.cdr("isa-mismatch-energy", "CDR total_energy 2 kWh lower than signed", "mismatch", with_checks(energy="fail"),
          cdr("isa-mismatch-energy", start, stop, values,
              total_energy=Decimal(50_001).scaleb(-4) - 2), signatures=sigs(start, stop))
    start, stop = isa_session(key, energy=50_002)
    broken = bytearray(stop.telegram)
    broken[200] ^= 0x01
    values = signed_values(b64(start.telegram), b64(bytes(broken)))
    v.cdr("isa-invalid-crc", "STOP telegram: one byte flipped without fixing the CRCs: format fails", "invalid",
          {"format": "fail"}, cdr("isa-invalid-crc", start, stop, values))
    start, stop = isa_session(key, energy=50_003, stop_overrides={"start_value": 256_959_000})
    values = signed_values(b64(start.telegram), b64(stop.telegram))
    v.cdr("isa-invalid-start-register-changes",
          "the STOP telegram's signed start register differs from the START telegram's", "invalid",
          {"signature": "pass", "consistency": "fail"}, cdr("isa-invalid-start-register-changes", start, stop, values),
          signatures=sigs(start, stop))
    start, stop = isa_session(key, energy=50_004)
    values = signed_values(b64(start.telegram), b64(stop.telegram), natures=("End", "End"))
    v.cdr("isa-invalid-nature-mismatch", "a START telegram sent with nature End (the list name is signed)", "invalid",
          {"signature": "pass", "consistency": "fail"}, cdr("isa-invalid-nature-mismatch", start, stop, values),
          signatures=sigs(start, stop))
    start, stop = isa_session(key, energy=50_005)
    values = signed_values(b64(start.telegram), b64(stop.telegram))
    v.cdr("isa-invalid-wrong-key", "CDR public_key is another P-256 key: the signatures fail", "invalid",
          {"format": "pass", "public_key": "pass", "signature": "fail"},
          cdr("isa-invalid-wrong-key", start, stop, values, key_text=other.b64))


# --------------------------------------------------------------------------------------------
# self-check
# --------------------------------------------------------------------------------------------

def check_signatures(vectors, keys):
    """Every genuine block verifies with openssl; every tampered one does not."""
    problems = []
    by_size = {24: keys["p192-main"], 32: keys["p256-main"]}
    for name, _content, _key_file, _description, _expect, signatures in vectors.items:
        for block, rs, tampered in signatures:
            if len(block) != 320:
                problems.append("%s: a block of %d bytes" % (name, len(block)))
            ok = by_size[len(rs) // 2].verifies(rs, block)
            if ok == tampered:
                problems.append("%s: openssl says %s for a %s block" % (
                    name, "valid" if ok else "invalid", "tampered" if tampered else "genuine"))
    return problems


KEYS_README = """# Test keys — NOT SECRET

Every key in this folder was generated by `Scripts/generate_edl40_vectors.py` with `openssl genpkey` for
the self-generated EDL40-family test vectors only. The private keys (`*.pem` without `.pub`) are
committed on purpose: they are **test keys**, protect nothing, and are replaced on every run of the
script.

* `p192-main.*` — P-192 (prime192v1): signs the EDL40 SML, signature-only, Mennekes and EMH vectors
* `p192-other.*` — a second P-192 key: the wrong key
* `p256-main.*` — P-256 (prime256v1): signs the EMOC and ISA EDL40P vectors
* `p256-other.*` — a second P-256 key: the wrong key
* `.pub.hex` — the raw X||Y point as hex (the form EDL40 keys travel in); `.pub.b64` — the same as
  base64 (as in an OCPI `public_key`); `.pub.pem` — PEM SubjectPublicKeyInfo
"""

SOURCES = """# Generated EDL40-family vectors

Self-generated by `Scripts/generate_edl40_vectors.py` (python3 standard library + the `openssl` CLI).
Nothing here comes from a real meter: telegrams, blocks and containers follow the layouts of
docs/formats/sml-edl40.md with invented server ids (FLAG code `TST`), keys are fresh test keys (see
`keys/README.md`), every signature is made by `openssl dgst -sha256 -sign` and converted from DER to the
raw r||s the EDL40 family carries, and every SML file and message carries a correct CRC-16/X-25 unless
a vector says otherwise. Re-running the script regenerates keys, signatures and files.

Variants: A `edl40-sml-*` SML telegrams (EDL40, EMH EMOC P-256), B `edl40-sig-*` signature-only
`<signedMeterValue>` XML, C `mennekes-*` Mennekes XML, D `emh-*` EMH values in chargeIT JSON,
E `isa-*` ISA EDL40P telegrams.

`manifest.json` has the shape of `Vectors/generated-ocmf/manifest.json`: one object per file with `file`,
`key_file` (the trusted key to pass as `--key`, or null), `description`, and `expect` = `verdicts`
(one per CDR / unit) and `checks` (the check statuses the vector is about).

The script's self-check re-verifies every signed block with `openssl dgst -sha256 -verify` (tampered
ones must fail) and re-reads every written file.
"""


# The vectors and keys of this run, for the self-check (empty with --check-only).
GENERATED = {}


def generate():
    if OUT_DIR.exists():
        shutil.rmtree(OUT_DIR)
    keydir = OUT_DIR / "keys"
    (OUT_DIR / "cdrs").mkdir(parents=True)
    keys = {name: Key(name, curve, keydir) for name, curve in (
        ("p192-main", "prime192v1"), ("p192-other", "prime192v1"),
        ("p256-main", "prime256v1"), ("p256-other", "prime256v1"))}
    (keydir / "README.md").write_text(KEYS_README)
    (OUT_DIR / "SOURCES.md").write_text(SOURCES)

    vectors = Vectors()
    build_sml(vectors, keys)
    build_signature_only(vectors, keys)
    build_mennekes(vectors, keys)
    build_emh(vectors, keys)
    build_isa(vectors, keys)
    for name, content, _key_file, _description, _expect, _signatures in vectors.items:
        (OUT_DIR / name).write_text(content)
    write_manifest(OUT_DIR, [{"file": name, "key_file": key_file, "description": description, "expect": expect}
                             for name, _content, key_file, description, expect, _signatures in vectors.items],
                   indent=2)
    GENERATED.update(vectors=vectors, keys=keys)


def self_check(check_cli):
    problems = check_signatures(GENERATED["vectors"], GENERATED["keys"]) if GENERATED else []
    for p in problems:
        print("self-check:", p)
    return len(problems) + check_signed_and_manifest(OUT_DIR, [], CLI if check_cli else None)


if __name__ == "__main__":
    generator_main(__doc__, generate, self_check)
