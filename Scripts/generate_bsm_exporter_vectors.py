#!/usr/bin/env python3
"""Generate self-made BAUER BSM-WS36A containers in the shape BAUER's exporter writes them:

* a string data point whose value is empty has no "value" member at all (the meter signed an empty
  string; the signature verifies only over the empty string);
* some exporter versions write the `contract` object without `type` (then `contract.id` is compared
  with the signed Meta1 contract-id directly).

Each positive vector has negative twins that must still fail: a wrong unsigned `value` or
`contract.id` (consistency), and an omitted value where the meter signed a non-empty string
(signature).

Usage:
    Scripts/generate_bsm_exporter_vectors.py              # (re)generate Vectors/generated-bsm-exporter/
    Scripts/generate_bsm_exporter_vectors.py --check-only # only re-run the self-check
    Scripts/generate_bsm_exporter_vectors.py --check-cli  # also run .build/debug/eichrecht on every vector

Standard library only. Keys and signatures come from the `openssl` CLI (`openssl genpkey`
prime256v1, `openssl dgst -sha256 -sign`); the data points and the signed message are built by the
helpers of Scripts/generate_ocpp_safe_pcdf_bsm_vectors.py (docs/formats/bsm-ws36a.md of the shared corpus).
"""

import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate_ocpp_safe_pcdf_bsm_vectors as formats  # noqa: E402
from vectorlib import CLI, ROOT, dumps, fresh_out_dir, signed_vectors_main, VectorManifest  # noqa: E402

OUT = ROOT / "Vectors" / "generated-bsm-exporter"

MANIFEST = VectorManifest(OUT)
add = MANIFEST.add


def exporter_snapshot(key, label, typ, rcr, counter, epoch, meta3="", signed_meta3=None, contract_type=None,
                      contract_id="c0ffee42"):
    """One snapshot as the exporter writes it. `meta3` is what the JSON shows (empty: no "value"
    member); `signed_meta3` is what the meter signed, when it differs (the negative twin)."""
    points = [
        formats.bsm_point("Typ", typ), formats.bsm_point("RCR", rcr, "WATT_HOUR", obis="1-0:1.8.0*198"),
        formats.bsm_point("TotWhImp", 250000 + rcr, "WATT_HOUR", obis="1-0:1.8.0*255"),
        formats.bsm_point("W", 1100, "WATT", 1, True, obis="1-0:1.7.0*255"),
        formats.bsm_point("MA1", formats.BSM_METER, obis="1-0:0.0.0*255"),
        formats.bsm_point("RCnt", counter), formats.bsm_point("OS", 900000 + epoch - 1772355600, "SECOND"),
        formats.bsm_point("Epoch", epoch, "SECOND"), formats.bsm_point("TZO", 60, "MIN", signed_type=True),
        formats.bsm_point("EpochSetCnt", 12), formats.bsm_point("EpochSetOS", 899000, "SECOND"), formats.bsm_point("DI", 1),
        formats.bsm_point("DO", 0), formats.bsm_point("Meta1", "contract-id: rfid:c0ffee42"),
        formats.bsm_point("Meta2", "evse-id: " + formats.BSM_EVSE),
        formats.bsm_point("Meta3", signed_meta3 if signed_meta3 is not None else meta3), formats.bsm_point("Evt", 0),
    ]
    must_verify = signed_meta3 is None or signed_meta3 == meta3
    sig = formats.signed(key, formats.bsm_message(points), label)
    if not must_verify:
        points[15]["measuredValue"]["value"] = meta3
        formats.SIGNED.append((label + " (as exported)", key.pub_pem, sig, formats.bsm_message(points), False))
    # The exporter leaves out "value" of every empty string point.
    for point in points:
        mv = point["measuredValue"]
        if mv.get("valueType") == "String" and mv.get("value") == "":
            del mv["value"]
    local = datetime.fromtimestamp(epoch, timezone(timedelta(hours=1)))
    contract = {"id": contract_id}
    if contract_type:
        contract["type"] = contract_type
    return {
        "@context": "https://www.chargeit-mobility.com/contexts/bsm-ws36a-json-v1",
        "@id": "%s-%d" % (formats.BSM_METER, counter),
        "time": local.strftime("%Y-%m-%dT%H:%M:%S+01:00"),
        "meterInfo": {"meterId": formats.BSM_METER, "publicKey": key.spki.hex(), "firmwareVersion": "1.9:32CA:AFF4",
                      "type": "BSM-WS36A-H01-1311-0000", "manufacturer": "BAUER Electronic"},
        "contract": contract,
        "measurementId": counter,
        "value": {"measurand": {"name": "RCR", "id": "1-0:1.8.0*198"},
                  "measuredValue": dict(points[1]["measuredValue"])},
        "additionalValues": points,
        "signature": sig.hex(),
    }


