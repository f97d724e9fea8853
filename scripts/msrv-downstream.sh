#!/usr/bin/env bash
# The rust-version a user meets (issue 19, item 11): a new crate with `rust-version = "1.63"`
# that depends on the packaged crate (as crates.io would serve it) with every library feature,
# resolved afresh by cargo's MSRV-aware resolver. Every normal and build dependency the
# resolver picks must declare 1.63 or less; and with rust 1.63 installed, it must build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
msrv="$(grep -m1 '^rust-version' "$root/Cargo.toml" | cut -d'"' -f2)"
version="$(grep -m1 '^version' "$root/Cargo.toml" | cut -d'"' -f2)"
work="${MSRV_WORK_DIR:-$root/target/msrv-downstream}"
rm -rf "$work"
mkdir -p "$work/user/src"
(cd "$root" && cargo package --locked --allow-dirty --quiet --no-verify -p lightning-bolt11)
tar -xzf "$root/target/package/lightning-bolt11-$version.crate" -C "$work"
features="$(python3 - "$root/Cargo.toml" <<'PY'
import re, sys
section = open(sys.argv[1]).read().split("[features]", 1)[1].split("\n[", 1)[0]
print(", ".join(f'"{m.group(1)}"' for m in re.finditer(r'^([A-Za-z0-9_-]+)\s*=', section, re.M) if m.group(1) != "default"))
PY
)"
cat > "$work/user/Cargo.toml" <<TOML
[package]
name = "msrv-user"
version = "0.0.0"
edition = "2021"
rust-version = "$msrv"
publish = false

[dependencies]
lightning-bolt11 = { path = "../lightning-bolt11-$version", features = [$features] }

[workspace]
TOML
echo 'fn main() { let _ = lightning_bolt11::Network::Bitcoin; }' > "$work/user/src/main.rs"
cd "$work/user"
CARGO_RESOLVER_INCOMPATIBLE_RUST_VERSIONS=fallback cargo generate-lockfile --quiet
# The host's dependencies: serde_core names serde_derive under cfg(any()), which never holds.
cargo tree --locked -e normal,build --prefix none --format '{p}' | sort -u > tree.txt
cargo metadata --locked --format-version 1 | python3 -c '
import json, sys
msrv = tuple(int(p) for p in sys.argv[1].split("."))
deps = {tuple(l.split()[:2]) for l in open("tree.txt") if len(l.split()) >= 2}
meta = json.load(sys.stdin)
def v(t): return tuple(int(p) for p in t.split(".")[:3])
bad = ["%s %s needs rust %s" % (p["name"], p["version"], p["rust_version"]) for p in meta["packages"]
       if (p["name"], "v" + p["version"]) in deps and p.get("rust_version") and v(p["rust_version"]) > msrv]
if bad:
    print("msrv-downstream: a user on rust " + sys.argv[1] + " gets dependencies that need more:")
    print("\n".join("  " + b for b in bad))
    sys.exit(1)
print(f"msrv-downstream: {len(deps)} dependencies, every one declares rust {sys.argv[1]} or less")
' "$msrv"
if rustup toolchain list | grep -q "^$msrv" || rustup toolchain install "$msrv" --profile minimal >/dev/null 2>&1; then
    # Old cargo has no sparse index: the locked sources are vendored by today's cargo.
    cargo vendor --locked --versioned-dirs "$work/vendor" >/dev/null
    cargo "+$msrv" build --locked --offline \
        --config 'source.crates-io.replace-with="vendored"' --config "source.vendored.directory=\"$work/vendor\""
    echo "msrv-downstream: built with rust $msrv"
else
    echo "msrv-downstream: SKIPPED the build: rust $msrv is not installed and cannot be fetched here" >&2
fi
