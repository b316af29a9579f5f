#!/usr/bin/env python3
"""Compares carepath's SSDA903 findings with the Python validator's on the same files.

    ssda903_compare.py PEER.json OURS.tsv RULES.csv

PEER.json: written by ../shared/bench/peer_903_driver.py --json (failures: table, 0-based row,
rule; summary: skipped and failed_to_run). OURS.tsv: bench_ssda903 --findings (rule, table,
1-based file line; the header is line 1, so row = line - 2). RULES.csv: `carepath rules --year Y
--format csv`. Compared: rules carepath implements that the peer ran to completion. Prints one
line per rule and a summary line `agreement <same>/<compared> rules`."""
import csv, json, sys
from collections import defaultdict

peer = json.load(open(sys.argv[1]))
ours = defaultdict(set)
for line in open(sys.argv[2]):
    rule, table, ln = line.rstrip("\n").split("\t")
    ours[rule].add((table, int(ln) - 2))
implemented = {r["code"] for r in csv.DictReader(open(sys.argv[3])) if r["implemented"] == "yes"}
not_run = set(peer["summary"]["skipped"]) | set(peer["summary"]["failed_to_run"])
theirs = defaultdict(set)
for f in peer["failures"]:
    theirs[f["rule"]].add((f["table"], f["row"]))
compared = sorted(implemented - not_run)
same = 0
for rule in compared:
    p, o = theirs[rule], ours[rule]
    ok = p == o
    same += ok
    if p or o:
        print(f"rule {rule:6} peer {len(p):7} carepath {len(o):7} both {len(p & o):7} "
              f"{'same' if ok else 'DIFFERENT'}")
print(f"not run by the peer (skipped: other tables; crashed): {len(not_run & implemented)} "
      f"of carepath's rules; crashed: {', '.join(sorted(peer['summary']['failed_to_run']))}")
print(f"agreement {same}/{len(compared)} rules")
