#!/usr/bin/env python3
"""Keystroke-to-diagnostics latency of `docreview lsp`.

Starts the language server in a temporary git repository holding one long doc (2,000 lines: docs of
the shared corpus joined, or generated text when there is none), opens it, then types: each keystroke
is an incremental change, and the time to the server's first diagnostics for that version (docreview's
fast rules) and to its last (harper's linters and the doc-set rules) is recorded. Prints p50 and p95 of
both, and the first open (cold: nothing checked yet) apart.

    scripts/lsp-latency.py [--bin target/release/docreview] [--keys 60] [--lines 2000]
    scripts/lsp-latency.py --repo DIR     the long doc is added to a copy of DIR (a git repository):
                                          the doc-set rules then count that whole workspace
"""
import argparse, json, os, pathlib, random, subprocess, sys, tempfile, threading, queue, time

def corpus_text(lines_wanted):
    root = pathlib.Path(os.environ.get("DOCREVIEW_CORPUS", pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"))
    out = []
    if root.is_dir():
        for p in sorted(root.rglob("*.md")):
            try:
                text = p.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError):
                continue
            out.extend(text.splitlines())
            if len(out) >= lines_wanted:
                break
    if len(out) < lines_wanted:
        rng = random.Random(7)
        words = "the a docs build with ONEDNN enabled teh server runs quickly and its cache is warm".split()
        while len(out) < lines_wanted:
            out.append(" ".join(rng.choice(words) for _ in range(12)) + ".")
            if len(out) % 6 == 0:
                out.append("")
    return "\n".join(out[:lines_wanted]) + "\n"

class Server:
    def __init__(self, binary, cwd):
        self.p = subprocess.Popen([binary, "lsp"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                  stderr=subprocess.DEVNULL)
        self.q = queue.Queue()
        threading.Thread(target=self.read, daemon=True).start()
        self.id = 0

    def read(self):
        f = self.p.stdout
        while True:
            length = None
            while True:
                line = f.readline()
                if not line:
                    return
                line = line.strip()
                if not line:
                    break
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
            msg = json.loads(f.read(length))
            self.q.put((time.perf_counter(), msg))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def request(self, method, params):
        self.id += 1
        self.send({"jsonrpc": "2.0", "id": self.id, "method": method, "params": params})
        while True:
            _, m = self.q.get(timeout=120)
            if m.get("method") == "client/registerCapability":
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
            elif m.get("id") == self.id:
                return m

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def publications(self, uri, version, quiet=2.0):
        """Times of the publications for (uri, version): waits for the first, then until `quiet` s pass
        without another."""
        times = []
        deadline = time.perf_counter() + 120
        while True:
            timeout = quiet if times else max(0.1, deadline - time.perf_counter())
            try:
                t, m = self.q.get(timeout=timeout)
            except queue.Empty:
                if times:
                    return times
                raise SystemExit("no diagnostics within two minutes")
            if m.get("method") == "client/registerCapability":
                self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
            elif m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri \
                    and m["params"].get("version") == version:
                times.append(t)

def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(pathlib.Path(__file__).resolve().parents[1] / "target" / "release" / "docreview"))
    ap.add_argument("--keys", type=int, default=60)
    ap.add_argument("--lines", type=int, default=2000)
    ap.add_argument("--repo", help="a git repository to copy and work in (its docs are the doc set)")
    a = ap.parse_args()
    text = corpus_text(a.lines)
    with tempfile.TemporaryDirectory() as tmp:
        if a.repo:
            tmp = os.path.join(tmp, "repo")
            subprocess.run(["cp", "-r", a.repo, tmp], check=True)
        else:
            subprocess.run(["git", "init", "-q", tmp], check=True)
        doc = pathlib.Path(tmp) / "long.md"
        doc.write_text(text, encoding="utf-8")
        uri = doc.as_uri()
        s = Server(a.bin, tmp)
        s.request("initialize", {"processId": None, "rootUri": pathlib.Path(tmp).as_uri(), "capabilities": {}})
        s.notify("initialized", {})
        t0 = time.perf_counter()
        s.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
        times = s.publications(uri, 1)
        cold = (times[0] - t0, times[-1] - t0)
        lines = text.split("\n")
        rng = random.Random(11)
        fast, full = [], []
        for v in range(2, a.keys + 2):
            line = rng.randrange(len(lines) - 1)
            col = rng.randrange(len(lines[line]) + 1)
            lines[line] = lines[line][:col] + "x" + lines[line][col:]
            t0 = time.perf_counter()
            s.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v}, "contentChanges": [
                {"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": "x"}]})
            times = s.publications(uri, v, quiet=1.0)
            fast.append(times[0] - t0)
            full.append(times[-1] - t0)
        peak = None
        try:
            for line in open(f"/proc/{s.p.pid}/status"):
                if line.startswith("VmHWM:"):
                    peak = int(line.split()[1]) // 1024
        except OSError:
            pass
        s.request("shutdown", None)
        s.notify("exit", None)
        s.p.wait(timeout=20)
    ms = lambda x: f"{1000 * x:.0f} ms"
    where = f" in a copy of {a.repo}" if a.repo else ""
    print(f"doc: {a.lines} lines, {len(text):,} bytes{where}; {a.keys} keystrokes (incremental changes)")
    print(f"cold open:  fast rules {ms(cold[0])}, all rules {ms(cold[1])}")
    print(f"keystroke:  fast rules p50 {ms(pct(fast, 50))}, p95 {ms(pct(fast, 95))}; "
          f"all rules p50 {ms(pct(full, 50))}, p95 {ms(pct(full, 95))}")
    if peak is not None:
        print(f"server peak memory: {peak} MB")

if __name__ == "__main__":
    main()
