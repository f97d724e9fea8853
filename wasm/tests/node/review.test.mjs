// What a review of the package found (issue 20), each pinned: a preimage never lost, numbers
// JSON cannot carry refused, nothing read from Object.prototype, over-long input refused before
// it is copied, and pasted input triaged.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { bolt11, strictlyValid, SPEC_KEY } from './lib.mjs';

const sha256 = (hex) => createHash('sha256').update(Buffer.from(hex, 'hex')).digest('hex');

test('makeInvoice returns the preimage it made, and takes one as hex or bytes', () => {
  const made = bolt11.makeInvoice('webln', { amount: 21 }, SPEC_KEY);
  assert.match(made.preimageHex, /^[0-9a-f]{64}$/);
  assert.equal(bolt11.decode(made.invoice).payment_hash, sha256(made.preimageHex));
  assert.equal(made.response.paymentRequest, made.invoice);
  const bytes = new Uint8Array(32).fill(7);
  for (const preimage of [bytes, Buffer.from(bytes), '07'.repeat(32)]) {
    const m = bolt11.makeInvoice('webln', { amount: 21 }, SPEC_KEY, { preimageHex: preimage });
    assert.equal(m.preimageHex, '07'.repeat(32));
    assert.equal(bolt11.decode(m.invoice).payment_hash, sha256('07'.repeat(32)));
  }
  for (const bad of [new Uint8Array(31), 7, {}, ['07']]) {
    assert.throws(() => bolt11.makeInvoice('webln', { amount: 21 }, SPEC_KEY, { preimageHex: bad }), { kind: 'usage' });
  }
});

test('NaN, Infinity and negative numbers anywhere in a request are refused', () => {
  const invoice = bolt11.makeInvoice('webln', { amount: 5 }, SPEC_KEY).invoice;
  for (const bad of [NaN, Infinity, -Infinity, -1, -0]) {
    for (const request of [{ amount: bad }, { minimumAmount: bad }, { maximumAmount: bad }, { amount: 5, extra: { deep: [bad] } }]) {
      assert.throws(() => bolt11.check('webln', request, invoice), { kind: 'invalid_amount' }, `check ${String(bad)}`);
      assert.throws(() => bolt11.makeInvoice('webln', request, SPEC_KEY), { kind: 'invalid_amount' }, `make ${String(bad)}`);
    }
    assert.throws(() => bolt11.makeInvoice('webln', bad, SPEC_KEY), { kind: 'invalid_amount' });
    assert.throws(() => bolt11.makeInvoice('nwc', { method: 'make_invoice', params: { amount: bad } }, SPEC_KEY), { kind: 'invalid_amount' });
  }
  // The bound a check holds to is still there: this invoice is for 5 sats.
  assert.equal(bolt11.check('webln', { amount: 6 }, invoice).ok, false);
});

test('absent stays absent, whatever a page put on Object.prototype', (t) => {
  const names = ['amount_msat', 'payee', 'description_hash', 'payment_metadata', 'fallbacks', 'routes', 'extra',
    'now', 'network', 'preimageHex', 'lenient', 'verify', 'amountSats'];
  t.after(() => { for (const k of names) delete Object.prototype[k]; });
  const anyAmount = strictlyValid.find((v) => v.amount_msat == null && v.fallbacks.length === 0);
  const before = bolt11.decode(anyAmount.invoice).toJSON();
  for (const k of names) Object.prototype[k] = k === 'lenient' || k === 'verify' ? false : k === 'now' ? 4e9 : k === 'network' ? 'testnet' : 'polluted';
  const inv = bolt11.decode(anyAmount.invoice);
  for (const k of ['amount_msat', 'description_hash', 'payment_metadata', 'fallbacks', 'routes', 'extra']) {
    assert.equal(inv[k], undefined, k);
  }
  assert.deepStrictEqual(JSON.parse(JSON.stringify(inv)), before);
  // Options: an inherited `network` restricts nothing, an inherited `now` expires nothing.
  const made = bolt11.makeInvoice('webln', { amount: 5 }, SPEC_KEY);
  assert.equal(bolt11.decode(made.invoice).network, 'bitcoin');
  assert.equal(bolt11.check('webln', { amount: 5 }, made.invoice, {}).ok, true);
  assert.equal(bolt11.decodeJson(made.invoice).includes('"network":"bitcoin"'), true);
});

test('text longer than any invoice is refused before it is copied, and the module stays usable', () => {
  const v = strictlyValid[0];
  for (const size of [8193, 1_000_000, 50_000_000]) {
    assert.throws(() => bolt11.decode('l'.repeat(size)), { kind: 'too_long' });
  }
  // Everything still works after it, and after every kind of failure.
  assert.throws(() => bolt11.decode('\ud800'), Error);
  assert.throws(() => bolt11.makeInvoice('webln', { amount: 1 }, 'nonsense'), { kind: 'usage' });
  assert.equal(bolt11.decode(v.invoice).payment_hash, v.payment_hash);
  assert.equal(bolt11.decode(`  lightning:${v.invoice}  `).payment_hash, v.payment_hash);
});

test('parseInput names what a pasted text is', () => {
  const v = strictlyValid.find((x) => x.network === 'bitcoin' && x.amount_msat);
  assert.equal(bolt11.parseInput(`LIGHTNING:${v.invoice.toUpperCase()}`).kind, 'invoice');
  const uri = bolt11.parseInput(`bitcoin:1RustyRX2oai4EYYDpQGWvEL62BBGqN9T?amount=0.01&lightning=${v.invoice}`);
  assert.equal(uri.kind, 'bip21');
  assert.equal(uri.address, '1RustyRX2oai4EYYDpQGWvEL62BBGqN9T');
  assert.equal(uri.amount_msat, 1_000_000_000n);
  assert.equal(uri.invoice.payment_hash, v.payment_hash);
  assert.ok(['agrees', 'disagrees'].includes(uri.amount_check));
  for (const [text, kind] of [
    ['lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg', 'bolt12_offer'],
    ['satoshi@example.com', 'lightning_address'],
    ['LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS', 'lnurl'],
    ['bitcoin:1RustyRX2oai4EYYDpQGWvEL62BBGqN9T?amount=0.01', 'on_chain_address'],
    [`lightning:${v.invoice.slice(0, -1)}q`, 'invalid_checksum'],
  ]) {
    assert.throws(() => bolt11.parseInput(text), { kind }, text);
  }
});
