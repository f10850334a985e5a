#!/usr/bin/env bash
# Times `docreview check --all` against `rg -c the` (the practical floor: one regex over every byte) on the
# same Markdown files, in one run so the ratio is meaningful on a noisy machine, and reports peak memory.
# The docs are copied into a temporary git repository, as a user's would be, so both runs are measured:
# cold (nothing remembered: every rule, harper included, runs on every paragraph) and warm (the cache under
# .git/docreview/cache answers for every unchanged doc).
#
#   scripts/bench-corpus.sh [CORPUS_DIR]     default: ../shared/corpus, else generated docs
#   COLD=0 scripts/bench-corpus.sh           skip the cold run (a minute or more on the full corpus)
#   DOCREVIEW_BIN=/path/to/docreview ...     time another build (e.g. before and after a change)
#   COPIES=16 scripts/bench-corpus.sh        the corpus 16 times over, in folders copy1..copy16 (the same
#                                            content under other names): how time and memory grow
#   VALE_STYLES=DIR scripts/bench-corpus.sh  a team's Vale styles (each folder of DIR a style, e.g.
#                                            errata-ai's Microsoft and Google) in a .vale.ini of the
#                                            repository, and only their rules run (--rule 'Style.*')
#
# Needs: a release build (cargo build --release), git, GNU time (/usr/bin/time), ripgrep; hyperfine if present.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
bin="${DOCREVIEW_BIN:-$here/target/release/docreview}"
[ -x "$bin" ] || { echo "build first: cargo build --release" >&2; exit 2; }
# Without ripgrep the floor would print as 0.00 s and every ratio would be meaningless.
command -v rg >/dev/null || { echo "needs ripgrep (rg) for the floor: apt install ripgrep, or cargo install ripgrep" >&2; exit 2; }
/usr/bin/time true 2>/dev/null || { echo "needs GNU time at /usr/bin/time: apt install time" >&2; exit 2; }
src="${1:-$here/../shared/corpus}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
mkdir -p "$repo"
if [ -d "$src" ]; then
  copies="${COPIES:-1}"
  for k in $(seq 1 "$copies"); do
    dest="$repo"; [ "$copies" = 1 ] || dest="$repo/copy$k"
    mkdir -p "$dest"
    (cd "$src" && find . \( -name '*.md' -o -name '*.markdown' -o -name '*.mdx' \) -print0 | tar --null -T - -cf - | tar -xf - -C "$dest")
  done
else
  echo "no corpus at $src; generating 1500 docs" >&2
  para='INC allows automatically find better solution on Github. There is tiny accuracy drop with ONEDNN, and the the data set is big. See `code` and [a link](https://example.com).'
  for i in $(seq 1 1500); do
    { echo "# Doc $i"; echo; for _ in $(seq 1 $((10 + i % 20))); do echo "$para"; echo; done; } > "$repo/doc$i.md"
  done
fi
rules=()
if [ -n "${VALE_STYLES:-}" ]; then
  mkdir -p "$repo/styles"
  names=()
  for d in "$VALE_STYLES"/*/; do
    n="$(basename "$d")"; cp -r "$d" "$repo/styles/$n"; names+=("$n"); rules+=(--rule "$n.*")
  done
  [ "${#names[@]}" -gt 0 ] || { echo "no style folders in $VALE_STYLES" >&2; exit 2; }
  joined="$(printf '%s, ' "${names[@]}")"
  printf 'StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.md]\nBasedOnStyles = %s\n' "${joined%, }" > "$repo/.vale.ini"
  echo "Vale styles: ${joined%, } (only their rules)"
fi
cd "$repo"
git init -q . && git add -A && git -c user.name=bench -c user.email=bench@example.invalid commit -qm corpus
git status --short >/dev/null   # refresh the index, as any git command in a user's clone does
files=$(git ls-files | wc -l)
mb=$(git ls-files -z | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $src ($files docs, $(awk "BEGIN{printf \"%.2f\", $mb/1e6}") MB)"
run() { "$@" >/dev/null 2>"$work/err"; local code=$?; [ "$code" -le 1 ] || { echo "failed ($code): $*" >&2; cat "$work/err" >&2; exit 2; }; }
set +e
if [ "${COLD:-1}" != 0 ]; then
  /usr/bin/time -f "cold  docreview check --all: %e s wall, %U s user, %M KB max RSS" \
    "$bin" check --all ${rules[@]+"${rules[@]}"} --format json >/dev/null 2>"$work/err"
  tail -1 "$work/err"
else
  run "$bin" check --all ${rules[@]+"${rules[@]}"} --format json   # fills the cache
fi
set -e
/usr/bin/time -f "warm  docreview check --all: %e s wall, %M KB max RSS" "$bin" check --all ${rules[@]+"${rules[@]}"} --format json >/dev/null 2>"$work/err" || true
tail -1 "$work/err"
/usr/bin/time -f "      rg -c the:              %e s wall, %M KB max RSS" rg -c the . >/dev/null 2>"$work/err" || true
tail -1 "$work/err"
rs="${rules[*]:-}"; [ -z "$rs" ] || rs="$rs "
if command -v hyperfine >/dev/null; then
  hyperfine -N -i --warmup 3 --runs "${RUNS:-20}" \
    "$bin check --all ${rs}--format json" "$bin check --all${rs:+ ${rs% }}" "rg -c the ." 2>/dev/null | grep -E "Benchmark|Time|±|faster" || true
fi
