// lightning-bolt11/bolt11 beside bitcoinjs' bolt11 1.4.1 itself (a devDependency), on the
// invoices of bolt11's own fixtures: the same objects from decode, encode and sign, the same
// refusals where BOLT-11 lets bolt11 refuse, and each case bolt11's test suite covers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { vectors, SPEC_KEY } from './lib.mjs';

const require = createRequire(import.meta.url);
const ours = require('../../pkg/node/bolt11.cjs');
const theirs = require('bolt11');
const BN = require('bn.js');
const fx = JSON.parse(readFileSync(new URL('../fixtures/bitcoinjs-bolt11.json', import.meta.url)));
const net = (name) => (name === undefined ? undefined : structuredClone(fx.networks[name]));
const KEY = fx.privateKey;

// The same result from both, or an Error from both.
function same(f) {
  let want, wantError;
  try { want = f(theirs); } catch (e) { wantError = e; }
  if (wantError) {
    assert.throws(() => f(ours), Error, `bolt11 threw: ${wantError.message}`);
    return undefined;
  }
  const got = f(ours);
  assert.deepStrictEqual(got, want);
  return got;
}

test('decode gives bolt11 objects, tagsObject included', () => {
  for (const v of [...fx.decodeValid, fx.unknownTags, fx.unknownNetwork]) {
    const got = same((m) => m.decode(v.paymentRequest, net(v.network)));
    assert.equal(got.complete, true);
    assert.deepStrictEqual(got.tagsObject, theirs.decode(v.paymentRequest, net(v.network)).tagsObject);
    assert.equal(Object.keys(got).includes('tagsObject'), false);
  }
  same((m) => m.decode(fx.upperCase));
});

test('decode, then encode with and without the key, as bolt11 round-trips', () => {
  for (const v of fx.decodeValid) {
    const f = ours.decode(v.paymentRequest, net(v.network));
    // Its signature attached again: the same invoice.
    const reencoded = same((m) => m.encode(m.decode(v.paymentRequest, net(v.network))));
    assert.equal(reencoded.paymentRequest, v.paymentRequest);
    assert.deepStrictEqual(reencoded, { ...f });
    // Unsigned, then signed: RFC 6979 signs the same again.
    const unsigned = same((m) => {
      const d = m.decode(v.paymentRequest, net(v.network));
      delete d.signature;
      delete d.recoveryFlag;
      const o = m.encode(d, false);
      delete o.payeeNodeKey;
      return o;
    });
    assert.equal(unsigned.complete, false);
    const signed = same((m) => m.sign(unsigned, KEY));
    assert.deepStrictEqual(signed, { ...f });
    same((m) => m.encode(m.sign(unsigned, KEY), false));
    same((m) => m.sign(m.sign(unsigned, KEY), KEY));
  }
});

test('decode refuses what bolt11 refuses, with bolt11\'s message and a kind', () => {
  for (const v of fx.decodeInvalid) {
    same((m) => m.decode(v.paymentRequest));
    let want;
    try { theirs.decode(v.paymentRequest); } catch (e) { want = e.message; }
    assert.throws(() => ours.decode(v.paymentRequest), (e) => e.message === want && typeof e.kind === 'string', want);
  }
  same((m) => m.decode(fx.decodeValid[3].paymentRequest, { bech32: 'bc' }));
});

test('unknown fields are kept, written back only with the signature', () => {
  const v = fx.unknownTags;
  const decoded = ours.decode(v.paymentRequest, net(v.network));
  assert.ok(decoded.tags.some((t) => t.tagName === 'unknownTag'));
  assert.equal(ours.encode(decoded).paymentRequest, v.paymentRequest);
  decoded.signature = undefined;
  decoded.recoveryFlag = undefined;
  assert.throws(() => ours.encode(decoded), /Unknown tag key: unknownTag/);
});

