#!/usr/bin/env bash
# Times `docreview check` (every doc, whole) against `rg -c the` (the practical floor: one regex over every byte) on the
# same Markdown files, in one run so the ratio is meaningful on a noisy machine, and reports peak memory.
#
#   scripts/bench-corpus.sh [CORPUS_DIR]     default: ../shared/corpus, else generated docs
#
# Needs: a release build (cargo build --release), GNU time (/usr/bin/time), ripgrep; hyperfine if present.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="$here/target/release/docreview"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
corpus="${1:-$here/../shared/corpus}"
tmp=""
if [ ! -d "$corpus" ]; then
  tmp="$(mktemp -d)"
  corpus="$tmp"
  echo "no corpus at ${1:-../shared/corpus}; generating 1500 docs in $tmp" >&2
  para='INC allows automatically find better solution on Github. There is tiny accuracy drop with ONEDNN, and the the data set is big. See `code` and [a link](https://example.com).'
  for i in $(seq 1 1500); do
    { echo "# Doc $i"; echo; for _ in $(seq 1 $((10 + i % 20))); do echo "$para"; echo; done; } > "$tmp/doc$i.md"
  done
fi
trap '[ -n "$tmp" ] && rm -rf "$tmp"' EXIT
cd "$corpus"
files=$(find . -name '*.md' -o -name '*.markdown' -o -name '*.mdx' | wc -l)
mb=$(find . \( -name '*.md' -o -name '*.markdown' -o -name '*.mdx' \) -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $corpus ($files docs, $(awk "BEGIN{printf \"%.2f\", $mb/1e6}") MB)"
# Exit 0 (clean) or 1 (findings) is a run; anything else would time an error message.
set +e
"$bin" check --format json . >/dev/null 2>"${TMPDIR:-/tmp}/docreview-bench.err"
code=$?
set -e
if [ "$code" -gt 1 ]; then
  echo "docreview check failed (exit $code):" >&2
  cat "${TMPDIR:-/tmp}/docreview-bench.err" >&2
  exit 2
fi
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 1 --runs "${RUNS:-5}" \
    "$bin check --format json ." \
    "rg -c the ." 2>/dev/null | grep -E "Time|±|faster" || true
else
  for cmd in "$bin check --format json ." "rg -c the ."; do
    start=$(date +%s.%N); $cmd >/dev/null 2>&1 || true; end=$(date +%s.%N)
    echo "$cmd: $(awk "BEGIN{print $end-$start}") s"
  done
fi
echo "peak memory:"
/usr/bin/time -f "  docreview check: %e s, %M KB max RSS" "$bin" check --format json . >/dev/null 2>"${TMPDIR:-/tmp}/docreview-bench.err" || true
tail -1 "${TMPDIR:-/tmp}/docreview-bench.err"
/usr/bin/time -f "  rg -c the:       %e s, %M KB max RSS" rg -c the . >/dev/null 2>"${TMPDIR:-/tmp}/docreview-bench.err" || true
tail -1 "${TMPDIR:-/tmp}/docreview-bench.err"
