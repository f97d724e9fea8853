#!/usr/bin/env bash
# Builds the npm package in wasm/pkg: the .wasm, wasm-bindgen's glue for Node (CommonJS) and
# for browsers (ES module), TypeScript types, and package.json.
# Needs: the wasm32-unknown-unknown target, clang and llvm-ar (secp256k1's C code),
# wasm-bindgen-cli at the same version as the wasm-bindgen crate, and `npm ci` run here (for
# esbuild); binaryen's wasm-opt and nightly with rust-src make the browser builds smaller
# (see .ci/run).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
esbuild="$here/node_modules/.bin/esbuild"
if [ ! -x "$esbuild" ]; then
    echo "build.sh: esbuild is missing: run npm ci in wasm/ first" >&2
    exit 1
fi
cd "$root"
export CC_wasm32_unknown_unknown="${CC_wasm32_unknown_unknown:-clang}"
export AR_wasm32_unknown_unknown="${AR_wasm32_unknown_unknown:-llvm-ar-14}"
# wasm32 has no 64x64->128 multiply: without this, secp256k1 emulates __int128 and verifies
# about 3x slower (measured: 896 us against 267 us per verified decode).
export CFLAGS_wasm32_unknown_unknown="${CFLAGS_wasm32_unknown_unknown:--DUSE_FORCE_WIDEMUL_INT64}"
# Three builds of the one crate:
# - node/: everything (decode, check, makeInvoice), tuned for speed: a 12-bit ecmult window
#   (128 KB of tables; the 4-bit one makes recovery take 1.19x as long) and the 4-bit signing table.
# - web/: everything, for browsers, tuned for size: secp256k1's `lowmemory` tables, Rust at
#   opt-level "s" (measured in one run: 172 KB gzip against 183 KB at opt-level 3, decoding
#   unverified 1.4x as slow; "z" saves 2 KB more and is 2x as slow).
# - web-decode/: decode and decodeUnverified only, for pages that only show invoices: Rust at
#   opt-level 3, since decoding is all it does (1.3 KB gzip more than "s", and 1.4x as fast).
# secp256k1's C stays at -O3 everywhere: it is the verified decode's time, and at -Os the
#   linker keeps the 32 KB signing table in the decode-only build.
# The browser builds use nightly's build-std with panic=immediate-abort when it is installed
# (`rustup toolchain install nightly --component rust-src`): no panic machinery or messages
# (measured at opt-level 3: web/ 192.5 -> 182.7 KB gzip, web-decode/ 58.3 -> 51.7 KB). Without it
# they are built with stable, larger, and this script says so.
# The Node build keeps its own target directory so that the C library is not rebuilt for
# each flavour.
node_dir="$root/target/wasm-node"
CFLAGS_wasm32_unknown_unknown="$CFLAGS_wasm32_unknown_unknown -O3 -UECMULT_WINDOW_SIZE -DECMULT_WINDOW_SIZE=12 -UECMULT_GEN_PREC_BITS -DECMULT_GEN_PREC_BITS=4" \
    cargo build -p lightning-bolt11-wasm --features bolt11,sign --target wasm32-unknown-unknown --profile wasm --target-dir "$node_dir"
export CFLAGS_wasm32_unknown_unknown="$CFLAGS_wasm32_unknown_unknown -O3"
web_dir="$root/target/wasm-web"
nightly="${WASM_NIGHTLY:-nightly}"
# Builds the browser flavour: $1 is the Rust opt-level, the rest cargo's feature arguments.
build_web() {
    local opt="$1"
    shift
    if [ -z "${WASM_STABLE:-}" ] && rustup run "$nightly" cargo --version >/dev/null 2>&1 \
        && CARGO_PROFILE_WASM_SMALL_OPT_LEVEL="$opt" RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
            cargo "+$nightly" build -Zbuild-std=std,panic_abort -p lightning-bolt11-wasm "$@" \
            --target wasm32-unknown-unknown --profile wasm-small --target-dir "$web_dir/nightly"; then
        built="$web_dir/nightly/wasm32-unknown-unknown/wasm-small/lightning_bolt11_wasm.wasm"
    else
        echo "build.sh: no nightly build-std ($nightly with rust-src): building $* with stable, larger" >&2
        CARGO_PROFILE_WASM_SMALL_OPT_LEVEL="$opt" \
            cargo build -p lightning-bolt11-wasm "$@" --target wasm32-unknown-unknown --profile wasm-small --target-dir "$web_dir/stable"
        built="$web_dir/stable/wasm32-unknown-unknown/wasm-small/lightning_bolt11_wasm.wasm"
    fi
}
rm -rf "$here/pkg"
mkdir -p "$here/pkg"
wasm-bindgen --target nodejs --out-dir "$here/pkg/node" --out-name lightning_bolt11 \
    "$node_dir/wasm32-unknown-unknown/wasm/lightning_bolt11_wasm.wasm"
