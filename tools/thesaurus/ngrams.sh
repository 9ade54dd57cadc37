#!/usr/bin/env bash
# Writes the n-grams of the CMU Sphinx generic US English language model (Debian: pocketsphinx-en-us, BSD-2) to
# stdout as text, one a line: order, log10 probability, log10 back-off, words (tab-separated).
# Usage: ngrams.sh WORK_DIR. Needs apt-get (bookworm sources), curl and gcc. The model is a binary trie, and
# Sphinx's own converter (sphinx_lm_convert) aborts on this model, whose header counts six bigrams more than its trie
# holds (cmusphinx/pocketsphinx#502); lmdump.c walks the trie with the library's own reader instead.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$1"
version="0.8+5prealpha+1"
mkdir -p "$work/deb"
(cd "$work" && apt-get download -q "pocketsphinx-en-us=$version-15" "libsphinxbase3=$version-16" >/dev/null)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/deb"; done
# lmdump.c needs the library's internal headers, which only its source has.
curl -sSf -o "$work/sphinxbase.tar.gz" \
  "http://deb.debian.org/debian/pool/main/s/sphinxbase/sphinxbase_$version.orig.tar.gz"
tar xzf "$work/sphinxbase.tar.gz" -C "$work"
src="$work/sphinxbase-5prealpha"
lib="$(dirname "$(find "$work/deb" -name libsphinxbase.so.3 | head -n 1)")"
ln -sf "$lib/libsphinxbase.so.3" "$work/libsphinxbase.so"
gcc -O2 -o "$work/lmdump" "$here/lmdump.c" -I"$src/include" -I"$src/src/libsphinxbase/lm" -L"$work" -lsphinxbase -lm
LD_LIBRARY_PATH="$lib" "$work/lmdump" "$work/deb/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
