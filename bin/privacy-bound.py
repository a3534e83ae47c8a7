#!/usr/bin/env python3
"""Upper bound on what any (eps, delta)-DP release of the rewrite table can keep of a non-private model's table wins.

Group privacy: a rewrite s -> t that only its own customers' data can name, seen by n customers, is released by an
(eps, delta)-differentially private mechanism (customer-level) with probability at most
min(1, delta * (e^(n*eps) - 1) / (e^eps - 1)), whatever the contribution bounds (M, L) and the mechanism. Weighting
each of the non-private model's table rewrites in a replay by that probability, with n = the distinct customers whose
chains paired s with t in the training log (column "customers" of the P rows in MODEL/stats/stats.tsv.gz), bounds the
expected table rewrites a private model can still fire on the same turns.

Usage: bin/privacy-bound.py MODEL_DIR DECISIONS.jsonl EVAL_LOG.jsonl.gz [EPS ...] [--delta D]
(DECISIONS from `./rewrite replay --model MODEL_DIR --logs EVAL_LOG --decisions DECISIONS.jsonl --report r.json`.)
"""
import collections
import gzip
import json
import math
import sys


def main(argv):
    delta = 1e-6
    if "--delta" in argv:
        i = argv.index("--delta")
        delta = float(argv[i + 1])
        argv = argv[:i] + argv[i + 2:]
    model, decisions, log = argv[:3]
    epsilons = [float(e) for e in argv[3:]] or [0.5, 1, 2, 4]
    utterance = {}
    with gzip.open(log, "rt") as f:
        for line in f:
            e = json.loads(line)
            utterance[e["eventId"]] = e["utterance"]
    fired = collections.Counter()
    with open(decisions) as f:
        for line in f:
            d = json.loads(line)
            if d["source"] == "PRECOMPUTED":
                fired[(utterance[d["eventId"]], d["rewrite"])] += 1
    customers = {}
    with gzip.open(model + "/stats/stats.tsv.gz", "rt") as f:
        for line in f:
            p = line.rstrip("\n").split("\t")
            if p[0] == "P":
                customers[(p[1], p[2])] = int(p[6])
    total = sum(fired.values())
    print(f"table rewrites fired: {total} on {len(fired)} distinct rewrites; delta = {delta:g}")
    by_n = collections.Counter()
    for k, c in fired.items():
        by_n[customers.get(k, 0)] += c
    for eps in epsilons:
        bound = sum(c * min(1.0, delta * math.expm1(n * eps) / math.expm1(eps)) for n, c in by_n.items())
        half = next(n for n in range(1, 10_000) if delta * math.expm1(n * eps) / math.expm1(eps) >= 0.5)
        print(f"eps {eps:g}: at most {bound:.0f} of {total} ({100 * bound / total:.1f}%) expected; "
              f"released with probability >= 1/2 only from n = {half} customers")


if __name__ == "__main__":
    main(sys.argv[1:])
