#!/usr/bin/env bash
# Builds the npm package in wasm/pkg: the .wasm, wasm-bindgen's glue for Node (CommonJS) and
# for browsers (ES module), TypeScript types, and package.json.
# Needs: the wasm32-unknown-unknown target, clang and llvm-ar (secp256k1's C code), and
# wasm-bindgen-cli at the same version as the wasm-bindgen crate (see .ci/run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
cd "$root"
export CC_wasm32_unknown_unknown="${CC_wasm32_unknown_unknown:-clang}"
export AR_wasm32_unknown_unknown="${AR_wasm32_unknown_unknown:-llvm-ar-14}"
# wasm32 has no 64x64->128 multiply: without this, secp256k1 emulates __int128 and verifies
# about 3x slower (measured: 896 us against 267 us per verified decode).
export CFLAGS_wasm32_unknown_unknown="${CFLAGS_wasm32_unknown_unknown:--DUSE_FORCE_WIDEMUL_INT64}"
cargo build -p lightning-bolt11-wasm --target wasm32-unknown-unknown --profile wasm
wasm="$root/target/wasm32-unknown-unknown/wasm/lightning_bolt11_wasm.wasm"
rm -rf "$here/pkg"
wasm-bindgen --target nodejs --out-dir "$here/pkg/node" --out-name lightning_bolt11 "$wasm"
wasm-bindgen --target web --out-dir "$here/pkg/web" --out-name lightning_bolt11 "$wasm"
# binaryen's optimiser, when installed, shaves another few per cent.
if command -v wasm-opt >/dev/null 2>&1; then
    for f in "$here"/pkg/*/lightning_bolt11_bg.wasm; do
        wasm-opt -O3 --enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals -o "$f" "$f"
    done
fi
cp "$here/types.d.ts" "$here/pkg/index.d.ts"
version="$(grep -m1 '^version' "$here/Cargo.toml" | cut -d'"' -f2)"
cat > "$here/pkg/package.json" <<JSON
{
  "name": "lightning-bolt11",
  "version": "$version",
  "description": "Decode, verify, check and make BOLT-11 Lightning invoices (Rust, WebAssembly)",
  "license": "MIT OR Apache-2.0",
  "types": "./index.d.ts",
  "main": "./node/lightning_bolt11.js",
  "exports": {
    ".": {
      "types": "./index.d.ts",
      "node": "./node/lightning_bolt11.js",
      "default": "./web/lightning_bolt11.js"
    }
  },
  "files": ["node/", "web/", "index.d.ts"]
}
JSON
ls -l "$here/pkg/node/lightning_bolt11_bg.wasm"
