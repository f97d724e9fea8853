// Each API's request through makeInvoice, then check; and a provider that cheats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bolt11, SPEC_KEY } from './lib.mjs';

// The API's response of what makeInvoice returns ({invoice, response, preimageHex}).
const make = (...args) => bolt11.makeInvoice(...args).response;

const SPEC_PAYEE = '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad';
const preimageHex = '11'.repeat(32);
const hashOfPreimage = '02d449a31fbb267c8f352e9968a79e3e5fc95c1bbeaa502fd6454ebde5a4bedc';

const cases = [
  ['webln', { amount: 1000, defaultMemo: 'coffee' }, (r) => r.paymentRequest, 1_000_000],
  ['nwc', { method: 'make_invoice', params: { amount: 123, description: 'string', expiry: 213 } }, (r) => r.result.invoice, 123],
  ['lnpay', { num_satoshis: 5, memo: 'Test invoice from the docs', passThru: '{"ticketId":"556"}' }, (r) => r.payment_request, 5000],
  ['bitfinex', { wallet: 'exchange', currency: 'LNX', amount: '0.001' }, (r) => r[1], 100_000_000],
];

for (const [api, request, invoiceOf, msat] of cases) {
  test(`${api}: makeInvoice then check`, () => {
    const response = make(api, request, SPEC_KEY, { network: 'signet', preimageHex });
    const invoice = invoiceOf(response);
    const d = bolt11.decode(invoice);
    assert.equal(d.network, 'signet');
    assert.equal(d.amount_msat, BigInt(msat));
    assert.equal(d.payment_hash, hashOfPreimage);
    assert.equal(d.payee, SPEC_PAYEE);
    // The request as an object, or as JSON text.
    assert.deepEqual(bolt11.check(api, request, invoice, { network: 'signet' }), { ok: true, violations: [] });
    assert.equal(bolt11.check(api, JSON.stringify(request), invoice).ok, true);
  });
}

test('response shapes', () => {
  const nwc = make('nwc', cases[1][1], SPEC_KEY, { preimageHex });
  assert.equal(nwc.result_type, 'make_invoice');
  assert.equal(nwc.result.type, 'incoming');
  assert.equal(nwc.result.fees_paid, 0);
  assert.equal(nwc.result.expires_at - nwc.result.created_at, 213);
  const lnpay = make('lnpay', cases[2][1], SPEC_KEY, { preimageHex });
  assert.deepEqual(lnpay.passThru, { ticketId: '556' });
  assert.equal(lnpay.expiry, 86400);
  assert.equal(lnpay.settled, 0);
  const bfx = make('bitfinex', cases[3][1], SPEC_KEY, { preimageHex });
  assert.equal(bfx[0], hashOfPreimage);
  assert.equal(bfx[4], '0.001');
});

test('a refused request throws with the API error shape', () => {
  assert.throws(() => make('bitfinex', { amount: '0' }, SPEC_KEY), (e) => {
    assert.equal(e.kind, 'bitfinex_amount_out_of_range');
    assert.ok(e.response.error);
    return true;
  });
  assert.throws(() => make('nwc', { method: 'make_invoice', params: {} }, SPEC_KEY), (e) => {
    assert.equal(e.kind, 'amount_required');
    assert.equal(e.response.error.code, 'OTHER');
    return true;
  });
  assert.throws(() => make('webln', {}, '00'), { kind: 'usage' });
  // Every character a hex digit: "+1" once parsed as the byte 1 (u8::from_str_radix takes a sign).
  const signed = '+1' + SPEC_KEY.slice(2);
  assert.throws(() => make('webln', { amount: 10 }, signed), { kind: 'usage' });
  assert.throws(() => make('webln', { amount: 10 }, SPEC_KEY, { preimageHex: '+1'.repeat(32) }), { kind: 'usage' });
});

test('check flags a provider that returned the wrong amount', () => {
  const cheat = make('webln', { amount: 999 }, SPEC_KEY).paymentRequest;
  const report = bolt11.check('webln', { amount: 1000 }, cheat);
  assert.equal(report.ok, false);
  assert.equal(report.violations[0].kind, 'amount_mismatch');
  const expired = bolt11.check('webln', { amount: 999 }, cheat, { now: Date.now() / 1000 + 10 * 86400 });
  assert.deepEqual(expired.violations.map((v) => v.kind), ['expired']);
});

test('range requests use the chosen amount', () => {
  const r = make('webln', { minimumAmount: 10, maximumAmount: 20 }, SPEC_KEY, { amountSats: 15 });
  assert.equal(bolt11.decode(r.paymentRequest).amount_msat, 15000n);
  assert.throws(() => make('webln', { minimumAmount: 10, maximumAmount: 20 }, SPEC_KEY, { amountSats: 21 }), {
    kind: 'amount_above_maximum',
  });
});

test('amounts above 2^53 are exact: a bigint, and a string in JSON', () => {
  // 18 million BTC, in msat, is 1.8e18: far above Number.MAX_SAFE_INTEGER (and below the
  // largest amount an invoice carries, 2^64 - 1 pico-BTC).
  const r = make('webln', { amount: '1800000000000000' }, SPEC_KEY);
  const d = bolt11.decode(r.paymentRequest);
  assert.equal(d.amount_msat, 1_800_000_000_000_000_000n);
  assert.equal(d.toJSON().amount_msat, '1800000000000000000');
});

test('check refuses a time that is not a finite, non-negative number', () => {
  const invoice = make('webln', { amount: 5 }, SPEC_KEY).paymentRequest;
  for (const now of [NaN, -1, Infinity, '1700000000', {}]) {
    assert.throws(() => bolt11.check('webln', { amount: 5 }, invoice, { now }), { kind: 'usage' }, String(now));
  }
  assert.equal(bolt11.check('webln', { amount: 5 }, invoice, { now: Date.now() / 1000 }).ok, true);
  assert.throws(() => bolt11.check('webln', { amount: 5 }, invoice, { network: 7 }), { kind: 'usage' });
  assert.throws(() => make('webln', {}, SPEC_KEY, { amountSats: NaN }), { kind: 'usage' });
  assert.throws(() => make('webln', {}, SPEC_KEY, { amountSats: -5 }), { kind: 'usage' });
});

test("WebLN's scalar argument is an amount in sats", () => {
  const invoice = make('webln', 1000, SPEC_KEY).paymentRequest;
  assert.equal(bolt11.decode(invoice).amount_msat, 1_000_000n);
  assert.equal(make('webln', '1000', SPEC_KEY).paymentRequest.startsWith('lnbc10u1'), true);
  for (const asked of [1000, '1000', { amount: 1000 }, '{"amount": 1000}']) {
    assert.equal(bolt11.check('webln', asked, invoice).ok, true, JSON.stringify(asked));
  }
  assert.equal(bolt11.check('webln', '999', invoice).ok, false);
  // A string amount is digits, as everywhere.
  assert.throws(() => make('webln', '1e3', SPEC_KEY), { kind: 'invalid_amount' });
});

test("Alby's memo binds; defaultMemo only suggests", () => {
  const invoice = make('webln', { amount: 5, memo: 'order 42' }, SPEC_KEY).paymentRequest;
  assert.equal(bolt11.decode(invoice).description, 'order 42');
  assert.equal(bolt11.check('webln', { amount: 5, memo: 'order 42' }, invoice).ok, true);
  assert.deepEqual(bolt11.check('webln', { amount: 5, memo: 'order 43' }, invoice).violations.map((v) => v.kind), ['description_mismatch']);
  assert.equal(bolt11.check('webln', { amount: 5, defaultMemo: 'anything' }, invoice).ok, true);
});
