// The Node entry point imported as an ES module, the way the README shows it: named exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, decodeUnverified, decodeJson, check, makeInvoice } from '../../pkg/node/index.cjs';
import { vectors } from './lib.mjs';

test('named ES module imports of the Node build work', () => {
  for (const f of [decode, decodeUnverified, decodeJson, check, makeInvoice]) assert.equal(typeof f, 'function');
  const v = vectors.find((x) => x.valid && x.amount_msat);
  assert.equal(decode(v.invoice).amount_msat, v.amount_msat);
});
