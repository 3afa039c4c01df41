#!/usr/bin/env python3
"""Checks driver receipts in a real browser (headless Chromium).

For every bundled example (Examples/*.json) and one CDR vector per meter format, in German and in
English, this script
  1. writes the HTML receipt with `eichrecht receipt`,
  2. loads it in headless Chromium with every host name mapped to NOTFOUND and a network log
     (--log-net-log), reads the rendered DOM (--dump-dom) and asserts that the verdict sentence,
     the energy, the EVSE id and the start time appear as a driver reads them,
  3. asserts from the network log that the page started no URL request (Chromium's own background
     requests, initiated by no page, are told apart) and from Chromium's console log that the Content-Security-Policy blocked nothing,
  4. takes a PNG screenshot (--screenshot) and prints a PDF (--print-to-pdf).

A control page that loads an image from the network must be caught by the same network check, so a
check that could never fail fails the script.

The expected texts are computed here, independently of the Swift code: times with Python's
zoneinfo, energies from the CDR and the JSON report of `eichrecht verify`.

Usage: Scripts/receipt_browser_test.py [--binary .build/debug/eichrecht] [--out DIR] [--docs]
  --docs  also copies the German and English screenshots of Examples/cdr-ocmf.json to Docs/.
Exit status 0 when every receipt passes, 1 otherwise, 77 when no Chromium is installed.
"""

import argparse
import datetime
import glob
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zoneinfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# One CDR per meter format, and one the verifier cannot check.
VECTORS = [
    "Vectors/generated-ocpp-safe-pcdf-bsm/cdrs/ocmf-cdr.json",
    "Vectors/generated-alfen/cdrs/alfen-verified-hex.json",
    "Vectors/generated-edl40/cdrs/edl40-sml-verified.json",
    "Vectors/generated-edl40/cdrs/mennekes-verified.json",
    "Vectors/generated-ocpp-safe-pcdf-bsm/cdrs/bsm-cdr.json",
    "Vectors/generated-ocpp-safe-pcdf-bsm/cdrs/pcdf-cdr.json",
    "Vectors/generated-alfen/cdrs/alfen-unverifiable-missing-end.json",
]

# The verdict sentences as the receipt must state them.
SENTENCES = {
    "de": {
        "verified": "Die vom Zähler signierten Messwerte sind echt und stimmen mit Ihrer Abrechnung überein.",
        "mismatch": "Die vom Zähler signierten Messwerte sind echt, aber Ihre Abrechnung stimmt nicht mit ihnen überein.",
        "invalid": "Die Messwerte dieses Belegs sind nicht echt oder wurden verändert: Die Signatur des Zählers passt nicht zu ihnen.",
        "unverifiable": "Die Messwerte dieses Ladevorgangs konnten nicht geprüft werden: Die signierten Daten oder der Schlüssel des Zählers fehlen oder sind nicht lesbar.",
    },
    "en": {
        "verified": "The meter readings signed by the meter are genuine and match your bill.",
        "mismatch": "The meter readings signed by the meter are genuine, but your bill does not match them.",
        "invalid": "The meter readings in this receipt are not genuine or were altered: the meter's signature does not fit them.",
        "unverifiable": "The meter readings of this session could not be checked: the signed data or the meter's key is missing or unreadable.",
    },
}

MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
ZONE = zoneinfo.ZoneInfo("Europe/Berlin")


def local_time(text, lang):
    """An RFC 3339 time as the receipt writes it in Europe/Berlin."""
    instant = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=datetime.timezone.utc)
    t = instant.astimezone(ZONE)
    if lang == "de":
        return f"{t.day:02d}.{t.month:02d}.{t.year}, {t.hour:02d}:{t.minute:02d} Uhr"
    hour = t.hour % 12 or 12
    return f"{t.day} {MONTHS[t.month - 1]} {t.year}, {hour}:{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


def kwh(text, lang):
    return (text.replace(".", ",") if lang == "de" else text) + " kWh"


def chromium_path():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, executable, profile):
        self.executable = executable
        self.profile = profile

    def run(self, url, *extra, timeout=120):
        arguments = [
            self.executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--hide-scrollbars",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-default-apps",
            "--mute-audio",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            f"--user-data-dir={self.profile}",
            *extra,
            url,
        ]
        return subprocess.run(arguments, capture_output=True, text=True, timeout=timeout)


