// Every spec example through the WebAssembly package: every field of every valid one, the
// error of every invalid one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { bolt11, vectors, strictlyValid } from './lib.mjs';

test('every valid example decodes with every stated field', () => {
  assert.equal(strictlyValid.length, 15);
  for (const v of strictlyValid) {
    const d = bolt11.decode(v.invoice);
    assert.equal(d.network, v.network, v.name);
    // A bigint: exact for every amount an invoice can carry, and computable.
    assert.equal(d.amount_msat, v.amount_msat == null ? undefined : BigInt(v.amount_msat), v.name);
    assert.equal(d.created_at, v.timestamp, v.name);
    assert.equal(d.payment_hash, v.payment_hash, v.name);
    assert.equal(d.payment_secret, v.payment_secret ?? undefined, v.name);
    assert.equal(d.description, v.description ?? undefined, v.name);
    assert.equal(d.description_hash, v.description_hash ?? undefined, v.name);
    assert.equal(d.expiry, v.expiry ?? 3600, v.name);
    assert.equal(d.expires_at, d.created_at + d.expiry, v.name);
    assert.equal(d.min_final_cltv_expiry, v.min_final_cltv_expiry_delta ?? 18, v.name);
    assert.deepEqual(d.feature_bits, v.features.bits, v.name);
    assert.equal(d.payment_metadata, v.payment_metadata?.replace(/^0x/, '') ?? undefined, v.name);
    assert.equal(d.signature, v.signature.rs_hex, v.name);
    assert.equal(d.recovery_id, v.signature.recovery_id, v.name);
    assert.equal(d.payee, v.payee_pubkey, v.name);
    assert.deepEqual((d.fallbacks ?? []).map((f) => [f.type, f.addr]), v.fallbacks.map((f) => [f.type, f.address]), v.name);
    const hops = (d.routes ?? []).flat();
    const want = v.route_hints.flat();
    assert.equal(hops.length, want.length, v.name);
    hops.forEach((h, i) => {
      for (const k of ['pubkey', 'short_channel_id', 'fee_base_msat', 'fee_proportional_millionths', 'cltv_expiry_delta']) {
        assert.equal(h[k], want[i][k], `${v.name} ${k}`);
      }
    });
  }
});

test('decodeUnverified reads the fields but not the payee', () => {
  const v = strictlyValid[0];
  const d = bolt11.decodeUnverified(v.invoice);
  assert.equal(d.payment_hash, v.payment_hash);
  assert.equal(d.payee, undefined);
  const bad = vectors.find((x) => x.name === 'Signature is not recoverable.');
  assert.equal(bolt11.decodeUnverified(bad.invoice).recovery_id, 2);
});

const errors = {
  'Same, but adding invalid unknown feature 100': 'unknown_required_feature',
  'Bech32 checksum is invalid.': 'invalid_checksum',
  'Malformed bech32 string (no 1)': 'missing_separator',
  'Malformed bech32 string (mixed case)': 'mixed_case',
  'Signature is not recoverable.': 'unrecoverable_signature',
  'String is too short.': 'too_short',
  'Invalid multiplier': 'invalid_multiplier',
  'Invalid sub-millisatoshi precision.': 'sub_millisatoshi_amount',
  'Missing required `s` field.': 'missing_payment_secret',
  "Non canonical signature (high-S) with 'n' field defined": 'duplicate_field',
};

test('every invalid example throws an Error with its kind', () => {
  const invalid = vectors.filter((v) => !v.valid);
  assert.equal(invalid.length, 10);
  for (const v of invalid) {
    assert.throws(() => bolt11.decode(v.invoice), (e) => {
      assert.ok(e instanceof Error, v.name);
      assert.equal(e.kind, errors[v.name], v.name);
      assert.equal(typeof e.message, 'string');
      return true;
    });
  }
});

