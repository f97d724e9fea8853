#!/usr/bin/env python3
"""Fails when a locked normal or build dependency declares a newer `rust-version` than ours.

Which packages are dependencies comes from `cargo tree` (normal and build edges only, every
feature, every target), their declared `rust-version` from `cargo metadata`, both run on the
committed lockfile (`--locked`). Dev-dependencies are left out: users never build them.
"""
import json
import subprocess
import sys


def version(text):
    parts = [int(p) for p in text.split(".")[:3]]
    return tuple(parts + [0] * (3 - len(parts)))


def main():
    meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--locked"]))
    declared = {(p["name"], p["version"]): p.get("rust_version") for p in meta["packages"]}
    ours = next(p for p in meta["packages"] if p["name"] == "lightning-bolt11")["rust_version"]
    tree = subprocess.check_output(
        ["cargo", "tree", "--locked", "-p", "lightning-bolt11", "--all-features", "-e", "normal,build",
         "--target", "all", "--prefix", "none", "--format", "{p}"],
        text=True,
    )
    deps = set()
    for line in tree.splitlines():
        fields = line.split()
        if len(fields) >= 2 and fields[1].startswith("v"):
            deps.add((fields[0], fields[1][1:]))
    too_new = sorted(
        f"{name} {ver} declares rust-version {declared[(name, ver)]}"
        for name, ver in deps
        if declared.get((name, ver)) and version(declared[(name, ver)]) > version(ours)
    )
    if too_new:
        print(f"rust-version is {ours}, but these locked dependencies need more:")
        print("\n".join("  " + t for t in too_new))
        sys.exit(1)
    print(f"rust-version {ours}: all {len(deps)} locked normal and build dependencies declare it or less")


if __name__ == "__main__":
    main()
