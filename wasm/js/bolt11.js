// `lightning-bolt11/bolt11`: bitcoinjs' `bolt11` 1.4.1 API (decode, encode, sign, satToHrp,
// millisatToHrp, hrpToSat, hrpToMillisat) with its objects, over this crate. Decoding,
// checking, signing and the amount arithmetic are the crate's (src/bolt11.rs,
// src/bolt11_encode.rs); this file gives the results bolt11's shapes and keeps its checks of
// the objects it is handed, with its messages. build.sh joins it to the glue and js/record.js.

// bolt11's networks, and signet, which it lacks.
function bolt11Networks() {
  const net = (bech32, pubKeyHash, scriptHash) => ({ bech32, pubKeyHash, scriptHash, validWitnessVersions: [0, 1] });
  return {
    bitcoin: net('bc', 0x00, 0x05),
    testnet: net('tb', 0x6f, 0xc4),
    signet: net('tbs', 0x6f, 0xc4),
    regtest: net('bcrt', 0x6f, 0xc4),
    simnet: net('sb', 0x3f, 0x7b),
  };
}

// Field type codes and bolt11's names for them; any other type is `unknownTag`.
const BOLT11_TAGS = new Map([
  [1, 'payment_hash'], [16, 'payment_secret'], [13, 'description'], [19, 'payee_node_key'],
  [23, 'purpose_commit_hash'], [6, 'expire_time'], [24, 'min_final_cltv_expiry'],
  [9, 'fallback_address'], [3, 'routing_info'], [5, 'feature_bits'],
]);
const BOLT11_CODES = new Map([...BOLT11_TAGS].map(([code, name]) => [name, code]));
// Feature names in bit order (bits 2n and 2n + 1), as bolt11 names them.
const BOLT11_FEATURES = [
  'option_data_loss_protect', 'initial_routing_sync', 'option_upfront_shutdown_script',
  'gossip_queries', 'var_onion_optin', 'gossip_queries_ex', 'option_static_remotekey',
  'payment_secret', 'basic_mpp', 'option_support_large_channel',
];

// An own property only: nothing a page put on Object.prototype is read.
const own = (o, k) => (o != null && typeof o === 'object' && Object.hasOwn(o, k) ? o[k] : undefined);

// The object's keys sorted, as bolt11 returns its objects; with `tagsObject` for decoded ones.
function bolt11Ordered(o, withTagsObject) {
  const out = {};
  for (const k of Object.keys(o).sort()) out[k] = o[k];
  if (withTagsObject) {
    let cache;
    Object.defineProperty(out, 'tagsObject', {
      get() {
        if (cache === undefined) {
          cache = {};
          for (const t of this.tags) {
            if (t.tagName === 'unknownTag') (cache.unknownTags ??= []).push(t.data);
            else cache[t.tagName] = t.data;
          }
        }
        return cache;
      },
    });
  }
  return out;
}

function bolt11FeatureObject(words, bits) {
  const set = new Set(bits);
  const f = { word_length: words };
  BOLT11_FEATURES.forEach((name, i) => {
    f[name] = { required: set.has(2 * i), supported: set.has(2 * i + 1) };
  });
  const start = BOLT11_FEATURES.length * 2;
  const extra = [];
  for (let b = start; b < Math.max(words * 5, start); b++) extra.push(set.has(b));
  f.extra_bits = { start_bit: start, bits: extra, has_required: extra.some((on, i) => on && i % 2 === 0) };
  return f;
}

// bolt11's message for a refusal of the crate's `kind`, where bolt11 refuses the same input.
function bolt11Message(kind, paymentRequest) {
  switch (kind) {
    case 'mixed_case': return `Mixed-case string ${paymentRequest}`;
    case 'too_short': case 'invalid_recovery_id': return 'Signature is missing or incorrect';
    case 'invalid_payee_key': case 'invalid_signature': return 'Lightning Payment Request signature pubkey does not match payee pubkey';
    case 'unknown_currency':
      // bolt11 reads `ln` with nothing after it as no payment request at all.
      return paymentRequest.lastIndexOf('1') <= 2 ? 'Not a proper lightning payment request' : 'Unknown coin bech32 prefix';
    default: return undefined;
  }
}