build_web s
wasm-bindgen --target web --out-dir "$here/pkg/web" --out-name lightning_bolt11 "$built"
build_web 3 --no-default-features
wasm-bindgen --target web --out-dir "$here/pkg/web-decode" --out-name lightning_bolt11 "$built"
# - web-bolt11/: `decode` and the amount helpers of the bolt11 drop-in (`lightning-bolt11/bolt11`),
#   as web-decode/ is built, with the drop-in's record instead of the API's.
build_web 3 --no-default-features --features bolt11
wasm-bindgen --target web --out-dir "$here/pkg/web-bolt11" --out-name lightning_bolt11 "$built"
# - web-sign/: `encode` and `sign` of the bolt11 drop-in (builder and signing, no request APIs),
#   loaded only by pages that import them.
build_web s --no-default-features --features sign
wasm-bindgen --target web --out-dir "$here/pkg/web-sign" --out-name lightning_bolt11 "$built"
# binaryen's optimiser, when installed: -O3 for Node; for browsers, whichever of -Oz and -O3
# gzips smaller (they differ by under 1%, not always the same way).
if command -v wasm-opt >/dev/null 2>&1; then
    features=(--enable-bulk-memory --enable-sign-ext --enable-nontrapping-float-to-int --enable-mutable-globals)
    # secp256k1-sys defines C-API functions with #[no_mangle] (context_create and the like), so
    # the linker exports them, and what they reach stays: in the decode-only build, the code
    # that creates a context and its SHA-256 self-test (about 2.3 KB gzip), which decoding
    # never runs (it verifies with libsecp256k1's static context). The glue calls none of
    # them: binaryen's metadce drops every export but the glue's.
    if command -v wasm-metadce >/dev/null 2>&1; then
        for dir in node web web-decode web-bolt11 web-sign; do
            f="$here/pkg/$dir/lightning_bolt11_bg.wasm"
            node -e '
                const fs = require("fs");
                const exports = WebAssembly.Module.exports(new WebAssembly.Module(fs.readFileSync(process.argv[1])));
                const roots = exports.filter((e) => !e.name.startsWith("rustsecp256k1_"))
                    .map((e) => ({ name: "export:" + e.name, export: e.name, root: true }));
                fs.writeFileSync(process.argv[2], JSON.stringify(roots));' "$f" "$f.graph"
            wasm-metadce "${features[@]}" -f "$f.graph" -o "$f" "$f" >/dev/null
            rm "$f.graph"
        done
    fi
    wasm-opt -O3 "${features[@]}" -o "$here/pkg/node/lightning_bolt11_bg.wasm" "$here/pkg/node/lightning_bolt11_bg.wasm"
    for dir in web web-decode web-bolt11 web-sign; do
        f="$here/pkg/$dir/lightning_bolt11_bg.wasm"
        # Rust's data and stack start at 1 MiB: nothing lives below 1 KiB, which lets binaryen
        # fold address offsets (about 500 bytes gzip off each browser build); the producers and
        # target-features sections are for tools, not browsers.
        small=(--low-memory-unused --strip-producers --strip-target-features --converge)
        wasm-opt -Oz "${small[@]}" "${features[@]}" -o "$f.z" "$f"
        wasm-opt -O3 "${small[@]}" "${features[@]}" -o "$f.3" "$f"
        if [ "$(gzip -9c "$f.z" | wc -c)" -le "$(gzip -9c "$f.3" | wc -c)" ]; then mv "$f.z" "$f"; rm "$f.3"; else mv "$f.3" "$f"; rm "$f.z"; fi
    done