test('encode adds defaults, and signs as bolt11 does', () => {
  const data = () => ({
    satoshis: 12,
    timestamp: 1_496_314_658,
    network: net('tb0'),
    tags: [
      { tagName: 'payment_hash', data: '0001020304050607080900010203040506070809000102030405060708090102' },
      { tagName: 'description', data: 'ナンセンス 1杯' },
    ],
  });
  const encoded = same((m) => m.encode(data()));
  assert.deepStrictEqual(encoded.tags.map((t) => t.tagName), ['payment_hash', 'description', 'expire_time', 'min_final_cltv_expiry']);
  const signed = same((m) => m.sign(m.encode(data()), KEY));
  assert.equal(signed.complete, true);
  assert.equal(ours.decode(signed.paymentRequest).payeeNodeKey, signed.payeeNodeKey);
  // A new invoice today: with a payment secret and bolt11's default features.
  same((m) => {
    const d = data();
    d.tags.push({ tagName: 'payment_secret', data: '11'.repeat(32) });
    d.tags.push({ tagName: 'fallback_address', data: { address: 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx' } });
    d.tags.push({ tagName: 'routing_info', data: [{ pubkey: '029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255', short_channel_id: '0102030405060708', fee_base_msat: 1, fee_proportional_millionths: 20, cltv_expiry_delta: 3 }] });
    return m.sign(m.encode(d), KEY);
  });
  same((m) => {
    const d = data();
    d.tags[1] = { tagName: 'purpose_commit_hash', data: 'some text to hash' };
    return m.sign(m.encode(d), KEY);
  });
  // BOLT-11: a description or its hash, not both (bolt11 writes both).
  const both = data();
  both.tags.push({ tagName: 'purpose_commit_hash', data: 'some text to hash' });
  assert.ok(theirs.sign(theirs.encode(structuredClone(both)), KEY).complete);
  assert.throws(() => ours.encode(both), { kind: 'description_and_hash' });
  // Without defaults nothing is added; a private key as bytes signs too.
  same((m) => m.sign(m.encode(data(), false), Buffer.from(KEY, 'hex')));
  const t0 = ours.encode({ tags: data().tags });
  assert.ok(t0.timestamp > 1_700_000_000 && t0.network.bech32 === 'bc');
});

test('encode and sign refuse what bolt11 refuses', () => {
  const p = { tagName: 'payment_hash', data: '0001020304050607080900010203040506070809000102030405060708090102' };
  const d = { tagName: 'description', data: 'ナンセンス 1杯' };
  const tb = net('tb0');
  const sig = '6249c3a38d2a7d78f54f5494cf79fa06949e11eaf26ede32158f8a8e796ba1b741e88c35bec6bf5ee8291a5d50a7d35549e7fc564f7d0a39d1db5f098a0d179a';
  const hop = { pubkey: '029e03a901b85534ff1e92c43c74431f7ce72046060fcf7a95c37e148f78c77255', short_channel_id: '0102030405060708', fee_base_msat: 1, fee_proportional_millionths: 20, cltv_expiry_delta: 3 };
  const cases = [
    [{ network: { boop: 9 }, tags: [p, d] }],
    [{ recoveryFlag: 1, signature: sig, timestamp: 1513073744, tags: [p, d] }],
    [{ network: net('bc0'), recoveryFlag: 1, signature: sig, tags: [p, d] }],
    [{}],
    [{ network: net('bc0'), tags: [d] }],
    [{ network: net('bc0'), tags: [p] }, false],
    [{ network: net('bc0'), payeeNodeKey: '03000102030405060708090001020304050607080900010203040506070809ffff', tags: [p, { tagName: 'payee_node_key', data: '030001020304050607080900010203040506070809000102030405060708090102' }, d] }],
    [{ network: tb, tags: [p, d, { tagName: 'fallback_address', data: { address: 'tb1dqqqsyqcyq5rqwzqfpg9scrgwpuqsyqcyy5mynw' } }] }],
    [{ network: tb, tags: [p, d, { tagName: 'fallback_address', data: { address: 'bc1qqqqsyqcyq5rqwzqfpg9scrgwpuqsyqcy2f9nte' } }] }],
    [{ network: tb, tags: [p, d, { tagName: 'fallback_address', data: { address: 'UmKe9X9WKo1vksgXkdhR45Rf1QKguAQwus' } }] }],
    [{ network: tb, tags: [p, d, { tagName: 'fallback_address', data: { address: 'gd78fgGFGDGISFFgisdufudsfi7d7sfg' } }] }],
    [{ network: tb, tags: [p, d, { tagName: 'routing_info', data: [{}] }] }],
    [{ network: tb, tags: [p, d, { tagName: 'routing_info', data: [{ ...hop, pubkey: '02' + 'ff'.repeat(32) }] }] }],
    [{ network: tb, tags: [p, d, { tagName: 'routing_info', data: [{ ...hop, short_channel_id: '02030405060708' }] }] }],
    [{ network: tb, tags: [p, d, { tagName: 'routing_info', data: [{ ...hop, fee_base_msat: 1.345 }] }] }],
    [{ network: tb, tags: [p, d, { tagName: 'routing_info', data: [{ ...hop, fee_proportional_millionths: 20.1 }] }] }],
    [{ network: tb, tags: [p, d, { tagName: 'routing_info', data: [{ ...hop, cltv_expiry_delta: 3.1 }] }] }],
    [{ network: tb, tags: [p, d, { tagName: 'aaaaaaaaaa', data: {} }] }],
    [{ network: tb, tags: [p, d, { tagName: 'purpose_commit_hash', data: 5675 }] }],
    [{ network: tb, tags: [p, { tagName: 'description', data: 'x'.repeat(640) }] }],
    [{ network: net('bc0'), satoshis: 23, millisatoshis: '23000', timestamp: 1496314658, payeeNodeKey: '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad', signature: '38ec6891345e204145be8a3a99de38e98a39d6a569434e1845c8af7205afcfcc7f425fcd1463e93c32881ead0d6e356d467ec8c02553f9aab15e5738b11f127f', recoveryFlag: 0, tags: [p, { tagName: 'fallback_address', data: { address: '31h38a54tFMrR8kzBnP2241Jj7qKMHmhoM' } }] }],
    [{ network: tb, satoshis: null, millisatoshis: null, timestamp: 1496314658, signature: sig, recoveryFlag: 0, tags: [p, d] }],
    [{ network: tb, satoshis: 100, millisatoshis: '200000', tags: [p, d] }],
  ];
  for (const [data, addDefaults] of cases) {
    assert.throws(() => theirs.encode(structuredClone(data), addDefaults), Error, JSON.stringify(data));
    assert.throws(() => ours.encode(structuredClone(data), addDefaults), Error, JSON.stringify(data));
  }
  const unsigned = { network: net('bc0'), complete: false, satoshis: null, millisatoshis: null, paymentRequest: '', prefix: 'lnbc', tags: [p, { tagName: 'description', data: 'Please consider supporting this project' }], timestamp: 1513236122 };
  for (const [obj, key] of [
    [unsigned, 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca'],
    [{ ...unsigned, payeeNodeKey: '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad', tags: [...unsigned.tags, { tagName: 'payee_node_key', data: '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f93ffffff' }] }, KEY],
    [{ ...unsigned, payeeNodeKey: '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dffff' }, KEY],
  ]) {
    assert.throws(() => theirs.sign(structuredClone(obj), Buffer.from(key, 'hex')), Error);
    assert.throws(() => ours.sign(structuredClone(obj), key), Error);
  }
});

test('the amount helpers agree with bolt11', () => {
  for (const n of [1, 10, 100, 100000, 100000000, 123456789, 123450000, 123400000]) {
    same((m) => m.satToHrp(new BN(n, 10)));
    same((m) => m.satToHrp(n));
  }
  same((m) => m.millisatToHrp(new BN(1, 10)));
  for (const bad of ['10.2', 34.7]) same((m) => m.satToHrp(bad));
  same((m) => m.millisatToHrp('10.2'));
  for (const hrp of ['10n', '1u', '1m', '1', '1234567890n', '1234567u', '1234m', '2500u', '10p']) {
    same((m) => m.hrpToSat(hrp, true));
    same((m) => m.hrpToMillisat(hrp, true));
    // Without outputString: a bigint where bolt11 gives a BN, the same digits.
    if (!hrp.endsWith('p')) assert.equal(ours.hrpToSat(hrp).toString(), theirs.hrpToSat(hrp).toString(), hrp);
    assert.equal(typeof ours.hrpToMillisat(hrp), 'bigint');
    assert.equal(ours.hrpToMillisat(hrp).toString(), theirs.hrpToMillisat(hrp).toString(), hrp);
  }
  for (const bad of ['10x', '1f0', '9n', '5670p', '21000001']) same((m) => m.hrpToSat(bad));
  same((m) => m.hrpToMillisat('8p'));
});

test('what BOLT-11 forbids is refused where bolt11 reads it (wasm/README.md lists each)', () => {
  // All but a missing payment secret, which the drop-in reads as bolt11 does (the legacy
  // profile: every invoice of bolt11's fixtures is from before payment secrets).
  const refused = vectors.filter((v) => (!v.valid && !v.name.startsWith('Missing required `s`')) || v.name.startsWith('Same, but including fields which must be ignored'));
  let readByBolt11 = 0;
  for (const v of refused) {
    try {
      theirs.decode(v.invoice);
      readByBolt11 += 1;
    } catch {}
    assert.throws(() => ours.decode(v.invoice), (e) => typeof e.kind === 'string', v.name);
  }
  assert.ok(readByBolt11 >= 1, `bolt11 reads ${readByBolt11} of them`);
  // Invoices bolt11 writes and reads, that BOLT-11 forbids.
  const made = (extra) => theirs.sign(theirs.encode({
    network: net('bc0'), timestamp: 1_700_000_000,
    tags: [{ tagName: 'payment_hash', data: '00'.repeat(32) }, { tagName: 'description', data: 'x' }, ...extra],
  }), KEY).paymentRequest;
  for (const [extra, kind] of [
    [[{ tagName: 'purpose_commit_hash', data: '11'.repeat(32) }], 'description_and_hash'],
    [[{ tagName: 'payment_hash', data: '22'.repeat(32) }], 'duplicate_field'],
    [[{ tagName: 'expire_time', data: 60 }, { tagName: 'expire_time', data: 70 }], 'duplicate_field'],
    [[{ tagName: 'feature_bits', data: { word_length: 21, extra_bits: { start_bit: 20, bits: [...Array(80).fill(false), true], has_required: true } } }], 'unknown_required_feature'],
  ]) {
    const invoice = made(extra);
    assert.equal(theirs.decode(invoice).complete, true);
    assert.throws(() => ours.decode(invoice), { kind }, kind);
  }
  // Every valid spec example reads as bolt11 reads it.
  for (const v of vectors.filter((x) => x.valid && !x.name.startsWith('Same, but including fields'))) {
    same((m) => m.decode(v.invoice));
  }
  // Signet is built in (bolt11 needs a network object for it).
  const signet = ours.decode(ours.sign(ours.encode({ network: { bech32: 'tbs', pubKeyHash: 0x6f, scriptHash: 0xc4, validWitnessVersions: [0, 1] }, timestamp: 1_700_000_000, tags: [{ tagName: 'payment_hash', data: '00'.repeat(32) }, { tagName: 'payment_secret', data: '11'.repeat(32) }] }), SPEC_KEY).paymentRequest);
  assert.equal(signet.network.bech32, 'tbs');
});
