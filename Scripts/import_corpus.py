#!/usr/bin/env python3
"""Import the licence-compatible part of the shared Eichrecht test-vector corpus.

Usage (from anywhere):

    python3 Scripts/import_corpus.py [VECTORS_DIR] [--check]

VECTORS_DIR defaults to ``../shared/vectors`` relative to the repository root
(the directory that holds ``Package.swift``).  The result is written to
``Vectors/corpus/`` (rebuilt from scratch on every run, so the output is a pure
function of the source corpus).  ``--check`` builds into a temporary directory
and only compares it with the existing ``Vectors/corpus/`` (exit 1 on any
difference); nothing is written.

What is imported (see the corpus README §5 "Licence note"):

* every unit (line) of ``conformance.jsonl`` whose ``licence`` is on the
  allow-list below AND whose input file and key file are, by their path in the
  source corpus, from a non-AGPL source with the same licence;
* the unit's ``input`` and ``key`` files, copied byte for byte to the same
  relative path (``vectors/X`` -> ``Vectors/corpus/X``), verified by SHA-256;
* ``conformance.jsonl`` with the allowed lines, verbatim, in the original order;
* the folders' ``manifest.json`` filtered to the copied files (same JSON
  serialisation as the original);
* ``SOURCES.md`` (per-file attribution + the relevant rows of the source
  folders' SOURCES.md), ``LICENSES.md``, ``SHA256SUMS`` and, when available on
  the system, the Apache License 2.0 text.

Nothing from an AGPL-3.0 source (OpenChargingCloud/ChargyCore.TS,
OpenChargingCloud/ChargyDesktopApp) is ever copied.  The EDL40 ``safe-edl-40-0*``
telegrams and the ISA EDL40P telegrams are cited from ChargyDesktopApp by the
source corpus but exist byte-identically in the Apache-2.0
SAFE-eV/transparenzsoftware test resources; they are only imported after this
script has checked that their content (telegram hex and public key) is
contained in the TPS file, and they are attributed to TPS.

Python 3 standard library only.
"""

from __future__ import annotations

import argparse
import collections
import filecmp
import hashlib
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

# --------------------------------------------------------------------------------------------
# Policy
# --------------------------------------------------------------------------------------------

ALLOWED_LICENCES = (
    "Apache-2.0",
    "MIT",
    "MIT OR Apache-2.0",
    "CC-BY-ND-4.0",
    "none stated (OCMF 1.0 document)",
)
# Licences under which files must stay byte-identical (no derivatives).
NO_DERIVATIVES = ("CC-BY-ND-4.0", "none stated (OCMF 1.0 document)")

AGPL_REPOS = ("OpenChargingCloud/ChargyCore.TS", "OpenChargingCloud/ChargyDesktopApp")

# Licence of a source-corpus file by its path (relative to vectors/; for files under
# conformance/<folder>/ the rule is applied to "<folder>/<name>").  First match wins; the
# AGPL rules come first.  A path that matches no rule is refused.
PATH_RULES = [
    (r"^chargy/", "AGPL-3.0"),
    (r"^bsm-ws36a/", "AGPL-3.0"),
    (r"^emh-chargeit/", "AGPL-3.0"),
    (r"^(alfen|edl40-sml|mennekes)/chargy-", "AGPL-3.0"),
    (r"^ocpi-derived/edl40-", "AGPL-3.0"),
    (r"^alfen/safe-", "Apache-2.0"),
    (r"^alfen/evbox-", "MIT"),
    (r"^edl40-payload/(safe|oicp)-", "Apache-2.0"),
    (r"^edl40-sml/safe-", "Apache-2.0"),  # safe-edl-40-0*: via the TPS copy (checked)
    (r"^isa-edl40/isa-edl-40p-", "Apache-2.0"),  # via the TPS copy (checked)
    (r"^mennekes/safe-", "Apache-2.0"),
    (r"^ocmf-spec/spec-1\.0-", "none stated (OCMF 1.0 document)"),
    (r"^ocmf-spec/spec-", "CC-BY-ND-4.0"),
    (r"^ocmf-spec/ts-", "Apache-2.0"),
    (r"^ocmf-spec/pyocmf-", "MIT"),
    (r"^pyocmf/", "MIT"),
    (r"^road-labs/", "MIT"),
    (r"^hupe1980-ocmf/", "MIT OR Apache-2.0"),
    (r"^ocpi-derived/alfen-", "MIT"),
    (r"^transparenzsoftware/", "Apache-2.0"),
    (r"^safe-transparenzsoftware/", "Apache-2.0"),
]