fi
# The package's own entry points around wasm-bindgen's glue (js/record.js, js/api.js) and the
# bolt11 drop-in's (js/bolt11.js): Node loads the .wasm synchronously, so both are usable right
# after `require`.
{
    echo "'use strict';"
    echo "// Generated by build.sh from js/record.js and js/api.js."
    echo "const FULL = true;"
    cat "$here/js/record.js" "$here/js/api.js"
    echo "const a = api(require('./lightning_bolt11.js'));"
    # One assignment per name, so that Node's ESM loader sees them as named exports.
    for name in decode decodeUnverified decodeJson check makeInvoice parseInput printable; do
        echo "exports.$name = a.$name;"
    done
    # Node loads the .wasm in require(): init() is there so that code written for browsers runs.
    echo "exports.init = async () => {};"
} > "$here/pkg/node/index.cjs"
{
    echo "'use strict';"
    echo "// Generated by build.sh from js/record.js and js/bolt11.js."
    cat "$here/js/record.js" "$here/js/bolt11.js"
    echo "const glue = require('./lightning_bolt11.js');"
    echo "const reader = recordReader(glue);"
    echo "const d = bolt11Decoder(glue, reader);"
    echo "const e = bolt11Encoder(glue, reader.error);"
    for name in decode satToHrp millisatToHrp hrpToSat hrpToMillisat; do echo "exports.$name = d.$name;"; done
    for name in encode sign; do echo "exports.$name = e.$name;"; done
} > "$here/pkg/node/bolt11.cjs"
# wasm-bindgen's browser glue for one build, its exports made private to the module it is
# joined into (`init` stays, as __wbg_init).
glue() {
    sed -e 's/^export function /function /' -e '/^export { initSync };$/d' -e '/^export default __wbg_init;$/d' \
        "$here/pkg/$1/lightning_bolt11.js"
}
# $1 the module; the rest esbuild's further options (`--define:FULL=false`: js/api.js for the
# decode-only build).
minify() {
    local file="$1"
    shift
    "$esbuild" "$file" --minify --format=esm --target=es2022 --log-level=warning --allow-overwrite "$@" --outfile="$file"
}
# The bolt11 drop-in in browsers: decoding on web-bolt11/, encoding and signing on
# web-sign/, each a module that loads its .wasm when imported (top-level await: no init() to
# call), joined by bolt11/index.js. A page that imports only `decode` carries no signing code.
{
    echo "// Generated by build.sh from wasm-bindgen's glue, js/record.js and js/bolt11.js."
    glue web-bolt11
    cat "$here/js/record.js" "$here/js/bolt11.js"
    echo "await __wbg_init();"
    echo "const glue = { inputBuffer, decodeInput, recordHeader, wasmMemory, amountText };"
    echo "const d = bolt11Decoder(glue, recordReader(glue));"
    echo "export const { decode, satToHrp, millisatToHrp, hrpToSat, hrpToMillisat } = d;"
} > "$here/pkg/web-bolt11/index.js"
rm "$here/pkg/web-bolt11/lightning_bolt11.js"
{
    echo "// Generated by build.sh from wasm-bindgen's glue, js/record.js and js/bolt11.js."
    glue web-sign
    cat "$here/js/record.js" "$here/js/bolt11.js"
    echo "await __wbg_init();"
    echo "const e = bolt11Encoder({ encodeStart, encodeField, encodeFinish, publicKeyOf, addressParts }, recordReader({}).error);"
    echo "export const { encode, sign } = e;"
} > "$here/pkg/web-sign/index.js"
rm "$here/pkg/web-sign/lightning_bolt11.js"
minify "$here/pkg/web-bolt11/index.js"
echo '{ "type": "module", "sideEffects": false }' > "$here/pkg/web-bolt11/package.json"
minify "$here/pkg/web-sign/index.js"
echo '{ "type": "module", "sideEffects": false }' > "$here/pkg/web-sign/package.json"
mkdir -p "$here/pkg/bolt11"
cat > "$here/pkg/bolt11/index.js" <<'JS'
// bitcoinjs' bolt11 1.4.1 API on lightning-bolt11 (browsers): decoding and the amount helpers
// from the decode-only build, encode and sign from web-sign/ (left out of bundles that do not
// import them).
export { decode, satToHrp, millisatToHrp, hrpToSat, hrpToMillisat } from '../web-bolt11/index.js';
export { encode, sign } from '../web-sign/index.js';
JS
echo '{ "type": "module", "sideEffects": false }' > "$here/pkg/bolt11/package.json"

