#!/usr/bin/env python3
"""Counts, from a built Canadian site's charter.json, what docs/canada.md reports.

Usage: python3 examples/canada/stats.py /tmp/canada-site/charter.json
"""
import json
import sys
from collections import Counter

charter = json.load(open(sys.argv[1], encoding="utf-8"))
latest = charter["latest_complete_period"]
verdicts = Counter()
few_missed = 0
rounding = 0
gaps_in_latest = 0
promises_with_gaps = 0
measured = 0
for p in charter["promises"]:
    if not p["is_measured"]:
        continue
    measured += 1
    if any(x["verdict"] == "NO_DATA" for x in p["periods"]):
        promises_with_gaps += 1
    for x in p["periods"]:
        if x["period"] != latest:
            continue
        verdicts[x["verdict"]] += 1
        if x["verdict"] == "NO_DATA":
            gaps_in_latest += 1
        if x["verdict"] == "MISSED" and x["few_cases"]:
            few_missed += 1
        if x["verdict"] == "MISSED" and x["display"] and not x["display"][0].isdigit():
            rounding += 1
print(f"latest complete period: {latest}")
print(f"measured promises: {measured:,}")
for v in ["MET", "MISSED", "TOO_FEW_TO_TELL", "NO_CASES", "NO_DATA"]:
    print(f"{latest} {v}: {verdicts[v]:,}")
print(f"{latest} missed on fewer cases than can tell a result: {few_missed:,}")
print(f"{latest} missed, and shown in words because rounding would cross the target: {rounding:,}")
print(f"promises with at least one year of no figures: {promises_with_gaps:,}")