def session(key, label, **kwargs):
    end_kwargs = kwargs.pop("end", {})
    begin = exporter_snapshot(key, label + " begin", 3, 0, 810, formats.BSM_EPOCH, **kwargs)
    end = exporter_snapshot(key, label + " end", 4, 23456, 811, formats.BSM_EPOCH + 3000, **dict(kwargs, **end_kwargs))
    return {"placeInfo": {"evseId": formats.BSM_EVSE}, "signedMeterValues": [begin, end]}


def generate():
    keydir = fresh_out_dir(OUT)
    main = formats.Key("bsm-exporter", keydir)
    (keydir / "README.md").write_text(
        "# Test key\n\nA P-256 **test key** made by `Scripts/generate_bsm_exporter_vectors.py` with `openssl genpkey`;\n"
        "the private key is published on purpose and protects nothing.\n")
    ok = {"format": "pass", "public_key": "pass", "signature": "pass", "consistency": "pass", "pairing": "pass"}

    add("bsm/exporter-empty-string-omitted.json", dumps(session(main, "omitted", contract_type="rfid"), indent=1),
        "Meta3 is empty: the exporter writes no \"value\"; the meter signed the empty string", ["verified"], ok)
    add("bsm/exporter-contract-without-type.json", dumps(session(main, "no type", meta3="csc-sw-version: v5.1"),
                                                          indent=1),
        "contract has no type: contract.id \"c0ffee42\" is compared with the signed contract-id", ["verified"], ok)
    add("bsm/exporter-contract-id-with-type-prefix.json",
        dumps(session(main, "typed id", meta3="csc-sw-version: v5.1", contract_id="rfid:c0ffee42"), indent=1),
        "contract has no type and its id is the whole signed contract-id \"rfid:c0ffee42\"", ["verified"], ok)
    add("bsm/exporter-both.json", dumps(session(main, "both"), indent=1),
        "both quirks: Meta3 without value and contract without type", ["verified"], ok)

    # Negative twins.
    wrong_value = session(main, "wrong value")
    wrong_value["signedMeterValues"][1]["value"]["measuredValue"]["value"] = 99999
    add("bsm/exporter-both-wrong-value.json", dumps(wrong_value, indent=1),
        "both quirks, but the unsigned value of the end snapshot is not the signed RCR", ["invalid"],
        {"signature": "pass", "consistency": "fail"})
    add("bsm/exporter-contract-without-type-wrong-id.json",
        dumps(session(main, "wrong id", end={"contract_id": "deadbeef"}), indent=1),
        "contract without type whose id differs from the signed Meta1", ["invalid"],
        {"signature": "pass", "consistency": "fail"})
    add("bsm/exporter-omitted-but-signed-text.json",
        dumps(session(main, "signed text", signed_meta3="csc-sw-version: v5.1"), indent=1),
        "Meta3 has no value in the JSON, but the meter signed a non-empty Meta3: the signature fails", ["invalid"],
        {"signature": "fail"})

    MANIFEST.write(
        "# Generated vectors: BAUER BSM-WS36A exporter output\n\nSelf-generated by "
        "`Scripts/generate_bsm_exporter_vectors.py` (python3 standard library + the `openssl` CLI). Nothing here "
        "comes from a real meter: the containers imitate what BAUER's exporter writes (no `value` for an empty "
        "string point, `contract` without `type`). The key is a fresh test key; every signature is made by "
        "`openssl dgst -sha256 -sign`. `manifest.json` has the shape of `Vectors/generated-ocmf/manifest.json`.\n")


if __name__ == "__main__":
    signed_vectors_main(__doc__, OUT, generate, formats.SIGNED, CLI)