test('lenient policy and the network option', () => {
  const unknown = vectors.find((v) => v.name === 'Same, but adding invalid unknown feature 100');
  assert.throws(() => bolt11.decode(unknown.invoice), { kind: 'unknown_required_feature' });
  const d = bolt11.decode(unknown.invoice, { lenient: true });
  assert.deepEqual(d.feature_bits, [8, 14, 99, 100]);
  // Any second p fails in both policies (lightning/bolts PR 1357).
  const ignored = vectors.find((v) => v.name === 'Same, but including fields which must be ignored.');
  assert.throws(() => bolt11.decode(ignored.invoice, { lenient: true }), { kind: 'duplicate_field' });
  const testnet = strictlyValid.find((v) => v.network === 'testnet');
  assert.equal(bolt11.decode(testnet.invoice, { network: 'testnet' }).network, 'testnet');
  assert.throws(() => bolt11.decode(testnet.invoice, { network: 'bitcoin' }), { kind: 'wrong_network' });
  assert.throws(() => bolt11.decode(testnet.invoice, { network: 'moon' }), { kind: 'usage' });
  // Names an object literal would inherit are not networks either (they once meant "any").
  for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
    assert.throws(() => bolt11.decode(testnet.invoice, { network: name }), { kind: 'usage' }, name);
  }
});

test('an unverified payee is marked, a verified one too', () => {
  // Made with the crate's builder and payee_pubkey (no spec example that decodes has an `n`).
  const withN = {
    invoice: 'lnbc10n1pj48ugqpp5qyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqssp5qgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqyqszqgpqdq2wa5hg6pqdcnp4qvrsxyv8lv20wux4yyufc5pryx4mpeq7t2u8rqwjf6865zhwmqmes9qrsgquepuc22zngzyeefndcwhr0r2zq8f7d2kka4zungem3yvczz649zy6pka3m45ptjluv55aaa34d2pw63n940n3ul0ffyje4zm9ksmt0qqyk6f34',
    payee: '0307031187fb14f770d521389c502321abb0e41e5ab87181d24e8faa0aeed83798',
  };
  assert.equal(bolt11.decode(withN.invoice).payee_verified, true);
  const unverified = bolt11.decodeUnverified(withN.invoice);
  assert.equal(unverified.payee, withN.payee);
  assert.equal(unverified.payee_verified, false);
  const withoutN = strictlyValid[0];
  // Absent, as every missing field: undefined, and not in its JSON.
  assert.equal(bolt11.decodeUnverified(withoutN.invoice).payee, undefined);
  assert.equal('payee' in bolt11.decodeUnverified(withoutN.invoice).toJSON(), false);
});

test('printable neutralises what could disguise a description', () => {
  assert.equal(bolt11.printable('1 cup coffee'), '1 cup coffee');
  assert.equal(bolt11.printable('pay \u202egnp.exe\u202c now\n\u0007'), 'pay \ufffdgnp.exe\ufffd now\ufffd\ufffd');
  assert.equal(bolt11.printable('👨\u200d👩\u200d👧 ナンセンス'), '👨\u200d👩\u200d👧 ナンセンス');
});

test('invoices longer than the input buffer and not ASCII are written whole', () => {
  const v = strictlyValid[0].invoice;
  assert.throws(() => bolt11.decode(`${v}é`), { kind: 'invalid_char' });
  assert.throws(() => bolt11.decode('x'.repeat(100_000)), { kind: 'too_long' });
  assert.equal(bolt11.decode(` \u00a0lightning:${v}\n`).payment_hash, strictlyValid[0].payment_hash);
});

test('blinded-path invoices: the profile by name, the paths as the CLI gives them', () => {
  const blinded = JSON.parse(readFileSync(new URL('../../../test-vectors/blinded-invoices.json', import.meta.url))).invoices;
  for (const entry of blinded) {
    assert.throws(() => bolt11.decode(entry.invoice), (e) => e.kind === 'blinded_without_payment_secret' && /bLIP-39/.test(e.message));
    const profiles = entry.feature_bits.includes(262) ? ['blinded', 'lenient', 'legacy'] : ['lenient', 'legacy'];
    for (const profile of profiles) {
      const inv = bolt11.decode(entry.invoice, { profile });
      assert.equal(inv.payee, entry.destination, profile);
      assert.equal(inv.blinded_paths.length, entry.paths.length, profile);
      const reference = JSON.parse(bolt11.decodeJson(entry.invoice, { profile }));
      assert.deepStrictEqual(inv.blinded_paths, reference.blinded_paths);
      assert.equal(JSON.stringify(inv), JSON.stringify(reference));
    }
  }
  assert.throws(() => bolt11.decode(blinded[0].invoice, { profile: 'loose' }), { kind: 'usage' });
  assert.throws(() => bolt11.decode(blinded[0].invoice, { profile: 'blinded', lenient: true }), { kind: 'usage' });
});