TPS = "SAFE-eV/transparenzsoftware"
COMMITS = {  # full commits, from vectors/README.md §1
    "SAFE-eV/transparenzsoftware": "d556f1ace68043682862b9403b7fff25f1df93a6",
    "SAFE-eV/OCMF-Open-Charge-Metering-Format": "76278696a0f9c98a68c9e3109e09ad4ecb83ac6b",
    "OpenChargingCloud/ChargyCore.TS": "afbd644d0ebd7b7f4be8a0b30165a797fb990104",
    "OpenChargingCloud/ChargyDesktopApp": "98f0404f0fb348b1b50ca7d315e521e61c665307",
    "OpenChargingCloud/WWCP_OICP": "5e8a2e99083d0d713af0e35885c4d1242cdbed62",
    "evbox/station-simulator": "0a42f90c0772735ea3b926a8bddff5012bc31a0a",
    "paul-ww/pyocmf": "15bfc7a5a474e63f68c9a2402de409863c933025",
    "road-labs/ocmf-js": "7a89d896904405ab9f282e24bebec75bad68bd25",
    "hupe1980/ocmf": "55feb2ba9a4df531451963c09058d828eff1d127",
}

# Licence and copyright notice per source repository.  The shared docs give the S.A.F.E.
# notice for the TPS resources; for the others they name no holder, so the repository owner
# is named, with the line found in the upstream LICENSE / file header where one was seen
# (at a different commit than the pinned one, as marked).
REPO_INFO = {
    "SAFE-eV/transparenzsoftware": (
        "Apache-2.0",
        "© S.A.F.E. e.V. — Apache License 2.0",
    ),
    "SAFE-eV/OCMF-Open-Charge-Metering-Format": (
        "CC-BY-ND-4.0 (spec 1.0 document: no licence statement)",
        "OCMF specification examples; copyright holder not stated in the shared docs, repository "
        "owner SAFE-eV (S.A.F.E. e.V.) — CC BY-ND 4.0 (spec 1.1 and later); the OCMF 1.0 document "
        "carries no licence statement",
    ),
    "OpenChargingCloud/WWCP_OICP": (
        "Apache-2.0",
        "repository owner OpenChargingCloud (the shared docs state no copyright line; the header "
        "of ChargeDetailRecordTests.cs in another stored version, commit "
        "2d880a754ce321031b045274ab30255b1143b4fc, reads \"Copyright (c) 2014-2023 GraphDefined "
        "GmbH\") — Apache License 2.0",
    ),
    "evbox/station-simulator": (
        "MIT",
        "repository owner evbox (EVBox); upstream LICENSE (seen at commit "
        "4d5faae70359377ffdbe324ea14616653b47d7ee) reads \"Copyright (c) 2019 EVBox\" — MIT License",
    ),
    "paul-ww/pyocmf": (
        "MIT",
        "repository owner paul-ww; upstream LICENSE (seen at commit "
        "16b1dd5eddd1529a9b430f24f465067466583bfb) reads \"Copyright (c) 2025 Paul Wullenweber\" "
        "— MIT License",
    ),
    "road-labs/ocmf-js": (
        "MIT",
        "repository owner road-labs; upstream LICENSE (seen at commit "
        "178d7964ff115a06a2fbb9397c31b4db0c90bf84) reads \"Copyright (c) 2025 - 2026 Road B.V.\" "
        "— MIT License",
    ),
    "hupe1980/ocmf": (
        "MIT OR Apache-2.0",
        "repository owner hupe1980 (no LICENSE file or copyright line seen; the workspace "
        "Cargo.toml declares MIT OR Apache-2.0)",
    ),
}

# Folders whose manifest.json is an array of {"file": ...} objects.
MANIFEST_FOLDERS = ("alfen", "edl40-payload", "edl40-sml", "isa-edl40", "mennekes", "ocmf-spec")

# Folders whose SOURCES.md is kept whole (no per-file table; all their cases are imported).
FULL_SOURCES_FOLDERS = ("hupe1980-ocmf", "road-labs")

APACHE_TEXT_CANDIDATES = ("/usr/share/common-licenses/Apache-2.0",)


class RefusedError(Exception):
    pass


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(65536), b""):
            h.update(chunk)
    return h.hexdigest()


def rule_path(rel: str) -> str:
    """conformance/<folder>/<name> -> <folder>/<name>; other paths unchanged."""
    parts = rel.split("/")
    if parts[0] == "conformance" and len(parts) >= 3:
        return "/".join(parts[1:])
    return rel


def path_licence(rel: str) -> str | None:
    p = rule_path(rel)
    for rx, lic in PATH_RULES:
        if re.search(rx, p):
            return lic
    return None


def folder_of(rel: str) -> str:
    return rule_path(rel).split("/")[0]


def mentions_agpl(text: str) -> bool:
    return any(r in text for r in AGPL_REPOS) or "AGPL" in text


def norm_hex(s: str) -> str:
    return re.sub(r"\s", "", s).lower()


