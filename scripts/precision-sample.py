#!/usr/bin/env python3
"""Random samples of docreview's findings on real doc repositories, for the per-rule precision gate.

A rule is on by default only when a random sample of its findings on docs it was not tuned on, read one
by one as a careful reviewer would, is at least 90 % right (see src/core/rules/precision.md). This script
makes those samples reproducible:

  collect  run `docreview check --format json` over a repository's docs (a fixed-seed random choice of
           files up to --max-bytes) and store every finding with the lines around it
  sample   draw up to --per-rule findings of each rule (fixed seed) from stored findings and print them
           numbered, for a reader to mark right or wrong
  tally    read a marks file ("N right|wrong|poor [note]" per line) against the same sample and print the
           table rows (rule, sample, right, wrong, precision)

  scripts/precision-sample.py collect REPO_DIR [SUBDIR ...] --out F.jsonl [--max-bytes 2000000] [--seed 1]
  scripts/precision-sample.py sample F.jsonl [F.jsonl ...] [--per-rule 30] [--seed 1] [--rule GLOB]
                                    [--rules FILE]
  scripts/precision-sample.py tally F.jsonl [...] --marks MARKS.txt [--per-rule 30] [--seed 1]

"poor" marks a right finding whose first replacement is not the fix a reviewer would make; it counts as
right for precision and is reported apart. Needs a release build (cargo build --release).
"""
import argparse
import fnmatch
import json
import os
import random
import subprocess
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
BIN = os.path.join(HERE, "..", "target", "release", "docreview")


def docs_under(repo, subdirs):
    found = []
    for sub in subdirs or ["."]:
        for root, dirs, files in os.walk(os.path.join(repo, sub)):
            dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "node_modules")
            for f in sorted(files):
                if f.endswith((".md", ".mdx", ".markdown")):
                    path = os.path.join(root, f)
                    if os.path.isfile(path) and not os.path.islink(path):
                        found.append(os.path.relpath(path, repo))
    return sorted(set(found))


def collect(args):
    docs = docs_under(args.repo, args.subdirs)
    rng = random.Random(args.seed)
    rng.shuffle(docs)
    chosen, total = [], 0
    for d in docs:
        size = os.path.getsize(os.path.join(args.repo, d))
        if total + size > args.max_bytes and chosen:
            continue
        chosen.append(d)
        total += size
    chosen.sort()
    name = os.path.basename(os.path.abspath(args.repo))
    print(f"{name}: {len(chosen)} of {len(docs)} docs, {total / 1e6:.2f} MB", file=sys.stderr)
    cmd = [args.bin, "check", "--quiet", "--format", "json", *args.extra, "--", *chosen]
    run = subprocess.run(cmd, cwd=args.repo, capture_output=True, text=True)
    if run.returncode > 1:
        sys.exit(f"docreview failed ({run.returncode}): {run.stderr[-2000:]}")
    report = json.loads(run.stdout)
    texts = {}
    with open(args.out, "a", encoding="utf-8") as out:
        for f in report["findings"]:
            path = f["path"]
            if path not in texts:
                with open(os.path.join(args.repo, path), "rb") as fh:
                    texts[path] = fh.read()
            raw = texts[path]
            start, end = f["start"], f["end"]
            line_start = raw.rfind(b"\n", 0, start) + 1
            prev_start = raw.rfind(b"\n", 0, max(line_start - 1, 0)) + 1 if line_start else 0
            line_end = raw.find(b"\n", end)
            line_end = len(raw) if line_end < 0 else line_end
            context = (
                raw[prev_start:start].decode("utf-8", "replace")
                + "⟦" + raw[start:end].decode("utf-8", "replace") + "⟧"
                + raw[end:line_end].decode("utf-8", "replace")
            )
            out.write(json.dumps({
                "repo": name, "path": path, "line": f["line"], "rule": f["rule"],
                "message": f["message"], "text": f["text"],
                "replacements": f["replacements"][:3], "context": context,
            }, ensure_ascii=False) + "\n")
    print(f"{name}: {len(report['findings'])} findings", file=sys.stderr)


