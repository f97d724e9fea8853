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
    // Every field, the core's and those read on demand, through the getters.
    // (The amount is a bigint on the object, a number or string in JSON.)
    for (const k of Object.keys(reference)) {
      const want = k === 'amount_msat' ? BigInt(reference[k]) : reference[k];
      assert.deepStrictEqual(fast[k], want, `${k} of ${invoice}`);
    }
    assert.deepStrictEqual(fast.toJSON(), reference, invoice);
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
          bolt11.decodeUnverified(v.invoice, options).toJSON(),
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
      const { invoice } = bolt11.makeInvoice('webln', { amount, defaultMemo: memo }, SPEC_KEY, {
        network: ['bitcoin', 'signet', 'regtest', 'testnet'][k],
        preimageHex: '22'.repeat(32),
      });
      same(invoice);
      same(invoice.toUpperCase());
      assert.equal(bolt11.decode(invoice).description, memo);
    }
  }
});

test('the decode-only browser build decodes, refuses the rest, and stays under 150 KB', async () => {
  const dir = new URL('../../pkg/web-decode/', import.meta.url);
  const small = await import(new URL('index.js', dir));
  small.initSync({ module: readFileSync(new URL('lightning_bolt11_bg.wasm', dir)) });
  const v = vectors.find((x) => x.valid && x.fallbacks.length > 0);
  assert.deepStrictEqual(small.decode(v.invoice, { lenient: true }).toJSON(), bolt11.decode(v.invoice, { lenient: true }).toJSON());
  assert.throws(() => small.check('nwc', {}, v.invoice), { kind: 'unsupported' });
  assert.throws(() => small.makeInvoice('nwc', {}, SPEC_KEY), { kind: 'unsupported' });
  const bad = vectors.find((x) => x.name === 'Bech32 checksum is invalid.');
  assert.throws(() => small.decode(bad.invoice), { kind: 'invalid_checksum' });
  const size = statSync(new URL('lightning_bolt11_bg.wasm', dir)).size;
  assert.ok(size <= 150 * 1024, `decode-only .wasm is ${size} bytes`);
});

test('the detail is read on demand, once, from the invoice decoded, whatever was decoded since', () => {
  const withRoutes = vectors.find((x) => x.valid && x.route_hints.length > 0 && x.fallbacks.length > 0);
  const other = vectors.find((x) => x.valid && x.fallbacks.length === 0 && x.route_hints.length === 0);
  const a = bolt11.decode(withRoutes.invoice, { lenient: true });
  const b = bolt11.decodeUnverified(other.invoice, { lenient: true });
  // Decoded in between: a's detail still comes from a's invoice.
  const reference = JSON.parse(bolt11.decodeJson(withRoutes.invoice, { lenient: true }));
  assert.deepStrictEqual(a.routes, reference.routes);
  assert.deepStrictEqual(a.fallbacks, reference.fallbacks);
  assert.equal(a.routes, a.routes, 'read once, then the same array');
  assert.equal(b.routes, undefined);
  assert.equal(b.fallbacks, undefined);
  assert.deepStrictEqual(b.feature_bits, JSON.parse(bolt11.decodeJson(other.invoice, { lenient: true, verify: false })).feature_bits);
  // The core fields are own data properties; the detail is not, but JSON and toJSON have it.
  // Absent fields are own properties too, undefined (never read from Object.prototype).
  assert.deepStrictEqual(Object.keys(a).filter((k) => a[k] !== undefined), Object.keys(reference).filter((k) => Object.hasOwn({ ...a }, k)));
  assert.ok(!Object.hasOwn(a, 'routes'));
  assert.equal(JSON.stringify(a), JSON.stringify(reference));
  // Assigning a detail field works as on a plain object, in strict code too.
  a.routes = [];
  assert.deepStrictEqual(a.routes, []);
  assert.deepStrictEqual(a.toJSON().routes, []);
  assert.ok(Object.hasOwn(a, 'routes'));
});
