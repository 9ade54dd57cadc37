#!/usr/bin/env python3
"""ECB+ the way a user gets it: each of the 982 documents written as a .txt file (its first line, the first
sentence, is the title line), run through `parallax analyze DIR --json`, and B-cubed F1 of the stories it prints
against the gold events. Usage (from the repository root, after `dotnet build src/Parallax.App -c Release`):

    python3 tools/ecb-analyze/ecb_analyze.py [--keep DIR]

Prints B-cubed P/R/F1 over all 982 and over topics 23-45, the story count, and the articles analyze refused."""
import json, os, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
docs_path = os.path.join(root, "..", "shared", "benchmarks", "story-clustering", "ecbplus", "ecbplus_docs.jsonl")
docs = [json.loads(l) for l in open(docs_path, encoding="utf-8") if l.strip()]
folder = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else tempfile.mkdtemp(prefix="ecb-analyze-")
os.makedirs(folder, exist_ok=True)
for d in docs:
    with open(os.path.join(folder, d["doc_id"] + ".txt"), "w", encoding="utf-8") as f:
        f.write(d["text"] + "\n")

dll = os.path.join(root, "src", "Parallax.App", "bin", "Release", "net10.0", "parallax.dll")
run = subprocess.run(["dotnet", dll, "analyze", folder, "--json"], capture_output=True, text=True)
if run.returncode not in (0, 1) or not run.stdout.strip():
    sys.exit(f"analyze failed ({run.returncode}): {run.stderr[-2000:]}")
result = json.loads(run.stdout)
doc_of = {a["id"]: os.path.basename(a["path"])[:-4] for a in result["articles"]}
story = {}
for s in result["stories"]:
    for a in s["articles"]:
        story[doc_of[a]] = s["id"]

gold = {d["doc_id"]: d["event_cluster"] for d in docs}
topic = {d["doc_id"]: d["topic"] for d in docs}
# A document analyze refused (no article found) is its own story: it still counts, as it would for a user.
for d in docs:
    story.setdefault(d["doc_id"], "missing:" + d["doc_id"])


def bcubed(ids):
    by_story, by_gold = {}, {}
    for i in ids:
        by_story.setdefault(story[i], set()).add(i)
        by_gold.setdefault(gold[i], set()).add(i)
    p = r = 0.0
    for i in ids:
        s, g = by_story[story[i]], by_gold[gold[i]]
        both = len(s & g)
        p += both / len(s)
        r += both / len(g)
    p, r = p / len(ids), r / len(ids)
    return p, r, 2 * p * r / (p + r)


missing = sum(1 for d in docs if story[d["doc_id"]].startswith("missing:"))
for name, ids in (("all 982", list(gold)), ("topics 23-45", [i for i in gold if topic[i] >= 23])):
    p, r, f = bcubed(ids)
    print(f"analyze --json, ECB+ {name}: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
print(f"stories {len(result['stories'])}, articles {len(result['articles'])}, documents without an article {missing}")
