#!/usr/bin/env bash
# Rebuilds src/core/rules/data/english-words.fst, the longer list of English words spelling asks before it
# calls a word unknown: SCOWL's huge American and large British word lists as Debian packages them
# (wamerican-huge, wbritish-large), lower-case words only, minus what harper's dictionary already knows and
# minus known misspellings. See src/core/rules/data/english-words.md.
#
# Needs: apt-get (Debian or Ubuntu; no root needed to download), dpkg-deb, iconv, cargo.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
apt-get download wamerican-huge wbritish-large >/dev/null
for deb in *.deb; do dpkg-deb -x "$deb" x; done
cat x/usr/share/dict/american-english-huge x/usr/share/dict/british-english-large \
  | iconv -f latin1 -t utf-8 | grep -E '^[a-z]+$' | LC_ALL=C sort -u > words.txt
echo "$(wc -l < words.txt) lower-case words in the source lists"
cp x/usr/share/doc/wamerican-huge/copyright "$here/src/core/rules/data/english-words.COPYRIGHT"
cd "$here"
DOCREVIEW_WORD_LIST="$work/words.txt" cargo test --release --lib english_word_list -- --ignored --nocapture \
  | grep -E "words$"
