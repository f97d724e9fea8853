#!/usr/bin/env python3
"""Builds the library with every combination of its features, warnings denied (the tool,
its own crate, builds in the clippy and test steps).

Combinations that enable the same features once implications are followed (`std` brings
`alloc`, ...) are built once. Features come from Cargo.toml itself, so a
new one is covered without editing this script."""
import itertools
import json
import os
import subprocess
import sys

meta = json.loads(subprocess.check_output(["cargo", "metadata", "--format-version", "1", "--no-deps"]))
package = next(p for p in meta["packages"] if p["name"] == "lightning-bolt11")
graph = {name: [d for d in deps if not d.startswith("dep:") and "/" not in d and "?" not in d]
         for name, deps in package["features"].items() if name != "default"}
features = sorted(graph)


def closure(chosen):
    seen, todo = set(), list(chosen)
    while todo:
        f = todo.pop()
        if f not in seen:
            seen.add(f)
            todo.extend(graph.get(f, []))
    return frozenset(seen)


combos = sorted({closure(c) for n in range(len(features) + 1) for c in itertools.combinations(features, n)},
                key=lambda s: (len(s), sorted(s)))
env = dict(os.environ, RUSTFLAGS="-D warnings")
print(f"{len(features)} features, {len(combos)} distinct combinations")
for combo in combos:
    names = ",".join(sorted(combo))
    print(f"  [{names or 'none'}]", flush=True)
    cmd = ["cargo", "check", "--quiet", "--locked", "-p", "lightning-bolt11", "--lib", "--bins", "--no-default-features"]
    if names:
        cmd += ["--features", names]
    if subprocess.run(cmd, env=env).returncode != 0:
        sys.exit(f"feature combination [{names}] does not build without warnings")
print("every combination builds without warnings")