def load(files, rule_glob, rules_file=None):
    only = None
    if rules_file:
        with open(rules_file, encoding="utf-8") as fh:
            only = {l.strip() for l in fh if l.strip() and not l.startswith("#")}
    by_rule = defaultdict(list)
    for fn in files:
        with open(fn, encoding="utf-8") as fh:
            for line in fh:
                f = json.loads(line)
                if rule_glob and not fnmatch.fnmatch(f["rule"], rule_glob):
                    continue
                if only is not None and f["rule"] not in only:
                    continue
                by_rule[f["rule"]].append(f)
    return by_rule


def draw(by_rule, per_rule, seed):
    """Each rule's sample, in a stable order: the rule's findings sorted, then a seeded choice."""
    picked = []
    for rule in sorted(by_rule):
        items = sorted(by_rule[rule], key=lambda f: (f["repo"], f["path"], f["line"], f["context"]))
        rng = random.Random(f"{seed}:{rule}")
        chosen = items if len(items) <= per_rule else rng.sample(items, per_rule)
        picked.extend((rule, len(items), f) for f in chosen)
    return picked


def sample(args):
    picked = draw(load(args.files, args.rule, args.rules), args.per_rule, args.seed)
    for n, (rule, total, f) in enumerate(picked, 1):
        fix = " | ".join(f["replacements"]) if f["replacements"] else "(no replacement)"
        ctx = f["context"].replace("\n", "\n      ")
        print(f"#{n} {rule} ({total} findings) {f['repo']}:{f['path']}:{f['line']}")
        print(f"   says: {f['message']}")
        print(f"   fix:  ⟦{f['text']}⟧ → {fix}")
        print(f"      {ctx}\n")


def tally(args):
    picked = draw(load(args.files, args.rule, args.rules), args.per_rule, args.seed)
    marks = {}
    with open(args.marks, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split(None, 2)
            if len(parts) >= 2 and parts[0].lstrip("#").isdigit():
                marks[int(parts[0].lstrip("#"))] = parts[1].lower()
    rows = defaultdict(lambda: [0, 0, 0, 0, 0])  # total findings, sample, right, wrong, poor
    for n, (rule, total, _) in enumerate(picked, 1):
        r = rows[rule]
        r[0] = total
        mark = marks.get(n)
        if mark is None:
            continue
        r[1] += 1
        if mark.startswith("wrong"):
            r[3] += 1
        else:
            r[2] += 1
            if mark.startswith("poor"):
                r[4] += 1
    print("rule\tfindings\tsample\tright\twrong\tpoor\tprecision")
    for rule, (total, n, right, wrong, poor) in sorted(rows.items()):
        prec = f"{100 * right / n:.0f}%" if n else "-"
        print(f"{rule}\t{total}\t{n}\t{right}\t{wrong}\t{poor}\t{prec}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("collect")
    c.add_argument("repo")
    c.add_argument("subdirs", nargs="*")
    c.add_argument("--out", required=True)
    c.add_argument("--max-bytes", type=int, default=2_000_000)
    c.add_argument("--seed", type=int, default=1)
    c.add_argument("--bin", default=BIN)
    c.add_argument("--extra", action="append", default=[], help="passed to docreview check")
    for name in ("sample", "tally"):
        s = sub.add_parser(name)
        s.add_argument("files", nargs="+")
        s.add_argument("--per-rule", type=int, default=30)
        s.add_argument("--seed", type=int, default=1)
        s.add_argument("--rule", help="only rules matching this glob")
        s.add_argument("--rules", help="only the rules listed in this file, one a line")
        if name == "tally":
            s.add_argument("--marks", required=True)
    args = p.parse_args()
    {"collect": collect, "sample": sample, "tally": tally}[args.cmd](args)


if __name__ == "__main__":
    main()
