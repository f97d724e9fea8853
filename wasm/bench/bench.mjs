// Decodes the valid spec examples with this package, bolt11 1.4.1 and light-bolt11-decoder
// 3.2 in the same run, and prints a Markdown table of microseconds per decode and ratios.
//   node bench/bench.mjs            (after ./build.sh and npm install)
// The machine is a shared VM: each decoder runs in many short rounds, interleaved with the
// others, and the table gives the median round, so that a slow spell hits all of them alike.
// Each round starts with a full garbage collection (`--expose-gc`, as `npm run bench` runs
// it), so a decoder's garbage is collected in its own rounds, not in the next decoder's.
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';

const require = createRequire(import.meta.url);
const ours = require('../pkg/node/index.cjs');
const dropIn = require('../pkg/node/bolt11.cjs');
const bolt11 = require('bolt11');
const light = require('light-bolt11-decoder');

const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/bolt11-vectors.json', import.meta.url)));
// The examples every decoder accepts (bolt11 1.4.1 has no signet, and some reject newer fields).
const all = vectors.filter((v) => v.valid).map((v) => v.invoice);
const accepts = (f) => (s) => { try { f(s); return true; } catch { return false; } };
const set = all.filter(accepts((s) => ours.decode(s, { lenient: true })))
  .filter(accepts((s) => bolt11.decode(s)))
  .filter(accepts((s) => light.decode(s)));

// bolt11 recovers the payee with the `secp256k1` package: native libsecp256k1 (its prebuilt
// N-API binary) when that loads, else a JS fallback (elliptic). Timed alone as a reference row.
const bolt11Require = createRequire(require.resolve('bolt11'));
const secp = bolt11Require('secp256k1');
let secpBackend = 'elliptic (JS)';
try {
  if (secp === createRequire(bolt11Require.resolve('secp256k1'))('./bindings')) secpBackend = 'native libsecp256k1';
} catch { /* the native binary did not load */ }
const recoveries = set.map((_, k) => {
  const msg = new Uint8Array(32).fill(k + 1);
  const { signature, recid } = secp.ecdsaSign(msg, new Uint8Array(32).fill(k + 7));
  return [signature, recid, msg];
});
let nextRecovery = 0;
const recover = () => {
  const [sig, recid, msg] = recoveries[nextRecovery++ % recoveries.length];
  return secp.ecdsaRecover(sig, recid, msg, true);
};

// What a wallet reads before paying: ours computes features, fallbacks, routes and the
// signature's hex only when read (the peers compute every field as they decode).
const wallet = (o) => [o.amount_msat, o.payment_hash, o.description ?? o.description_hash, o.payee, o.expires_at];
const decoders = [
  ['lightning-bolt11 decodeUnverified', (s) => wallet(ours.decodeUnverified(s, { lenient: true }))],
  ['light-bolt11-decoder 3.2 decode (no signature check)', (s) => light.decode(s)],
  ['lightning-bolt11 decode (verified, payee recovered)', (s) => wallet(ours.decode(s, { lenient: true }))],
  ['bolt11 1.4.1 decode (verified, payee recovered)', (s) => bolt11.decode(s)],
  ['lightning-bolt11/bolt11 decode (the drop-in: bolt11 objects, verified)', (s) => dropIn.decode(s)],
  [`of which its key recovery alone (secp256k1 4, ${secpBackend})`, recover],
];
const rounds = Number(process.env.ROUNDS ?? 21);
const roundMs = Number(process.env.ROUND_MS ?? 150);
for (const [, f] of decoders) for (let i = 0; i < 100; i++) for (const s of set) f(s); // warm up the JIT
const samples = decoders.map(() => []);
for (let r = 0; r < rounds; r++) {
  decoders.forEach(([, f], k) => {
    globalThis.gc?.();
    let n = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0;
    while (elapsed < roundMs * 1e6) {
      for (const s of set) f(s);
      n += set.length;
      elapsed = Number(process.hrtime.bigint() - start);
    }
    samples[k].push(elapsed / n / 1000);
  });
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const us = Object.fromEntries(decoders.map(([name], k) => [name, median(samples[k])]));
const size = (dir) => statSync(new URL(`../pkg/${dir}/lightning_bolt11_bg.wasm`, import.meta.url)).size;

console.log(`${set.length} spec examples, Node ${process.version}, median of ${rounds} interleaved rounds\n`);
console.log('| decoder | µs per decode |');
console.log('|---|---|');
for (const [name] of decoders) console.log(`| ${name} | ${us[name].toFixed(1)} |`);
// The ratio within each round pair, as a measure of spread.
const spread = (slow, fast) => {
  const [a, b] = [slow, fast].map((name) => samples[decoders.findIndex(([n]) => n === name)]);
  const r = a.map((v, i) => v / b[i]).sort((x, y) => x - y);
  return `rounds' quartiles ${r[r.length >> 2].toFixed(2)}–${r[(3 * r.length) >> 2].toFixed(2)}`;
};
const unverified = us['light-bolt11-decoder 3.2 decode (no signature check)'] / us['lightning-bolt11 decodeUnverified'];
const verified = us['bolt11 1.4.1 decode (verified, payee recovered)'] / us['lightning-bolt11 decode (verified, payee recovered)'];
console.log(`\ndecodeUnverified is ${unverified.toFixed(1)}x as fast as light-bolt11-decoder (${spread('light-bolt11-decoder 3.2 decode (no signature check)', 'lightning-bolt11 decodeUnverified')})`);
console.log(`decode is ${verified.toFixed(2)}x as fast as bolt11 with ${secpBackend} (goal: at least 1.0x; ${spread('bolt11 1.4.1 decode (verified, payee recovered)', 'lightning-bolt11 decode (verified, payee recovered)')}): ${verified >= 1 ? 'met' : 'not met'}`);
const drop = us['bolt11 1.4.1 decode (verified, payee recovered)'] / us['lightning-bolt11/bolt11 decode (the drop-in: bolt11 objects, verified)'];
console.log(`the drop-in's decode is ${drop.toFixed(2)}x as fast as bolt11's (${spread('bolt11 1.4.1 decode (verified, payee recovered)', 'lightning-bolt11/bolt11 decode (the drop-in: bolt11 objects, verified)')})`);
for (const dir of ['node', 'web', 'web-decode', 'web-bolt11', 'web-sign']) {
  console.log(`.wasm, ${dir}: ${(size(dir) / 1024).toFixed(1)} KiB (${size(dir)} bytes)`);
}
