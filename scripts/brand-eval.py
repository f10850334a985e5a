#!/usr/bin/env python3
"""How many wrong-cased brand and product names docreview fixes in prose, and whether it ever flags one
inside code.

  scripts/brand-eval.py NAMES.txt [--bin BIN] [--split SEED] [--show missed|fixed] [--half tune|check]
                        [--defaults]

NAMES.txt holds one name a line, as its owner spells it ("GitHub", "JavaScript"); lines starting with
"#" are skipped. For each name, every other casing of it that a writer slips into is written in prose
(one doc per name, so no name is "used by three docs"):
  lower    "github"      all lower case
  capital  "Github"      a capital, then lower case
  upper    "GITHUB"      all capitals (names of one to four letters skipped: "API" is already all capitals)
and the same spellings inside inline code and a fenced block. A casing counts as fixed when docreview's
first replacement for exactly that span is the owner's spelling; any terminology finding inside code is
a false alarm. The three terminology rules run (canonical, inner-capitals and lower-case, whatever
their defaults); --defaults runs the rules as they ship instead, so a lower-case spelling counts only
where the rule that owns it is on by default.

--split SEED puts each name in a "tune" or "check" half by a seeded hash, so a list can be split before
anyone reads its misses: read the misses of the tune half only (--half tune --show missed).
Needs a release build (cargo build --release).
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, "..", "target", "release", "docreview")

PROSE = "We set up {v} for the project last week, and the team liked it.\n"
CODE = "Run `{v} --help` to see it.\n\n```sh\n{v} --version\n```\n"


def variants(name):
    out = {}
    if name.lower() != name:
        out["lower"] = name.lower()
    cap = name[:1].upper() + name[1:].lower()
    if cap != name:
        out["capital"] = cap
    if len(name) > 4 and name.upper() != name:
        out["upper"] = name.upper()
    return out


def half(name, seed):
    h = hashlib.sha256(f"{seed}:{name}".encode()).digest()[0]
    return "tune" if h % 2 == 0 else "check"


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("names")
    p.add_argument("--bin", default=BIN)
    p.add_argument("--split", type=int, help="seed of the tune/check split")
    p.add_argument("--half", choices=["tune", "check"], help="only this half (needs --split)")
    p.add_argument("--show", choices=["missed", "fixed"])
    p.add_argument("--defaults", action="store_true", help="the rules on by default only")
    args = p.parse_args()
    with open(args.names, encoding="utf-8") as fh:
        names = [l.strip() for l in fh if l.strip() and not l.lstrip().startswith("#")]
    names = list(dict.fromkeys(names))
    if args.half and args.split is None:
        sys.exit("--half needs --split SEED")
    with tempfile.TemporaryDirectory() as tmp:
        cases = []  # (file, name, kind, spelling, start, end)
        for i, name in enumerate(names):
            vs = variants(name)
            if not vs:
                continue
            path = f"n{i:04}.md"
            text, spans = "# Notes\n\n", []
            for kind, v in vs.items():
                start = len((text + PROSE.split("{v}")[0]).encode())
                spans.append((kind, v, start, start + len(v.encode())))
                text += PROSE.format(v=v) + "\n"
            code_from = len(text.encode())
            for v in vs.values():
                text += CODE.format(v=v) + "\n"
            with open(os.path.join(tmp, path), "w", encoding="utf-8") as fh:
                fh.write(text)
            cases.append((path, name, spans, code_from))
        subprocess.run(["git", "init", "-q"], cwd=tmp, check=True)
        run = subprocess.run(
            [args.bin, "check", "--quiet", "--format", "json"]
            + ([] if args.defaults else ["--rule", "terminology.canonical", "--rule", "terminology.lower-case",
                                        "--rule", "terminology.inner-capitals"])
            + ["--", "."],
            cwd=tmp, capture_output=True, text=True)
        if run.returncode > 1:
            sys.exit(f"docreview failed ({run.returncode}): {run.stderr[-2000:]}")
        findings = json.loads(run.stdout)["findings"]
    by_file = {}
    for f in findings:
        by_file.setdefault(f["path"].lstrip("./"), []).append(f)
    tally = {}
    shown = []
    in_code = []
    for path, name, spans, code_from in cases:
        h = half(name, args.split) if args.split is not None else "all"
        if args.half and h != args.half:
            continue
        fs = by_file.get(path, [])
        for kind, v, start, end in spans:
            ok = any(f["start"] == start and f["end"] == end and f["replacements"][:1] == [name] for f in fs)
            t = tally.setdefault((h, kind), [0, 0])
            t[0] += ok
            t[1] += 1
            if args.show == ("fixed" if ok else "missed"):
                shown.append(f"{h}\t{kind}\t{v}\t{name}")
        in_code += [f"{name}: {f['text']} at byte {f['start']}" for f in fs
                    if f["rule"].startswith("terminology.") and f["start"] >= code_from]
    for line in shown:
        print(line)
    print("half\tcasing\tfixed\tof\tpercent")
    for h in sorted({k[0] for k in tally}):
        total = [0, 0]
        for kind in ("lower", "capital", "upper"):
            if (h, kind) in tally:
                ok, n = tally[(h, kind)]
                total[0] += ok
                total[1] += n
                print(f"{h}\t{kind}\t{ok}\t{n}\t{100 * ok / n:.1f}%")
        print(f"{h}\tall\t{total[0]}\t{total[1]}\t{100 * total[0] / max(total[1], 1):.1f}%")
    print(f"flagged inside code: {len(in_code)}")
    for line in in_code[:20]:
        print("  " + line)


if __name__ == "__main__":
    main()