// The decoding half (decode and the amount helpers): in browsers, the small decode-only
// module, so that a page importing only `decode` carries no signing code.
function bolt11Decoder(glue, reader) {
  const { error, call, run, num, str, int, has } = reader;
  const NETWORKS = bolt11Networks();
  const BY_PREFIX = new Map(Object.entries(NETWORKS).map(([name, n], i) => [n.bech32, { index: i + 1, net: n }]));

  const usage = (message) => error('usage', message);

  function decode(paymentRequest, network) {
    if (typeof paymentRequest !== 'string') throw usage('Lightning Payment Request must be string');
    if (paymentRequest.slice(0, 2).toLowerCase() !== 'ln') throw error('not_lightning', 'Not a proper lightning payment request');
    let expected;
    if (network) {
      if (own(network, 'bech32') === undefined || own(network, 'pubKeyHash') === undefined ||
          own(network, 'scriptHash') === undefined || !Array.isArray(own(network, 'validWitnessVersions'))) {
        throw usage('Invalid network');
      }
      expected = BY_PREFIX.get(network.bech32);
      if (expected === undefined) throw error('unknown_currency', 'Unknown coin bech32 prefix');
    }
    // Verified, with the legacy profile: bolt11 reads invoices without a payment secret.
    try {
      run(paymentRequest, 1 | 8 | 16 | (expected ? expected.index << 8 : 0));
    } catch (e) {
      // bolt11's own text where it has one for the same fault (code matches on it); the
      // crate's `kind` stays.
      const text = bolt11Message(e.kind, paymentRequest);
      if (text !== undefined) e.message = text;
      throw e;
    }
    const prefix = str();
    const msat = has() ? String(int()) : null;
    const timestamp = int();
    const payeeNodeKey = str();
    const signature = str();
    const recoveryFlag = num();
    const wordsTemp = str();
    const tags = [];
    let expireTime;
    for (let n = num(), k = 0; k < n; k++) {
      const code = num();
      const tagName = BOLT11_TAGS.get(code) ?? 'unknownTag';
      let data;
      switch (code) {
        case 6: case 24: data = Number(int()); if (code === 6) expireTime ??= data; break;
        case 9: {
          const c = num();
          const addressHash = str();
          data = { code: c, address: has() ? str() : null, addressHash };
          break;
        }
        case 3: {
          data = [];
          for (let h = num(), i = 0; i < h; i++) {
            data.push({ pubkey: str(), short_channel_id: str(), fee_base_msat: num(), fee_proportional_millionths: num(), cltv_expiry_delta: num() });
          }
          break;
        }
        case 5: {
          const words = num();
          const bits = [];
          for (let b = num(), i = 0; i < b; i++) bits.push(num());
          data = bolt11FeatureObject(words, bits);
          break;
        }
        default:
          data = BOLT11_TAGS.has(code) ? str() : { tagCode: code, words: str() };
      }
      tags.push({ tagName, data });
    }
    const o = {
      paymentRequest: paymentRequest.toLowerCase(),
      complete: true,
      prefix,
      wordsTemp,
      network: network || BY_PREFIX.get(currencyOf(prefix)).net,
      millisatoshis: msat,
      timestamp,
      timestampString: new Date(timestamp * 1000).toISOString(),
      payeeNodeKey,
      signature,
      recoveryFlag,
      tags,
    };
    // bolt11: a number of satoshis, null without an amount, absent for a fraction of one.
    if (msat === null) o.satoshis = null;
    else if (BigInt(msat) % 1000n === 0n) o.satoshis = Number(BigInt(msat) / 1000n);
    if (expireTime !== undefined) {
      o.timeExpireDate = timestamp + expireTime;
      o.timeExpireDateString = new Date(o.timeExpireDate * 1000).toISOString();
    }
    return bolt11Ordered(o, true);
  }

  // The currency of a prefix this module decoded (`lnbc2500u` is `bc`).
  function currencyOf(prefix) {
    for (const c of ['bcrt', 'tbs', 'bc', 'tb', 'sb']) if (prefix.startsWith(c, 2)) return c;
    return '';
  }

  // An amount helper of the crate (src/bolt11.rs), with bolt11's messages for its errors.
  function amount(text, op) {
    try {
      call(glue.amountText, text, op);
    } catch (e) {
      if (e.kind === 'invalid_multiplier') throw usage('Not a valid multiplier for the amount');
      if (e.kind === 'missing_amount_digits' || e.kind === 'amount_leading_zero') throw usage('Not a valid human readable amount');
      throw error(e.kind, 'Amount is outside of valid range');
    }
    return str();
  }

  function millisatToHrp(millisatoshis) {
    const digits = String(millisatoshis);
    if (!/^\d+$/.test(digits)) throw usage('millisatoshis must be an integer');
    return amount(digits, 0);
  }

  function hrpToMillisat(hrpString, outputString) {
    const text = String(hrpString);
    if (/[^munp0-9]$/.test(text)) throw usage('Not a valid multiplier for the amount');
    if (!/^\d+[munp]?$/.test(text)) throw usage('Not a valid human readable amount');
    const msat = amount(text, 1);
    return outputString ? msat : BigInt(msat);
  }

  return {
    decode,
    satToHrp(satoshis) {
      const digits = String(satoshis);
      if (!/^\d+$/.test(digits)) throw usage('satoshis must be an integer');
      return millisatToHrp(String(BigInt(digits) * 1000n));
    },
    millisatToHrp,
    hrpToSat(hrpString, outputString) {
      const msat = BigInt(hrpToMillisat(hrpString, true));
      if (msat % 1000n !== 0n) throw usage('Amount is outside of valid range');
      return outputString ? String(msat / 1000n) : msat / 1000n;
    },
    hrpToMillisat,
  };
}

