#!/usr/bin/env bash
# The crate as crates.io receives it: `cargo package` lists and builds the archive, then the
# archive's own tests run from a copy unpacked elsewhere, on the lockfile it ships. A file
# the tests need but `include` leaves out fails here, not for the first user who runs them.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cargo package --locked --allow-dirty --quiet
version="$(grep -m1 '^version' Cargo.toml | cut -d'"' -f2)"
crate="$root/target/package/lightning-bolt11-$version.crate"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
tar -xzf "$crate" -C "$work"
echo "packaged: $(tar -tzf "$crate" | wc -l) files, $(du -k "$crate" | cut -f1) KB"
# The archive's tests, built in a target directory of their own (kept between runs).
CARGO_TARGET_DIR="$root/target/package-test" cargo test --quiet --locked --all-features \
    --manifest-path "$work/lightning-bolt11-$version/Cargo.toml"
echo "package: ok"
