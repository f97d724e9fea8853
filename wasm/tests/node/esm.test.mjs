// The Node entry point imported as an ES module, the way the README shows it: named exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode, decodeUnverified, decodeJson, check, makeInvoice, parseInput } from '../../pkg/node/index.cjs';
import * as b11 from '../../pkg/node/bolt11.cjs';
import { vectors } from './lib.mjs';

test('named ES module imports of the Node build work', () => {
  for (const f of [decode, decodeUnverified, decodeJson, check, makeInvoice, parseInput]) assert.equal(typeof f, 'function');
  const v = vectors.find((x) => x.valid && x.amount_msat);
  assert.equal(decode(v.invoice).amount_msat, BigInt(v.amount_msat));
  // The bolt11 drop-in too, usable at once.
  for (const f of ['decode', 'encode', 'sign', 'satToHrp', 'millisatToHrp', 'hrpToSat', 'hrpToMillisat']) assert.equal(typeof b11[f], 'function', f);
  assert.equal(b11.decode(v.invoice).millisatoshis, String(v.amount_msat));
});
