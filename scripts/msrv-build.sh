#!/usr/bin/env bash
# Builds the crate with the oldest compilers it claims, from the committed lockfile:
#   - the library, every library feature: rust-version (Cargo.toml);
#   - the `bolt11` tool (`cli/`, its own crate): 1.70 (std::io::IsTerminal);
#   - no_std on an embedded target: 1.81 (thiserror 2 needs core::error::Error there).
# Old cargo cannot read this workspace whole (its dev-dependencies and the wasm member include
# crates of edition 2024, and cargo before 1.68 has no sparse index), so the package alone,
# without dev-dependencies, is copied out and its locked dependencies vendored.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
msrv="$(grep -m1 '^rust-version' "$root/Cargo.toml" | cut -d'"' -f2)"
work="${MSRV_WORK_DIR:-$root/target/msrv}"
rm -rf "$work/pkg"
mkdir -p "$work/pkg"
cp -r "$root/src" "$root/Cargo.lock" "$root/README.md" "$root/.cargo" "$work/pkg/"
[ -d "$root/docs" ] && cp -r "$root/docs" "$work/pkg/"
# The tool, beside the library as in the repository (its dependency is `path = ".."`), without
# its dev-dependencies.
mkdir -p "$work/pkg/cli"
cp -r "$root/cli/src" "$root/cli/README.md" "$work/pkg/cli/"
sed '/^\[dev-dependencies\]/,$d' "$root/cli/Cargo.toml" > "$work/pkg/cli/Cargo.toml"
# The manifest without the sections only a workspace, tests or benches need.
python3 - "$root/Cargo.toml" "$work/pkg/Cargo.toml" <<'EOF'
import re, sys
skip, out = False, []
for line in open(sys.argv[1]).read().split("\n"):
    m = re.match(r"^\[+([^\]]+)\]+", line)
    if m:
        name = m.group(1)
        skip = name in ("workspace", "dev-dependencies", "bench", "test", "example") or name.startswith("profile")
    if not skip:
        out.append(line)
# Its own workspace, though it sits inside ours.
open(sys.argv[2], "w").write("\n".join(out) + '\n[workspace]\nmembers = [".", "cli"]\n')
EOF
cd "$work/pkg"
# The lockfile loses the entries only the workspace needed; every other version stays as locked.
cargo vendor --versioned-dirs "$work/vendor" >/dev/null
vendored=(--config 'source.crates-io.replace-with="vendored"' --config "source.vendored.directory=\"$work/vendor\"")
# The old compilers are fetched when missing. A machine that cannot fetch them (no access to
# rustup's servers) skips this build and says so: msrv-deps.py and clippy's incompatible_msrv
# lint, which need no old compiler, still hold the line there.
for tc in "$msrv" 1.70 1.81; do
    if ! rustup toolchain list | grep -q "^$tc" && ! rustup toolchain install "$tc" --profile minimal >/dev/null; then
        echo "msrv: SKIPPED: rust $tc is not installed and cannot be fetched here" >&2
        exit 0
    fi
done
if ! rustup target add --toolchain 1.81 thumbv7em-none-eabihf >/dev/null 2>&1; then
    echo "msrv: SKIPPED: the thumbv7em-none-eabihf target for rust 1.81 cannot be fetched here" >&2
    exit 0
fi

lib_features="$(python3 - "$root/Cargo.toml" <<'EOF'
import re, sys
text = open(sys.argv[1]).read()
section = text.split("[features]", 1)[1].split("\n[", 1)[0]
names = [m.group(1) for m in re.finditer(r'^([A-Za-z0-9_-]+)\s*=', section, re.M)]
print(",".join(n for n in names if n != "default"))
EOF
)"
echo "rust $msrv: the library with $lib_features"
RUSTFLAGS="-D warnings" cargo "+$msrv" check --offline "${vendored[@]}" -p lightning-bolt11 --lib --features "$lib_features"
RUSTFLAGS="-D warnings" cargo "+$msrv" check --offline "${vendored[@]}" -p lightning-bolt11 --lib --no-default-features --features alloc
echo "rust 1.70: the bolt11 tool"
RUSTFLAGS="-D warnings" cargo +1.70 check --offline "${vendored[@]}" -p lightning-bolt11-cli --bins
echo "rust 1.81: no_std on thumbv7em-none-eabihf"
RUSTFLAGS="-D warnings" cargo +1.81 build --offline "${vendored[@]}" -p lightning-bolt11 --lib --no-default-features --target thumbv7em-none-eabihf
echo "msrv: ok"