def tps_counterpart(rel: str) -> str | None:
    """Path (relative to vectors/) of the TPS file that holds the same telegram/key."""
    name = rule_path(rel)
    m = re.match(r"^edl40-sml/safe-(edl-40-0\d)\.(sml\.hex|pubkey\.hex)$", name)
    if m:
        return f"transparenzsoftware/xml/{m.group(1)}.xml"
    m = re.match(r"^isa-edl40/(isa-edl-40p-[a-z-]+?)\.(sml\.hex|pubkey\.hex)$", name)
    if m:
        return f"transparenzsoftware/xml/{m.group(1)}.xml"
    return None


def check_tps_copy(src: Path, rel: str) -> str:
    """Raise RefusedError unless the file's content is contained in its TPS counterpart."""
    cp = tps_counterpart(rel)
    if cp is None:
        raise RefusedError(f"{rel}: source is an AGPL repository and no Apache-2.0 TPS copy is known")
    xml = (src / cp).read_text(encoding="utf-8")
    data = norm_hex((src / rel).read_bytes().decode("ascii"))
    if rel.endswith(".sml.hex"):
        found = [norm_hex(x) for x in re.findall(r"<signedData[^>]*>(.*?)</signedData>", xml, re.S)]
    else:
        found = [norm_hex(x) for x in re.findall(r"<publicKey[^>]*>(.*?)</publicKey>", xml, re.S)]
    if data not in found:
        raise RefusedError(f"{rel}: content not found in the Apache-2.0 copy {cp}")
    return cp


def repos_in(text: str) -> list[str]:
    return sorted(set(re.findall(r"([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)@[0-9a-f]{7,40}", text)))


# --------------------------------------------------------------------------------------------
# Markdown table filtering for SOURCES.md
# --------------------------------------------------------------------------------------------


def md_blocks(text: str):
    """Yield ("row", text, first_cell) for table rows (possibly spanning lines) and
    ("line", text, None) for everything else; header and separator rows are "line"."""
    lines = text.split("\n")
    i = 0
    in_table = False
    while i < len(lines):
        line = lines[i]
        if line.startswith("|"):
            block = [line]
            while not block[-1].rstrip().endswith("|") and i + 1 < len(lines):
                i += 1
                block.append(lines[i])
            joined = "\n".join(block)
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if not in_table:
                in_table = True
                yield ("line", joined, None)  # header
            elif re.match(r"^\|[-| :]+\|\s*$", joined):
                yield ("line", joined, None)  # separator
            else:
                first = joined.split("|")[1]
                yield ("row", joined, first)
            if not nxt.startswith("|"):
                in_table = False
        else:
            in_table = False
            yield ("line", line, None)
        i += 1


def cell_names(cell: str) -> list[str]:
    ticks = re.findall(r"`([^`]+)`", cell)
    return [t.strip() for t in ticks] if ticks else [cell.strip()]


def filtered_sources_md(text: str, keep_names: set[str]) -> tuple[str, int, int]:
    out, kept, dropped = [], 0, 0
    for kind, block, first in md_blocks(text):
        if kind == "line":
            out.append(block)
        elif any(n in keep_names for n in cell_names(first)):
            out.append(block)
            kept += 1
        else:
            dropped += 1
    return "\n".join(out), kept, dropped


# --------------------------------------------------------------------------------------------
# Build
# --------------------------------------------------------------------------------------------