// The encoding half (encode and sign): the builder and signing, in browsers a module of its
// own, loaded only by pages that import them.
function bolt11Encoder(glue, error) {
  const NETWORKS = bolt11Networks();
  const usage = (message) => error('usage', message);
  const HEXPAIRS = /^([a-zA-Z0-9]{2})*$/;
  const clone = (o) => structuredClone(o);

  const hasTag = (tags, name) => tags.some((t) => own(t, 'tagName') === name);
  const tagData = (tags, name) => {
    const t = tags.find((x) => own(x, 'tagName') === name);
    return t === undefined ? null : own(t, 'data');
  };

  // Calls into the sign module, turning its `kind: message` errors into Errors with `kind`.
  function call(f) {
    try {
      return f();
    } catch (e) {
      if (e && typeof e.message === 'string' && e.kind === undefined) {
        const at = e.message.indexOf(': ');
        throw error(at > 0 ? e.message.slice(0, at) : 'invalid', at > 0 ? e.message.slice(at + 2) : e.message);
      }
      throw e;
    }
  }

  // Runs the crate's builder over the object's fields, in order: `key` signs, `signature`
  // (r, s, recovery id) is attached; with neither, the unsigned words. Returns the parts
  // encodeFinish reports.
  function build(data, { key = '', signature = '' } = {}) {
    const net = own(data, 'network');
    const msat = own(data, 'millisatoshis') ?? (own(data, 'satoshis') == null ? '' : String(BigInt(String(own(data, 'satoshis'))) * 1000n));
    return call(() => {
      glue.encodeStart(net.bech32, msat == null ? '' : String(msat), Number(own(data, 'timestamp')));
      for (const tag of own(data, 'tags')) {
        const name = own(tag, 'tagName');
        const value = own(tag, 'data');
        if (name === 'unknownTag') {
          glue.encodeField(own(value, 'tagCode'), String(own(value, 'words')), false);
          continue;
        }
        const code = BOLT11_CODES.get(name);
        switch (code) {
          case 9:
            glue.encodeField(code, `${own(value, 'code')}:${own(value, 'addressHash')}`, false);
            break;
          case 3:
            glue.encodeField(code, value.map(routeHex).join(''), false);
            break;
          case 5:
            glue.encodeField(code, featureBits(value).join(','), false);
            break;
          case 23:
            glue.encodeField(code, String(value), !HEXPAIRS.test(value));
            break;
          default:
            glue.encodeField(code, String(value), false);
        }
      }
      const [paymentRequest, prefix, wordsTemp, payee, sig, recid] = glue.encodeFinish(key, signature).split('|');
      return { paymentRequest, prefix, wordsTemp, payee, sig, recid: recid === '' ? undefined : Number(recid) };
    });
  }

  function routeHex(r) {
    const int = (v, bytes, what) => {
      if (typeof v !== 'number' || Math.floor(v) !== v || v < 0 || v >= 2 ** (8 * bytes)) throw usage(`Routing info ${what} is not an integer`);
      return v.toString(16).padStart(2 * bytes, '0');
    };
    const pubkey = String(own(r, 'pubkey'));
    const scid = String(own(r, 'short_channel_id'));
    if (!/^[0-9a-fA-F]{66}$/.test(pubkey)) throw usage('Routing info pubkey is not a valid pubkey');
    if (!/^[0-9a-fA-F]{16}$/.test(scid)) throw usage('Routing info short channel id must be 8 bytes');
    return pubkey + scid + int(own(r, 'fee_base_msat'), 4, 'fee base msat') +
      int(own(r, 'fee_proportional_millionths'), 4, 'fee proportional millionths') +
      int(own(r, 'cltv_expiry_delta'), 2, 'cltv expiry delta');
  }

  function featureBits(f) {
    const bits = [];
    BOLT11_FEATURES.forEach((name, i) => {
      if (own(own(f, name), 'required')) bits.push(2 * i);
      if (own(own(f, name), 'supported')) bits.push(2 * i + 1);
    });
    const extra = own(f, 'extra_bits');
    const list = own(extra, 'bits');
    if (Array.isArray(list)) list.forEach((on, i) => on && bits.push(own(extra, 'start_bit') + i));
    const words = own(f, 'word_length');
    if (words !== undefined && bits.length > 0 && Math.max(...bits) >= words * 5) {
      throw usage('word_length is too small to contain all featureBits');
    }
    return bits;
  }

  function encode(inputData, addDefaults) {
    const data = clone(inputData);
    if (addDefaults === undefined) addDefaults = true;
    const canReconstruct = !(data.signature === undefined || data.recoveryFlag === undefined);
    if (data.network === undefined && !canReconstruct) data.network = NETWORKS.bitcoin;
    else if (data.network === undefined) throw usage('Need network for proper payment request reconstruction');
    else if (!own(data.network, 'bech32') || own(data.network, 'pubKeyHash') === undefined ||
             own(data.network, 'scriptHash') === undefined || !Array.isArray(own(data.network, 'validWitnessVersions'))) {
      throw usage('Invalid network');
    }
    if (data.timestamp === undefined && !canReconstruct) data.timestamp = Math.floor(Date.now() / 1000);
    else if (data.timestamp === undefined) throw usage('Need timestamp for proper payment request reconstruction');
    if (data.tags === undefined) throw usage('Payment Requests need tags array');
    const tags = data.tags;
    if (!hasTag(tags, 'payment_hash')) throw usage('Lightning Payment Request needs a payment hash');
    if (hasTag(tags, 'payment_secret')) {
      const fb = tagData(tags, 'feature_bits');
      if (fb === null) {
        if (!addDefaults) throw usage('Payment request requires feature bits with at least payment secret support flagged if payment secret is included');
        tags.push({ tagName: 'feature_bits', data: { word_length: 4, var_onion_optin: { required: false, supported: true }, payment_secret: { required: false, supported: true } } });
      } else if (!own(fb, 'payment_secret') || (!fb.payment_secret.supported && !fb.payment_secret.required)) {
        throw usage('Payment request requires feature bits with at least payment secret support flagged if payment secret is included');
      }
    }
    if (!hasTag(tags, 'description') && !hasTag(tags, 'purpose_commit_hash')) {
      if (!addDefaults) throw usage('Payment request requires description or purpose commit hash');
      tags.push({ tagName: 'description', data: '' });
    }
    const description = tagData(tags, 'description');
    if (description !== null && new TextEncoder().encode(String(description)).length > 639) {
      throw usage('Description is too long: Max length 639 bytes');
    }
    if (!hasTag(tags, 'expire_time') && !canReconstruct && addDefaults) tags.push({ tagName: 'expire_time', data: 3600 });
    if (!hasTag(tags, 'min_final_cltv_expiry') && !canReconstruct && addDefaults) tags.push({ tagName: 'min_final_cltv_expiry', data: 9 });
    const tagKey = tagData(tags, 'payee_node_key');
    const given = own(data, 'payeeNodeKey');
    if (given && tagKey && String(tagKey).toLowerCase() !== String(given).toLowerCase()) {
      throw usage('payeeNodeKey and tag payee node key do not match');
    }
    const nodeKey = given || tagKey;
    if (nodeKey) data.payeeNodeKey = String(nodeKey).toLowerCase();
    for (const tag of tags) {
      const name = own(tag, 'tagName');
      if (name === 'unknownTag' ? !canReconstruct : !BOLT11_CODES.has(name)) throw usage(`Unknown tag key: ${name}`);
      if (name === 'fallback_address') fillFallback(own(tag, 'data'), data.network);
      if (name === 'routing_info') {
        for (const r of own(tag, 'data')) {
          for (const k of ['pubkey', 'short_channel_id', 'fee_base_msat', 'fee_proportional_millionths', 'cltv_expiry_delta']) {
            if (own(r, k) === undefined) throw usage('Routing info is incomplete');
          }
        }
      }
      if (name === 'purpose_commit_hash' && typeof own(tag, 'data') !== 'string') {
        throw usage('purpose or purpose commit must be a string or hex string');
      }
    }
    const sats = own(data, 'satoshis');
    const msats = own(data, 'millisatoshis');
    if (sats && msats && BigInt(String(sats)) * 1000n !== BigInt(String(msats))) {
      throw usage('satoshis and millisatoshis do not match');
    }
    let made;
    if (canReconstruct) {
      if (!nodeKey) throw usage('Reconstruction with signature and recoveryID requires payeeNodeKey to verify correctness of input data.');
      made = build(data, { signature: String(data.signature) + Number(data.recoveryFlag).toString(16).padStart(2, '0') });
      if (made.payee !== data.payeeNodeKey) {
        throw error('bad_signature', 'Signature, message, and recoveryID did not produce the same pubkey as payeeNodeKey');
      }
    } else {
      made = build(data);
    }
    if (hasTag(tags, 'expire_time')) {
      data.timeExpireDate = data.timestamp + tagData(tags, 'expire_time');
      data.timeExpireDateString = new Date(data.timeExpireDate * 1000).toISOString();
    }
    data.timestampString = new Date(data.timestamp * 1000).toISOString();
    data.complete = canReconstruct;
    data.paymentRequest = canReconstruct ? made.paymentRequest : '';
    data.prefix = made.prefix;
    data.wordsTemp = made.wordsTemp;
    return bolt11Ordered(data, false);
  }

  // bolt11 accepts a fallback as an address alone, and fills in its code and hash, by its
  // rules: a segwit address of the network's prefix and a witness version it allows, or a
  // base58check address with its P2PKH or P2SH version byte.
  function fillFallback(f, network) {
    if (own(f, 'addressHash') !== undefined && own(f, 'code') !== undefined) return;
    let parts;
    try {
      parts = glue.addressParts(String(own(f, 'address'))).split(':');
    } catch {
      throw error('invalid_fallback', 'Fallback address type is unknown');
    }
    if (parts[0] === 'sw') {
      const version = Number(parts[2]);
      if (!(version in network.validWitnessVersions)) throw error('invalid_fallback', 'Fallback address witness version is unknown');
      if (parts[1] !== network.bech32) throw error('wrong_network', 'Fallback address network type does not match payment request network type');
      f.code = version;
      f.addressHash = parts[3];
    } else {
      const version = Number(parts[1]);
      if (version !== network.pubKeyHash && version !== network.scriptHash) {
        throw error('wrong_network', 'Fallback address version (base58) is unknown or the network type is incorrect');
      }
      f.code = version === network.pubKeyHash ? 17 : 18;
      f.addressHash = parts[2];
    }
  }

  function sign(inputPayReqObj, inputPrivateKey) {
    const obj = clone(inputPayReqObj);
    if (obj.complete && obj.paymentRequest) return obj;
    const key = typeof inputPrivateKey === 'string' ? inputPrivateKey
      : inputPrivateKey instanceof Uint8Array ? Array.from(inputPrivateKey, (b) => b.toString(16).padStart(2, '0')).join('') : '';
    if (!/^[0-9a-fA-F]{64}$/.test(key)) throw usage('privateKey must be a 32 byte Buffer and valid private key');
    const publicKey = call(() => glue.publicKeyOf(key));
    const tagKey = tagData(obj.tags, 'payee_node_key');
    const given = own(obj, 'payeeNodeKey');
    if (given && tagKey && String(given).toLowerCase() !== String(tagKey).toLowerCase()) {
      throw usage('payee node key tag and payeeNodeKey attribute must match');
    }
    const nodeKey = tagKey || given;
    if (nodeKey && String(nodeKey).toLowerCase() !== publicKey) {
      throw usage('The private key given is not the private key of the node public key given');
    }
    const made = build(obj, { key });
    if (obj.wordsTemp !== undefined && made.prefix !== obj.prefix) {
      throw usage('the object was changed after encode: its prefix is not its amount and network');
    }
    obj.payeeNodeKey = made.payee;
    obj.signature = made.sig;
    obj.recoveryFlag = made.recid;
    obj.wordsTemp = made.wordsTemp;
    obj.complete = true;
    obj.paymentRequest = made.paymentRequest;
    return bolt11Ordered(obj, false);
  }

  return { encode, sign };
}