# Browsers: one module, glue and API together, so that a page waits for one script, not for
# a chain of imports. The glue's own functions stay private to the module; `init` (its
# default export) compiles the .wasm while it downloads (instantiateStreaming).
for dir in web web-decode; do
    {
        echo "// Generated by build.sh from wasm-bindgen's glue, js/record.js and js/api.js."
        glue "$dir"
        cat "$here/js/record.js" "$here/js/api.js"
        echo "const a = api({ inputBuffer, decodeInput, recordHeader, wasmMemory,"
        echo "  rawParseInput: typeof rawParseInput === 'function' ? rawParseInput : undefined,"
        echo "  rawDecodeJson: typeof rawDecodeJson === 'function' ? rawDecodeJson : undefined,"
        echo "  rawCheck: typeof rawCheck === 'function' ? rawCheck : undefined,"
        echo "  rawMakeInvoice: typeof rawMakeInvoice === 'function' ? rawMakeInvoice : undefined });"
        echo "export const { decode, decodeUnverified, decodeJson, check, makeInvoice, parseInput, printable } = a;"
        echo "export { initSync, __wbg_init as init };"
        echo "export default __wbg_init;"
    } > "$here/pkg/$dir/index.js"
    rm "$here/pkg/$dir/lightning_bolt11.js"
    # Minified (esbuild, a devDependency: `npm ci` first): fewer bytes to download and parse.
    full=true
    [ "$dir" = web-decode ] && full=false
    minify "$here/pkg/$dir/index.js" "--define:FULL=$full"
    echo '{ "type": "module", "sideEffects": false }' > "$here/pkg/$dir/package.json"
done
cp "$here/types.d.ts" "$here/pkg/index.d.ts"
cp "$here/bolt11.d.ts" "$here/pkg/bolt11.d.ts"
cp "$here/pkg-README.md" "$here/pkg/README.md"
cp "$root/LICENSE-MIT" "$root/LICENSE-APACHE" "$here/pkg/"
version="$(grep -m1 '^version' "$here/Cargo.toml" | cut -d'"' -f2)"
cat > "$here/pkg/package.json" <<JSON
{
  "name": "lightning-bolt11",
  "version": "$version",
  "description": "Decode, verify, check and make BOLT-11 Lightning invoices (Rust, WebAssembly)",
  "keywords": ["lightning", "bolt11", "invoice", "bitcoin", "webln", "nwc", "wasm"],
  "license": "MIT OR Apache-2.0",
  "types": "./index.d.ts",
  "main": "./node/index.cjs",
  "sideEffects": false,
  "engines": { "node": ">=18" },
  "exports": {
    ".": {
      "types": "./index.d.ts",
      "node": "./node/index.cjs",
      "default": "./web/index.js"
    },
    "./decode": {
      "types": "./index.d.ts",
      "node": "./node/index.cjs",
      "default": "./web-decode/index.js"
    },
    "./bolt11": {
      "types": "./bolt11.d.ts",
      "node": "./node/bolt11.cjs",
      "default": "./bolt11/index.js"
    },
    "./package.json": "./package.json"
  },
  "files": [
    "node/index.cjs",
    "node/bolt11.cjs",
    "node/lightning_bolt11.js",
    "node/lightning_bolt11_bg.wasm",
    "web/index.js",
    "web/package.json",
    "web/lightning_bolt11_bg.wasm",
    "web-decode/index.js",
    "web-decode/package.json",
    "web-decode/lightning_bolt11_bg.wasm",
    "web-bolt11/index.js",
    "web-bolt11/package.json",
    "web-bolt11/lightning_bolt11_bg.wasm",
    "web-sign/index.js",
    "web-sign/package.json",
    "web-sign/lightning_bolt11_bg.wasm",
    "bolt11/index.js",
    "bolt11/package.json",
    "bolt11.d.ts",
    "index.d.ts",
    "README.md",
    "LICENSE-MIT",
    "LICENSE-APACHE"
  ]
}
JSON
ls -l "$here"/pkg/*/lightning_bolt11_bg.wasm