def build(src: Path, out: Path) -> dict:
    raw_lines = (src / "conformance.jsonl").read_bytes().split(b"\n")
    if raw_lines and raw_lines[-1] == b"":
        raw_lines.pop()
    rows = [json.loads(l) for l in raw_lines]

    manifests = {}
    for f in MANIFEST_FOLDERS:
        p = src / f / "manifest.json"
        if p.exists():
            manifests[f] = json.loads(p.read_text(encoding="utf-8"))

    kept_lines: list[bytes] = []
    kept_rows: list[dict] = []
    left_out: list[tuple[dict, str]] = []
    files: dict[str, dict] = {}  # rel -> info
    tps_copies: dict[str, str] = {}

    for raw, row in zip(raw_lines, rows):
        lic = row.get("licence")
        if lic not in ALLOWED_LICENCES:
            left_out.append((row, f"unit licence {lic!r} not on the allow-list"))
            continue
        try:
            paths = [("input", row["input"])] + ([("key", row["key"])] if row.get("key") else [])
            for role, rel in paths:
                if ".." in rel.split("/") or rel.startswith("/"):
                    raise RefusedError(f"{rel}: path escapes the corpus")
                if not (src / rel).is_file():
                    raise RefusedError(f"{rel}: missing in the source corpus")
                flic = path_licence(rel)
                if flic is None:
                    raise RefusedError(f"{rel}: no licence rule for this path")
                if flic not in ALLOWED_LICENCES:
                    raise RefusedError(f"{role} file {rel} is {flic}")
                if flic != lic:
                    raise RefusedError(f"{role} file {rel} is {flic}, unit says {lic}")
            if mentions_agpl(row.get("source", "")):
                # Only the telegrams/keys that exist in the Apache-2.0 TPS resources pass.
                for role, rel in paths:
                    tps_copies[rel] = check_tps_copy(src, rel)
        except RefusedError as e:
            left_out.append((row, f"refused: {e}"))
            continue
        kept_lines.append(raw)
        kept_rows.append(row)
        for role, rel in paths:
            info = files.setdefault(rel, {"licence": path_licence(rel), "roles": set(), "units": []})
            info["roles"].add(role)
            info["units"].append(row)

    # ---- copy files (byte for byte) ------------------------------------------------------
    for rel, info in sorted(files.items()):
        if info["licence"] not in ALLOWED_LICENCES:  # defence in depth
            raise SystemExit(f"internal error: refusing to copy {rel} ({info['licence']})")
        dst = out / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src / rel, dst)
        if sha256(src / rel) != sha256(dst) or (src / rel).stat().st_size != dst.stat().st_size:
            raise SystemExit(f"copy mismatch for {rel}")
        info["sha256"] = sha256(dst)
        info["size"] = dst.stat().st_size

    # ---- conformance.jsonl -----------------------------------------------------------------
    (out / "conformance.jsonl").write_bytes(b"".join(l + b"\n" for l in kept_lines))

    # ---- filtered manifests ----------------------------------------------------------------
    manifest_stats = {}
    for folder, entries in manifests.items():
        copied_here = {rel.split("/", 1)[1] for rel in files if rel.split("/")[0] == folder}
        if not copied_here:
            continue
        keep = []
        for e in entries:
            names = [e.get("file")]
            if folder == "ocmf-spec" and e.get("pubkey_file") and not str(e["pubkey_file"]).startswith("("):
                names.append(e["pubkey_file"])
            if e.get("file") in copied_here:
                if not all(n in copied_here for n in names if n):
                    raise SystemExit(f"manifest {folder}: {e.get('file')} copied without its key file")
                if mentions_agpl(json.dumps(e)) and (folder + "/" + e["file"]) not in tps_copies:
                    raise SystemExit(f"manifest {folder}: AGPL entry {e['file']} would be kept")
                keep.append(e)
        raw = (src / folder / "manifest.json").read_text(encoding="utf-8")
        style = None
        for indent in (1, 2, 4, None):
            for ea in (False, True):
                for nl in ("", "\n"):
                    if json.dumps(entries, indent=indent, ensure_ascii=ea) + nl == raw:
                        style = (indent, ea, nl)
                        break
                if style:
                    break
            if style:
                break
        indent, ea, nl = style or (1, False, "\n")
        (out / folder / "manifest.json").write_text(
            json.dumps(keep, indent=indent, ensure_ascii=ea) + nl, encoding="utf-8"
        )
        manifest_stats[folder] = (len(keep), len(entries))

    # ---- provenance per file ---------------------------------------------------------------
    ocmf_spec_by_name = {}
    for e in manifests.get("ocmf-spec", []):
        ocmf_spec_by_name.setdefault(e["file"], e)
        if e.get("pubkey_file"):
            ocmf_spec_by_name.setdefault(e["pubkey_file"], e)

    def provenance(rel: str, info: dict) -> str:
        if rel in tps_copies:
            cp = tps_copies[rel]
            what = "telegram (SML hex, whitespace removed, lower-case)" if rel.endswith(".sml.hex") else "<publicKey> (hex, whitespace removed, lower-case)"
            return (f"{TPS}@{COMMITS[TPS]}:src/test/resources/{cp.split('/', 1)[1]} — {what}; "
                    f"content checked against vectors/{cp}")
        parts = rel.split("/")
        folder = parts[0]
        name = "/".join(parts[1:])
        if folder in manifests and folder != "ocmf-spec":
            for e in manifests[folder]:
                if e.get("file") == name:
                    return e["source"]
        if folder == "ocmf-spec" and name in ocmf_spec_by_name:
            e = ocmf_spec_by_name[name]
            return f"{e['repo']}@{e['commit']}:{e['path']} ({e['where']})"
        if folder == "transparenzsoftware":
            sub = name[len("repo-root/"):] if name.startswith("repo-root/") else f"src/test/resources/{name}"
            return f"{TPS}@{COMMITS[TPS]}:{sub}"
        return "; ".join(sorted({u["source"] for u in info["units"]}))

    for rel, info in files.items():
        info["provenance"] = provenance(rel, info)
        info["repos"] = repos_in(info["provenance"])
        if any(r in AGPL_REPOS for r in info["repos"]):
            raise SystemExit(f"internal error: {rel} attributed to an AGPL repository")

    # ---- SOURCES.md, LICENSES.md, SHA256SUMS, Apache text ----------------------------------
    write_sources_md(src, out, files, kept_rows, tps_copies)
    write_licenses_md(out, files)
    (out / "SHA256SUMS").write_text(
        "".join(f"{info['sha256']}  {rel}\n" for rel, info in sorted(files.items())), encoding="utf-8"
    )
    # The system copy (Debian/Ubuntu), else the copy already in Vectors/corpus (e.g. on macOS).
    existing = Path(__file__).resolve().parent.parent / "Vectors" / "corpus" / "LICENSE-Apache-2.0.txt"
    for cand in (*APACHE_TEXT_CANDIDATES, str(existing)):
        if os.path.isfile(cand):
            shutil.copyfile(cand, out / "LICENSE-Apache-2.0.txt")
            break

    return {
        "rows": rows,
        "kept_rows": kept_rows,
        "left_out": left_out,
        "files": files,
        "manifest_stats": manifest_stats,
        "tps_copies": tps_copies,
    }


