// Decodes the valid spec examples with this package, bolt11 1.4.1 and light-bolt11-decoder
// 3.2 in the same run, and prints a Markdown table of microseconds per decode and ratios.
//   node bench/bench.mjs            (after ./build.sh and npm install)
import { createRequire } from 'node:module';
import { readFileSync, statSync } from 'node:fs';

const require = createRequire(import.meta.url);
const ours = require('../pkg/node/lightning_bolt11.js');
const bolt11 = require('bolt11');
const light = require('light-bolt11-decoder');

const vectors = JSON.parse(readFileSync(new URL('../../test-vectors/bolt11-vectors.json', import.meta.url)));
// The examples every decoder accepts (bolt11 1.4.1 has no signet, and some reject newer fields).
const all = vectors.filter((v) => v.valid).map((v) => v.invoice);
const accepts = (f) => (s) => { try { f(s); return true; } catch { return false; } };
const set = all.filter(accepts((s) => ours.decode(s, { lenient: true })))
  .filter(accepts((s) => bolt11.decode(s)))
  .filter(accepts((s) => light.decode(s)));

function time(name, f, minMs = 2000) {
  for (let i = 0; i < 200; i++) for (const s of set) f(s); // warm up the JIT
  let n = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minMs * 1e6) {
    for (const s of set) f(s);
    n += set.length;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return { name, us: elapsed / n / 1000 };
}

const rows = [
  time('lightning-bolt11 decodeUnverified', (s) => ours.decodeUnverified(s, { lenient: true })),
  time('light-bolt11-decoder 3.2 decode (no signature check)', (s) => light.decode(s)),
  time('lightning-bolt11 decode (verified, payee recovered)', (s) => ours.decode(s, { lenient: true })),
  time('bolt11 1.4.1 decode (verified, payee recovered)', (s) => bolt11.decode(s)),
];
const us = Object.fromEntries(rows.map((r) => [r.name, r.us]));
const wasm = statSync(new URL('../pkg/node/lightning_bolt11_bg.wasm', import.meta.url)).size;

console.log(`${set.length} spec examples, Node ${process.version}\n`);
console.log('| decoder | µs per decode |');
console.log('|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.us.toFixed(1)} |`);
const unverified = us['light-bolt11-decoder 3.2 decode (no signature check)'] / us['lightning-bolt11 decodeUnverified'];
const verified = us['bolt11 1.4.1 decode (verified, payee recovered)'] / us['lightning-bolt11 decode (verified, payee recovered)'];
console.log(`\ndecodeUnverified is ${unverified.toFixed(1)}x as fast as light-bolt11-decoder (goal: 10x)`);
console.log(`decode is ${verified.toFixed(2)}x as fast as bolt11 (goal: 1.5x)`);
console.log(`.wasm: ${(wasm / 1024).toFixed(1)} KiB (${wasm} bytes; goal: at most 150 KB)`);
