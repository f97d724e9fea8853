#!/usr/bin/env python3
"""Turns the last `cargo bench --bench compare` run into the README's table of ratios.

Reads the medians criterion wrote under target/criterion/ and prints Markdown."""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/criterion")


def median_ns(group, name):
    path = root / group / name / "new" / "estimates.json"
    return json.loads(path.read_text())["median"]["point_estimate"]


def fmt(ns):
    return f"{ns / 1000:.1f} µs" if ns >= 1000 else f"{ns:.0f} ns"


rows = [
    ("parse, no signature (borrowed view)", "decode_parse", "lightning_invoice", ("floor", "bech32_checksum"), 0.15, 1.0),
    ("full decode, payee recovered", "decode_full", "lightning_invoice", ("floor", "recover"), 0.90, None),
    ("encode to a String", "encode", "lightning_invoice", None, 0.20, None),
    ("build and sign: `.sign(&key)` (README)", "sign", "lightning_invoice", ("floor", "sign"), 1.0, None),
]
print("| operation (whole input set) | ours | lightning-invoice 0.34 | ratio (goal) | floor | ratio to floor (goal) |")
print("|---|---|---|---|---|---|")
rows.append(("build and sign: `.sign_with_keypair(..)`", "sign", "lightning_invoice", ("floor", "sign"), None, 1.10))
for i, (label, group, theirs, floor, goal, floor_goal) in enumerate(rows):
    o, t = median_ns(group, "ours_keypair" if "keypair" in label else "ours"), median_ns(group, theirs)
    ratio = f"{o / t:.3f}" + (f" (≤ {goal})" if goal else "")
    if floor:
        f = median_ns(*floor)
        fr = f"{o / f:.2f}" + (f" (≤ {floor_goal})" if floor_goal else "")
        fcol = f"{floor[1]}: {fmt(f)}"
    else:
        fr, fcol = "", ""
    print(f"| {label} | {fmt(o)} | {fmt(t)} | {ratio} | {fcol} | {fr} |")

adv = root / "adversarial"
if adv.exists():
    p, u = median_ns("adversarial", "parse_lenient"), median_ns("adversarial", "unknown_fields")
    print(f"\nworst case for unknown_fields() (7 KB of repeated `x`, lenient): parse {fmt(p)}, unknown_fields {fmt(u)}, ratio {u / p:.2f}")
    for name, what in [("input_base58_bare", "bare"), ("input_base58_uri", "as a bitcoin: address")]:
        if (adv / name).exists():
            i = median_ns("adversarial", name)
            print(f"PaymentInput on 7 KB of base58 text, {what}: {fmt(i)}, {i / p:.2f} x the parse of a 7 KB invoice")

if (root / "batch").exists():
    n = 1024
    rec = median_ns("batch", "recover_each") / n
    print("\n| batch of 1024 | per invoice | invoices/s |")
    print("|---|---|---|")
    for name in ["verified_1", "verified_all", "unverified_1", "unverified_all", "recover_each"]:
        per = median_ns("batch", name) / n
        print(f"| {name} | {fmt(per)} | {1e9 / per:,.0f} |")
    cores = __import__("os").cpu_count()
    va, ua = median_ns("batch", "verified_all") / n, median_ns("batch", "unverified_all") / n
    print(f"\nverified, all {cores} cores: per-invoice wall × cores = {va * cores / rec:.2f} × one recovery (goal ≤ 1.5); "
          f"unverified is {va / ua:.1f}× as fast (goal ≥ 10)")

lengths = sorted(int(p.name) for p in (root / "scaling_parse" / "ours").iterdir() if p.name.isdigit())
if lengths:
    per_char = {n: median_ns("scaling_parse", f"ours/{n}") / n for n in lengths}
    print()
    print("| invoice length | parse time | per character |")
    print("|---|---|---|")
    for n in lengths:
        print(f"| {n} | {fmt(per_char[n] * n)} | {per_char[n]:.2f} ns |")
    print(f"\nper-character cost at {lengths[-1]} vs {lengths[0]}: {per_char[lengths[-1]] / per_char[lengths[0]]:.2f} (goal ≤ 1.2)")