def write_sources_md(src: Path, out: Path, files: dict, kept_rows: list, tps_copies: dict) -> None:
    conf_sha = sha256(src / "conformance.jsonl")
    L = []
    L.append("# Vectors/corpus — sources and attribution")
    L.append("")
    L.append("Generated by `Scripts/import_corpus.py` from the shared test-vector corpus "
             "(`vectors/`, index `conformance.jsonl`, SHA-256 "
             f"`{conf_sha}`). Every file below is a byte-for-byte copy of the file at the same "
             "relative path in the shared corpus (checked by SHA-256, see `SHA256SUMS`). Only units "
             "whose licence is Apache-2.0, MIT, MIT OR Apache-2.0, CC BY-ND 4.0 or \"none stated "
             "(OCMF 1.0 document)\" were imported; nothing from an AGPL-3.0 source "
             "(`OpenChargingCloud/ChargyCore.TS`, `OpenChargingCloud/ChargyDesktopApp`) was copied. "
             "Licence summary: [`LICENSES.md`](LICENSES.md).")
    L.append("")
    L.append("## Source repositories (full commits)")
    L.append("")
    L.append("| repository | commit | licence | copyright notice |")
    L.append("|---|---|---|---|")
    used = sorted({r for info in files.values() for r in info["repos"]})
    for repo in used:
        lic, cr = REPO_INFO.get(repo, ("?", "?"))
        commit = COMMITS.get(repo, "(per file, see below)")
        if repo == "SAFE-eV/OCMF-Open-Charge-Metering-Format":
            commit = (f"HEAD {COMMITS[repo]}; the examples come from per-example commits "
                      "(full hashes in the table below and in `ocmf-spec/manifest.json`)")
        L.append(f"| `{repo}` | `{commit}` | {lic} | {cr} |")
    L.append("")
    L.append("Commits of the other repositories named by the shared corpus, for reference (nothing "
             "copied from them): " + ", ".join(f"`{r}@{c}`" for r, c in COMMITS.items() if r not in used) + ".")
    L.append("")
    L.append("### Notes")
    L.append("")
    L.append("* **TPS copies of telegrams cited from Chargy.** `edl40-sml/safe-edl-40-0{1,2,3}.sml.hex`, "
             "`isa-edl40/*.sml.hex` and their keys under `conformance/edl40-sml/` and "
             "`conformance/isa-edl40/` are cited by the shared corpus (and by the `source` field of their "
             "`conformance.jsonl` lines, kept verbatim) from `OpenChargingCloud/ChargyDesktopApp`, but the "
             "identical telegrams and keys are in the Apache-2.0 "
             f"`{TPS}@{COMMITS[TPS]}:src/test/resources/xml/` files (corpus README §1.1 and §5: "
             "\"Apache-2.0 (via the SAFE copy)\"). The import script checked that each telegram and key "
             "is contained in the TPS file named below before copying; they are attributed to TPS, "
             "© S.A.F.E. e.V., Apache-2.0.")
    L.append("* **hupe1980/ocmf:** its `ocmf/tests/corpus/NOTICE` states that the corpus records come "
             "from the S.A.F.E. Transparenzsoftware test resources (Apache-2.0) and that the OCMF "
             "specification is CC BY-ND 4.0. `derived__untampered-reading` is derived (RV restored) "
             "from the suite case `reject/tampered-reading`.")
    L.append("* **ocpi-derived/alfen-*.json** are constructed OCPI 2.2.1 wrappers (not observed in the "
             "wild) around the MIT-licensed `alfen/evbox-simulator-*` lines; licence follows the "
             "wrapped data (MIT, evbox/station-simulator).")
    L.append("* **conformance/<folder>/** files were extracted byte-exact by the shared corpus from "
             "JSON test lists / bulk sets (`ocmf-spec/ts-*.jsonl`, `transparenzsoftware/inline-vectors.json`, "
             "`road-labs/verify_cases.json`, `hupe1980-ocmf/cases.json`, manifests' `public_key_hex`); "
             "their provenance is the `source` of the unit that uses them.")
    L.append("* CC BY-ND 4.0 / OCMF 1.0 spec examples (`ocmf-spec/spec-*`) are unmodified copies of the "
             "shared corpus files (the shared corpus removed only the common markdown indentation of "
             "the code block, see `ocmf-spec` section below).")
    L.append("")
    L.append("## Files")
    L.append("")
    L.append("`role`: input / key of a `conformance.jsonl` unit; `units`: number of units using the file.")
    L.append("")
    L.append("| file | role | units | bytes | licence | source (repository@commit:path) | copyright |")
    L.append("|---|---|---|---|---|---|---|")
    for rel, info in sorted(files.items()):
        crs = "; ".join(REPO_INFO[r][1] for r in info["repos"] if r in REPO_INFO) or "?"
        prov = info["provenance"].replace("|", "\\|")
        L.append(f"| `{rel}` | {'+'.join(sorted(info['roles']))} | {len(info['units'])} | {info['size']} | "
                 f"{info['licence']} | {prov} | {crs} |")
    L.append("")
    L.append("## Rows of the source folders' SOURCES.md")
    L.append("")
    L.append("Copied from `vectors/<folder>/SOURCES.md`; table rows about files that were not imported "
             "(AGPL-3.0 sources, or files no imported unit uses) are left out, all other text is "
             "verbatim. Relative links in these sections point into the shared corpus.")
    by_folder = collections.defaultdict(set)
    for rel in files:
        p = rule_path(rel)
        folder, name = p.split("/", 1)
        by_folder[folder].add(name)
        # split-out records of the ocmf-spec bulk sets come from the *.jsonl rows
        m = re.match(r"^(ts-keba_test|ts-measurements)[-.]", name)
        if folder == "ocmf-spec" and rel.startswith("conformance/") and m:
            by_folder[folder].add(m.group(1) + ".jsonl")
    for folder in sorted(by_folder):
        sp = src / folder / "SOURCES.md"
        if not sp.exists():
            continue
        raw = sp.read_text(encoding="utf-8")
        if folder in FULL_SOURCES_FOLDERS:
            # These tables list case ids, not file names; every case is imported.
            if mentions_agpl(raw):
                raise SystemExit(f"vectors/{folder}/SOURCES.md names an AGPL source")
            text = raw
            kept = sum(1 for k, _, _ in md_blocks(raw) if k == "row")
            dropped = 0
        else:
            text, kept, dropped = filtered_sources_md(raw, by_folder[folder])
        # demote headings so they nest under this section
        text = re.sub(r"^(#+)", lambda m: "###" + m.group(1), text, flags=re.M)
        L.append("")
        how = ("kept whole" if folder in FULL_SOURCES_FOLDERS
               else f"{kept} table rows kept, {dropped} left out")
        L.append(f"### vectors/{folder}/SOURCES.md ({how})")
        L.append("")
        L.append(text.rstrip("\n"))
    L.append("")
    (out / "SOURCES.md").write_text("\n".join(L), encoding="utf-8")


