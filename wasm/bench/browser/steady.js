// Steady-state decoding in the browser: this package (full and decode-only builds, and the
// bolt11 drop-in), bolt11
// 1.4.1 and light-bolt11-decoder 3.2 as esbuild bundles them, in interleaved rounds; the
// runner (../browser.mjs) reads `window.results`.
import init, { decode, decodeUnverified } from '../../pkg/web/index.js';
import initDecode, { decodeUnverified as decodeOnlyUnverified } from '../../pkg/web-decode/index.js';
import { decode as bolt11 } from './dist/bolt11.js';
import { decode as light } from './dist/light.js';
import { decode as dropIn } from '../../pkg/bolt11/index.js';

await init();
await initDecode();
const params = new URLSearchParams(location.search);
const invoices = JSON.parse(params.get('invoices'));
const rounds = Number(params.get('rounds') ?? 15);
const roundMs = Number(params.get('roundMs') ?? 150);

// What a wallet reads before paying. The peers compute every field while decoding; ours
// computes features, fallbacks, routes, unknown fields and the signature's hex when first read,
// so a row also times it with every field read (toJSON).
const wallet = (o) => [o.amount_msat, o.payment_hash, o.description ?? o.description_hash, o.payee, o.expires_at];
const peer = (o) => o.sections ?? o.satoshis;
const decoders = [
  ['ours decodeUnverified', (s) => wallet(decodeUnverified(s, { lenient: true }))],
  ['ours decodeUnverified (decode-only build)', (s) => wallet(decodeOnlyUnverified(s, { lenient: true }))],
  ['ours decodeUnverified, every field read', (s) => decodeUnverified(s, { lenient: true }).toJSON()],
  ['light-bolt11-decoder 3.2 decode', (s) => peer(light(s))],
  ['ours decode (verified)', (s) => wallet(decode(s, { lenient: true }))],
  ['bolt11 1.4.1 decode (verified)', (s) => peer(bolt11(s))],
  ['ours lightning-bolt11/bolt11 decode (verified, bolt11 objects)', (s) => peer(dropIn(s))],
];
for (const [, f] of decoders) for (let i = 0; i < 20; i++) for (const s of invoices) f(s); // warm up
const samples = decoders.map(() => []);
for (let r = 0; r < rounds; r++) {
  decoders.forEach(([, f], k) => {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (const s of invoices) f(s);
      n += invoices.length;
      elapsed = performance.now() - start;
    }
    samples[k].push((elapsed * 1000) / n);
  });
}
window.results = Object.fromEntries(decoders.map(([name], k) => [name, samples[k]]));
