// The fast decode path (a flat record read back in js/api.js) against the reference path (the
// CLI's JSON through serde), and the decode-only browser build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { bolt11, vectors, SPEC_KEY } from './lib.mjs';

const same = (invoice, options) => {
  for (const verify of [true, false]) {
    const fast = verify ? bolt11.decode(invoice, options) : bolt11.decodeUnverified(invoice, options);
    const reference = JSON.parse(bolt11.decodeJson(invoice, { ...options, verify }));
    assert.deepStrictEqual(fast, reference, invoice);
    // Same keys in the same order: JSON.stringify of either gives the CLI's text.
    assert.equal(JSON.stringify(fast), JSON.stringify(reference));
  }
};

test('record and JSON agree on every spec example that decodes (strict and lenient)', () => {
  let n = 0;
  for (const v of vectors) {
    for (const options of [{}, { lenient: true }]) {
      let ok = true;
      try {
        bolt11.decodeJson(v.invoice, { ...options, verify: false });
      } catch {
        ok = false;
      }
      if (!ok) continue;
      // Examples whose signature fails (unrecoverable, high-S with `n`) only decode unverified.
      try {
        same(v.invoice, options);
      } catch (e) {
        if (e.kind !== 'unrecoverable_signature' && e.kind !== 'high_s_signature') throw e;
        assert.deepStrictEqual(
          bolt11.decodeUnverified(v.invoice, options),
          JSON.parse(bolt11.decodeJson(v.invoice, { ...options, verify: false })),
        );
      }
      n++;
    }
  }
  assert.ok(n >= 30, `${n} decodes compared`);
});

test('record and JSON agree on made invoices: non-ASCII descriptions, odd amounts, upper case', () => {
  const descriptions = ['☕ café — ünïcödé', '𝄞 outside the BMP', 'quote " and \\ backslash', '\u0000\u001f'];
  for (const [k, memo] of descriptions.entries()) {
    for (const amount of [1, 999, 21_000_000]) {
      const r = bolt11.makeInvoice('webln', { amount, defaultMemo: memo }, SPEC_KEY, {
        network: ['bitcoin', 'signet', 'regtest', 'testnet'][k],
        preimageHex: '22'.repeat(32),
      });
      same(r.paymentRequest);
      same(r.paymentRequest.toUpperCase());
      assert.equal(bolt11.decode(r.paymentRequest).description, memo);
    }
  }
});

test('the decode-only browser build decodes, refuses the rest, and stays under 150 KB', async () => {
  const dir = new URL('../../pkg/web-decode/', import.meta.url);
  const small = await import(new URL('index.js', dir));
  small.initSync({ module: readFileSync(new URL('lightning_bolt11_bg.wasm', dir)) });
  const v = vectors.find((x) => x.valid && x.fallbacks.length > 0);
  assert.deepStrictEqual(small.decode(v.invoice, { lenient: true }), bolt11.decode(v.invoice, { lenient: true }));
  assert.throws(() => small.check('nwc', {}, v.invoice), { kind: 'unsupported' });
  assert.throws(() => small.makeInvoice('nwc', {}, SPEC_KEY), { kind: 'unsupported' });
  const bad = vectors.find((x) => x.name === 'Bech32 checksum is invalid.');
  assert.throws(() => small.decode(bad.invoice), { kind: 'invalid_checksum' });
  const size = statSync(new URL('lightning_bolt11_bg.wasm', dir)).size;
  assert.ok(size <= 150 * 1024, `decode-only .wasm is ${size} bytes`);
});