def write_licenses_md(out: Path, files: dict) -> None:
    by_prefix = collections.OrderedDict()
    for rel, info in sorted(files.items()):
        parts = rel.split("/")
        if parts[0] == "conformance":
            prefix = "/".join(parts[:2]) + "/"
            m = re.match(r"^([a-z]+-)", parts[2]) if parts[1] in ("edl40-sml", "ocmf-spec") else None
            if m:
                prefix += m.group(1) + "*"
        elif parts[0] in ("alfen", "edl40-payload", "edl40-sml", "mennekes", "ocmf-spec", "ocpi-derived"):
            m = re.match(r"^[a-z]+-", parts[1])
            if parts[1].startswith("spec-"):  # list the specification examples one by one
                prefix = rel
            else:
                prefix = parts[0] + "/" + (m.group(0) + "*" if m else parts[1])
        else:
            prefix = parts[0] + "/"
        key = (prefix, info["licence"], tuple(info["repos"]))
        by_prefix.setdefault(key, 0)
        by_prefix[key] += 1
    L = []
    L.append("# Vectors/corpus — licences")
    L.append("")
    L.append("All files in this folder except the documentation written for it (`SOURCES.md`, "
             "`LICENSES.md`, `SHA256SUMS`, `conformance.jsonl`, the filtered `*/manifest.json`) are "
             "unmodified, byte-for-byte copies of third-party test data. Per-file provenance, commits "
             "and copyright notices: [`SOURCES.md`](SOURCES.md). The `conformance.jsonl` lines and the "
             "manifest entries are verbatim metadata of the shared corpus, filtered to the imported files.")
    L.append("")
    L.append("| path (prefix) | files | licence | source repository |")
    L.append("|---|---|---|---|")
    for (prefix, lic, repos), n in by_prefix.items():
        L.append(f"| `{prefix}` | {n} | {lic} | {', '.join('`' + r + '`' for r in repos)} |")
    L.append("")
    L.append("## Licences")
    L.append("")
    L.append("* **Apache-2.0** — `SAFE-eV/transparenzsoftware` test resources (© S.A.F.E. e.V.) and "
             "`OpenChargingCloud/WWCP_OICP`. Licence text: `LICENSE-Apache-2.0.txt` (when present) or "
             "<https://www.apache.org/licenses/LICENSE-2.0>. The files are redistributed unmodified.")
    L.append("* **MIT** — `evbox/station-simulator`, `paul-ww/pyocmf`, `road-labs/ocmf-js` (and the "
             "constructed `ocpi-derived/alfen-*` wrappers around evbox data). The copyright holders "
             "are listed in `SOURCES.md`; the MIT permission notice applies:")
    L.append("")
    L.append("  > Permission is hereby granted, free of charge, to any person obtaining a copy of this "
             "software and associated documentation files (the \"Software\"), to deal in the Software "
             "without restriction, including without limitation the rights to use, copy, modify, merge, "
             "publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons "
             "to whom the Software is furnished to do so, subject to the following conditions:")
    L.append("  >")
    L.append("  > The above copyright notice and this permission notice shall be included in all copies "
             "or substantial portions of the Software.")
    L.append("  >")
    L.append("  > THE SOFTWARE IS PROVIDED \"AS IS\", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, "
             "INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR "
             "PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE "
             "FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR "
             "OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER "
             "DEALINGS IN THE SOFTWARE.")
    L.append("")
    L.append("* **MIT OR Apache-2.0** — `hupe1980/ocmf` (as declared in its `Cargo.toml`); used here "
             "under either licence.")
    L.append("* **CC BY-ND 4.0** — OCMF specification examples `ocmf-spec/spec-1.1-*`, `spec-1.2-*`, "
             "`spec-1.4-*` from `SAFE-eV/OCMF-Open-Charge-Metering-Format` "
             "(<https://creativecommons.org/licenses/by-nd/4.0/>). **These files are unmodified copies** "
             "(byte-identical to the shared corpus files, checked by SHA-256) and must stay so: no "
             "derivatives, attribution kept in `SOURCES.md`.")
    L.append("* **none stated (OCMF 1.0 document)** — `ocmf-spec/spec-1.0-example1.ocmf.txt`; the 1.0 "
             "document carries no licence statement. Treated like CC BY-ND 4.0: unmodified copy, "
             "attributed.")
    L.append("* **AGPL-3.0** — not present. Fixtures from `OpenChargingCloud/ChargyCore.TS` and "
             "`OpenChargingCloud/ChargyDesktopApp` stay in the shared corpus and may only be read from "
             "there by optional tests that skip when it is absent.")
    L.append("")
    (out / "LICENSES.md").write_text("\n".join(L), encoding="utf-8")