def network_requests(log_path):
    """The requests the page made, from a Chromium net log: every URL request whose initiator is
    the page (a file: document: initiator `null` or `file://`, network isolation key `file://`) for
    a URL other than file:. Chromium's own background requests (time, updates, accounts; initiator
    `not an origin`) are no request of the page; the host resolver rule fails them all the same.
    An empty list means the page requested nothing."""
    with open(log_path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    try:
        log = json.loads(text)
    except json.JSONDecodeError:
        # A log cut short at exit: close the event list.
        log = json.loads(text.rstrip().rstrip(",") + "]}")
    names = {value: name for name, value in log.get("constants", {}).get("logEventTypes", {}).items()}
    found = []
    for event in log.get("events", []):
        if names.get(event.get("type")) != "URL_REQUEST_START_JOB":
            continue
        params = event.get("params") or {}
        url = params.get("url")
        if not isinstance(url, str) or url.startswith(("file:", "data:", "about:")):
            continue
        initiator = params.get("initiator", "")
        from_page = initiator in ("null", "file://") or "file://" in params.get("network_isolation_key", "")
        if from_page:
            found.append(url)
    return found


def dom_text(dom):
    """The text a reader sees: without style and script elements and tags, entities decoded,
    whitespace collapsed."""
    dom = re.sub(r"<(style|script)\b.*?</\1>", " ", dom, flags=re.S | re.I)
    dom = re.sub(r"<[^>]+>", " ", dom)
    return re.sub(r"\s+", " ", html.unescape(dom))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/eichrecht"))
    parser.add_argument("--out", default=None, help="folder for receipts, screenshots and PDFs")
    parser.add_argument("--docs", action="store_true", help="copy the example's screenshots to Docs/")
    args = parser.parse_args()

    browser_path = chromium_path()
    if browser_path is None:
        print("no chromium installed: skipped")
        return 77
    if not os.access(args.binary, os.X_OK):
        subprocess.run(["swift", "build", "--product", "eichrecht"], cwd=ROOT, check=True)
    out = args.out or tempfile.mkdtemp(prefix="receipts-")
    os.makedirs(out, exist_ok=True)
    profile = tempfile.mkdtemp(prefix="receipt-chromium-")
    browser = Browser(browser_path, profile)
    failures = []

    # The control: a page that fetches an image must show up in the network log.
    control = os.path.join(out, "control-network.html")
    with open(control, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html><html lang="en"><body><img src="http://receipt-control.invalid/x.png" alt="x">'
                "</body></html>")
    control_log = os.path.join(out, "control-network.netlog.json")
    browser.run("file://" + control, f"--log-net-log={control_log}", "--dump-dom")
    if not any("receipt-control.invalid" in entry for entry in network_requests(control_log)):
        failures.append("control: the network log did not show the control page's request; the check is blind")

    inputs = sorted(glob.glob(os.path.join(ROOT, "Examples", "*.json"))) + [os.path.join(ROOT, v) for v in VECTORS]
    checked = 0
    for path in inputs:
        name = os.path.splitext(os.path.basename(path))[0]
        with open(path, encoding="utf-8") as f:
            cdr = json.load(f)
        verify = subprocess.run([args.binary, "verify", "--format", "json", path], capture_output=True, text=True)
        report = json.loads(verify.stdout.splitlines()[0])
        verdict = report["verdict"]
        signed_energy = (report.get("session") or {}).get("energy_kwh")
        energy = signed_energy or (str(cdr["total_energy"]) if "total_energy" in cdr else None)
        evse = (cdr.get("cdr_location") or {}).get("evse_id") or (
            ((report.get("session") or {}).get("charge_point") or {}).get("id"))
        start = cdr.get("start_date_time")
        for lang in ("de", "en"):
            label = f"{name} ({lang})"
            page = os.path.join(out, f"{name}-{lang}.html")
            made = subprocess.run(
                [args.binary, "receipt", path, "--lang", lang, "--format", "html", "--output", page],
                capture_output=True, text=True)
            if made.returncode not in (0, 1) or not os.path.exists(page):
                failures.append(f"{label}: eichrecht receipt exited {made.returncode}: {made.stderr.strip()}")
                continue
            url = "file://" + page
            net_log = os.path.join(out, f"{name}-{lang}.netlog.json")
            dom = browser.run(url, "--dump-dom", f"--log-net-log={net_log}", "--enable-logging=stderr", "--v=0")
            text = dom_text(dom.stdout)
            expected = {"verdict sentence": SENTENCES[lang][verdict]}
            if energy:
                expected["energy"] = kwh(energy, lang)
            if evse:
                expected["EVSE id"] = evse
            if start:
                expected["start time"] = local_time(start, lang)
            for what, value in expected.items():
                if value not in text:
                    failures.append(f"{label}: the {what} {value!r} is not on the page")
            if f'lang="{lang}"' not in dom.stdout:
                failures.append(f"{label}: the document does not declare lang={lang}")
            requests = network_requests(net_log)
            if requests:
                failures.append(f"{label}: the page made network requests: {requests[:5]}")
            blocked = [line for line in dom.stderr.splitlines() if "Content Security Policy" in line or "Refused to" in line]
            if blocked:
                failures.append(f"{label}: the Content-Security-Policy blocked something: {blocked[:3]}")

            png = os.path.join(out, f"{name}-{lang}.png")
            browser.run(url, f"--screenshot={png}", "--window-size=1000,1700")
            if not os.path.exists(png) or os.path.getsize(png) < 10_000:
                failures.append(f"{label}: no screenshot")
            pdf = os.path.join(out, f"{name}-{lang}.pdf")
            browser.run(url, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
            with open(pdf, "rb") if os.path.exists(pdf) else open(os.devnull, "rb") as f:
                if f.read(5) != b"%PDF-":
                    failures.append(f"{label}: no PDF")
            if name == "cdr-ocmf":
                phone = os.path.join(out, f"{name}-{lang}-phone.png")
                browser.run(url, f"--screenshot={phone}", "--window-size=390,1900")
                if args.docs:
                    shutil.copyfile(png, os.path.join(ROOT, "Docs", f"receipt-{lang}.png"))
                    shutil.copyfile(phone, os.path.join(ROOT, "Docs", f"receipt-{lang}-phone.png"))
            checked += 1
            print(f"ok   {label}: {verdict}" if not [x for x in failures if x.startswith(label)] else f"FAIL {label}")

    shutil.rmtree(profile, ignore_errors=True)
    for failure in failures:
        print("FAIL", failure)
    print(f"{checked} receipts rendered in {out}")
    print(f"{checked - len({f.split(':')[0] for f in failures if not f.startswith('control')})} passed, "
          f"{len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