# --------------------------------------------------------------------------------------------
# Verification of a built corpus
# --------------------------------------------------------------------------------------------


def verify(src: Path, out: Path) -> list[str]:
    problems = []
    rows = [json.loads(l) for l in (out / "conformance.jsonl").read_text(encoding="utf-8").splitlines()]
    orig = {}
    for l in (src / "conformance.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(l)
        orig[r["id"]] = r
    referenced = set()
    for r in rows:
        if r["licence"] not in ALLOWED_LICENCES:
            problems.append(f"row {r['id']}: licence {r['licence']}")
        if orig.get(r["id"]) != r:
            problems.append(f"row {r['id']}: differs from the original")
        for rel in (r["input"], r.get("key")):
            if not rel:
                continue
            referenced.add(rel)
            if not (out / rel).is_file():
                problems.append(f"row {r['id']}: {rel} missing")
    data_files = set()
    for p in out.rglob("*"):
        if p.is_file():
            rel = p.relative_to(out).as_posix()
            if rel in ("conformance.jsonl", "SOURCES.md", "LICENSES.md", "SHA256SUMS", "LICENSE-Apache-2.0.txt") \
                    or rel.endswith("/manifest.json"):
                continue
            data_files.add(rel)
    for rel in sorted(data_files - referenced):
        problems.append(f"{rel}: not referenced by any row")
    for rel in sorted(data_files):
        lic = path_licence(rel)
        if lic is None or lic not in ALLOWED_LICENCES:
            problems.append(f"{rel}: path licence {lic}")
        s, d = src / rel, out / rel
        if not s.is_file() or not filecmp.cmp(s, d, shallow=False) or sha256(s) != sha256(d):
            problems.append(f"{rel}: differs from the original")
        # Grep the file name against the folder's SOURCES.md: rows that name it must not be
        # AGPL-sourced unless the file is one of the checked TPS copies.
        folder, name = rule_path(rel).split("/", 1)
        sp = src / folder / "SOURCES.md"
        if sp.exists():
            for kind, block, first in md_blocks(sp.read_text(encoding="utf-8")):
                if kind == "row" and (name in cell_names(first)) and mentions_agpl(block):
                    if tps_counterpart(rel) is None:
                        problems.append(f"{rel}: its SOURCES.md row names an AGPL source")
        if rel.split("/")[0] in ("chargy", "bsm-ws36a", "emh-chargeit") or "/chargy-" in rel \
                or rel.startswith("ocpi-derived/edl40-"):
            problems.append(f"{rel}: AGPL path")
    # manifests only list copied files
    for mp in out.glob("*/manifest.json"):
        folder = mp.parent.name
        for e in json.loads(mp.read_text(encoding="utf-8")):
            if f"{folder}/{e['file']}" not in data_files:
                problems.append(f"{folder}/manifest.json lists {e['file']} which is not in the corpus")
    # SHA256SUMS
    for line in (out / "SHA256SUMS").read_text(encoding="utf-8").splitlines():
        h, rel = line.split("  ", 1)
        if sha256(out / rel) != h:
            problems.append(f"SHA256SUMS mismatch for {rel}")
    return problems


# --------------------------------------------------------------------------------------------


def main() -> int:
    repo_root = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("vectors", nargs="?", default=str(repo_root / ".." / "shared" / "vectors"),
                    help="path of the shared vectors/ folder (default: ../shared/vectors relative to the repo root)")
    ap.add_argument("--check", action="store_true",
                    help="rebuild in a temporary folder and compare with Vectors/corpus; write nothing")
    args = ap.parse_args()

    src = Path(args.vectors).resolve()
    if not (src / "conformance.jsonl").is_file():
        print(f"error: {src}/conformance.jsonl not found", file=sys.stderr)
        return 2
    dest = repo_root / "Vectors" / "corpus"

    with tempfile.TemporaryDirectory(prefix="import_corpus.") as tmp:
        out = Path(tmp) / "corpus"
        out.mkdir()
        res = build(src, out)
        problems = verify(src, out)
        if problems:
            print("verification FAILED:", *problems, sep="\n  ", file=sys.stderr)
            return 1

        if args.check:
            diff = []
            cmp = filecmp.dircmp(out, dest) if dest.exists() else None
            if cmp is None:
                diff.append("Vectors/corpus does not exist")
            else:
                def walk(c, prefix=""):
                    for n in c.left_only:
                        diff.append(f"missing in Vectors/corpus: {prefix}{n}")
                    for n in c.right_only:
                        diff.append(f"extra in Vectors/corpus: {prefix}{n}")
                    for n in c.common_files:
                        if not filecmp.cmp(Path(c.left) / n, Path(c.right) / n, shallow=False):
                            diff.append(f"differs: {prefix}{n}")
                    for n, sub in c.subdirs.items():
                        walk(sub, f"{prefix}{n}/")
                walk(cmp)
            if diff:
                print("Vectors/corpus is out of date:", *diff, sep="\n  ", file=sys.stderr)
                return 1
            print("Vectors/corpus is up to date.")
        else:
            if dest.exists():
                if dest.name != "corpus" or dest.parent != repo_root / "Vectors":
                    raise SystemExit(f"refusing to replace unexpected path {dest}")
                shutil.rmtree(dest)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copytree(out, dest)
            problems = verify(src, dest)
            if problems:
                print("verification of Vectors/corpus FAILED:", *problems, sep="\n  ", file=sys.stderr)
                return 1

    # ---- report ------------------------------------------------------------------------------
    kept, files = res["kept_rows"], res["files"]
    print(f"source: {src}")
    print(f"units: {len(res['rows'])} in source, {len(kept)} imported, {len(res['left_out'])} left out")
    print("imported units per format:")
    for k, v in sorted(collections.Counter(r["format"] for r in kept).items()):
        print(f"  {k:14} {v}")
    print("imported units per licence:")
    for k, v in sorted(collections.Counter(r["licence"] for r in kept).items()):
        print(f"  {k:34} {v}")
    print(f"files copied: {len(files)}, {sum(i['size'] for i in files.values())} bytes")
    print("files per licence:")
    for k, v in sorted(collections.Counter(i["licence"] for i in files.values()).items()):
        print(f"  {k:34} {v}")
    print("units left out, per reason:")
    for k, v in sorted(collections.Counter(reason for _, reason in res["left_out"]).items()):
        print(f"  {v:4}  {k}")
    print("left-out units per folder of the unit id:")
    for k, v in sorted(collections.Counter(r["id"].split("/")[0] for r, _ in res["left_out"]).items()):
        print(f"  {k:20} {v}")
    print("manifests (kept/original entries): " +
          ", ".join(f"{k} {a}/{b}" for k, (a, b) in sorted(res["manifest_stats"].items())))
    print(f"TPS-checked copies of Chargy-cited telegrams/keys: {len(res['tps_copies'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
