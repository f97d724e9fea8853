// The package's functions, over wasm-bindgen's glue for one target (`glue`) and the record
// reader (js/record.js). build.sh joins these files to the glue: one ES module for browsers
// (`index.js`), and `index.cjs` for Node.
//
// A decode is one call into wasm with numbers only, read back into an Invoice: the core
// fields at once, the detail when first read.
function api(glue) {
  const { error, run, num, str, int, has } = recordReader(glue);

  // A Map, not an object literal: a name like "constructor" must not find an inherited value.
  const NETWORKS = new Map([
    ['bitcoin', 1], ['mainnet', 1], ['testnet', 2], ['testnet3', 2], ['testnet4', 2],
    ['signet', 3], ['regtest', 4], ['simnet', 5],
  ]);

  // An own property only: nothing a page put on Object.prototype is read as an option.
  const own = (o, k) => (o != null && typeof o === 'object' && Object.hasOwn(o, k) ? o[k] : undefined);

  function unsupported(name) {
    return error('unsupported', `${name} is not in this build: import the full package ("lightning-bolt11")`);
  }

  // The profiles by name, as the crate names them, and their option bits.
  const PROFILES = new Map([['strict', 0], ['lenient', 2], ['legacy', 16], ['blinded', 32]]);

  // Option bits for decodeInput: bit 0 verifies, bit 1 is lenient, bit 2 asks for the
  // detail (see Invoice), bits 4 and 5 the legacy and blinded profiles, bits 8+ the network.
  function flags(verify, options) {
    let f = verify ? 1 : 0;
    if (options == null) return f;
    if (own(options, 'lenient') === true) f |= 2;
    const profile = own(options, 'profile');
    if (profile != null) {
      const p = PROFILES.get(String(profile));
      if (p === undefined) throw error('usage', 'unknown profile (expected strict, blinded, legacy or lenient)');
      if (f & 2 && p !== 2) throw error('usage', 'give profile or lenient: true, not both');
      f |= p;
    }
    const network = own(options, 'network');
    if (network != null) {
      const n = NETWORKS.get(String(network).toLowerCase());
      if (n === undefined) {
        throw error('usage', 'unknown network name (expected bitcoin, testnet, signet, regtest or simnet)');
      }
      f |= n << 8;
    }
    return f;
  }

  // The fields read on demand, in the CLI's order, after the core's.
  const DETAIL = ['feature_bits', 'features', 'fallbacks', 'routes', 'blinded_paths', 'extra', 'signature', 'recovery_id'];

  // A decoded invoice. Its core fields (amount, hashes, payee, description, times) are its own
  // data properties, read from the record when it was decoded. The rest (DETAIL) are getters
  // that decode the invoice again, once, on the first read: formatting fallback addresses,
  // routes and features took most of a decode's time, and most callers never read them.
  // `toJSON()` gives a plain object with everything: JSON.stringify uses it, and so does
  // Node's console.log.
  class Invoice {
    #invoice;
    #flags;
    #detail;
    constructor(invoice, flags) {
      this.#invoice = invoice;
      this.#flags = flags;
    }
    #read() {
      if (this.#detail === undefined) {
        run(this.#invoice, this.#flags);
        this.#detail = readDetail();
      }
      return this.#detail;
    }
    toJSON() {
      const o = {};
      for (const [k, v] of Object.entries(this)) {
        // The CLI's JSON: an amount is a number, or its decimal string above 2^53 - 1.
        if (v !== undefined) o[k] = typeof v === 'bigint' ? (v <= 9007199254740991n ? Number(v) : String(v)) : v;
      }
      const d = this.#read();
      for (const k of DETAIL) if (d[k] !== undefined && !Object.hasOwn(o, k)) o[k] = d[k];
      return o;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
      return this.toJSON();
    }
    static detail(o) {
      return o.#read();
    }
  }
  for (const k of DETAIL) {
    Object.defineProperty(Invoice.prototype, k, {
      get() { return Invoice.detail(this)[k]; },
      // Assigning works as on a plain object: the value becomes the instance's own.
      set(value) { Object.defineProperty(this, k, { value, writable: true, enumerable: true, configurable: true }); },
      enumerable: false,
      configurable: true,
    });
  }

  // Every field is the invoice's own property, `undefined` when the invoice lacks it: an
  // absent field is never looked up on Object.prototype. The amount is a bigint, exact for
  // every amount an invoice can carry; times are numbers (beyond 2^53 - 1 seconds, 285
  // million years, they are rounded).
  function read(invoice, f) {
    const o = new Invoice(invoice, f);
    o.currency = str();
    o.network = str();
    o.amount_msat = has() ? BigInt(int()) : undefined;
    o.created_at = Number(int());
    o.expiry = Number(int());
    o.expires_at = Number(int());
    o.min_final_cltv_expiry = Number(int());
    const withPayee = has();
    o.payee = withPayee ? str() : undefined;
    o.payee_verified = withPayee ? has() : undefined;
    o.payment_hash = str();
    o.payment_secret = has() ? str() : undefined;
    o.description = has() ? str() : undefined;
    o.description_hash = has() ? str() : undefined;
    o.payment_metadata = has() ? str() : undefined;
    return o;
  }

  function readDetail() {
    const d = Object.create(null);
    const nFeatures = num();
    const bits = new Array(nFeatures);
    const features = new Array(nFeatures);
    for (let k = 0; k < nFeatures; k++) {
      const bit = num();
      bits[k] = bit;
      features[k] = { bit, name: has() ? str() : null, required: bit % 2 === 0 };
    }
    d.feature_bits = bits;
    d.features = features;
    const nFallbacks = num();
    if (nFallbacks > 0) {
      const fallbacks = new Array(nFallbacks);
      for (let k = 0; k < nFallbacks; k++) fallbacks[k] = { type: str(), addr: str(), hex: str() };
      d.fallbacks = fallbacks;
    }
    const nRoutes = num();
    if (nRoutes > 0) {
      const routes = new Array(nRoutes);
      for (let k = 0; k < nRoutes; k++) {
        const hops = new Array(num());
        for (let h = 0; h < hops.length; h++) {
          hops[h] = {
            pubkey: str(),
            short_channel_id: str(),
            fee_base_msat: num(),
            fee_proportional_millionths: num(),
            cltv_expiry_delta: num(),
          };
        }
        routes[k] = hops;
      }
      d.routes = routes;
    }
    const nPaths = num();
    if (nPaths > 0) {
      const paths = new Array(nPaths);
      for (let k = 0; k < nPaths; k++) {
        const p = {
          fee_base_msat: num(),
          fee_proportional_millionths: num(),
          cltv_expiry_delta: num(),
          htlc_minimum_msat: int(),
          htlc_maximum_msat: int(),
          features: str(),
          first_ephemeral_blinding_point: str(),
          hops: new Array(num()),
        };
        for (let h = 0; h < p.hops.length; h++) p.hops[h] = { blinded_node_id: str(), encrypted_data: str() };
        paths[k] = p;
      }
      d.blinded_paths = paths;
    }
    const nExtra = num();
    if (nExtra > 0) {
      const extra = new Array(nExtra);
      for (let k = 0; k < nExtra; k++) extra[k] = { tag: str(), data: str() };
      d.extra = extra;
    }
    d.signature = str();
    d.recovery_id = num();
    return d;
  }

  function decodeWith(invoice, verify, options) {
    const s = String(invoice);
    const f = flags(verify, options);
    run(s, f);
    // The detail is read again without the signature check, which already passed.
    return read(s, (f & ~1) | 4);
  }

  // The characters that can disguise text on a screen (control characters, bidirectional
  // controls, line separators, joiner-less zero-width characters), as the crate's
  // PrintableString replaces them.
  const DISGUISING =
    /[\u0000-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff0-\ufff8\u{1bca0}-\u{1bca3}\u{1d173}-\u{1d17a}\u{e0000}-\u{e0fff}]/gu;

  const decoding = {
    /** Decodes, checks the signature, recovers the payee. */
    decode: (invoice, options) => decodeWith(invoice, true, options),
    /** Decodes without checking the signature (`payee` only from an `n` field). */
    decodeUnverified: (invoice, options) => decodeWith(invoice, false, options),
    /** Untrusted text (a description) safe to show a person: see `DISGUISING`. */
    printable: (text) => String(text).replace(DISGUISING, '\ufffd'),
  };
  // FULL is false in the decode-only build (build.sh tells esbuild), which then drops what
  // follows: those functions only say they are not in that build.
  if (!FULL) {
    const none = (name) => () => { throw unsupported(name); };
    return { ...decoding, decodeJson: none('decodeJson'), check: none('check'), makeInvoice: none('makeInvoice'), parseInput: none('parseInput') };
  } else {
    // JSON has no NaN, Infinity or -0 and JSON.stringify writes them as null, which a request
    // reads as "no amount" or "no bound": refused, as is any negative number, anywhere in it.
    function checkNumbers(value, depth = 0) {
      if (typeof value === 'number') {
        if (!Number.isFinite(value) || value < 0 || Object.is(value, -0)) {
          throw error('invalid_amount', `a request holds ${value}: every number must be finite and 0 or more`);
        }
      } else if (value !== null && typeof value === 'object' && depth < 64) {
        for (const v of Object.values(value)) checkNumbers(v, depth + 1);
      }
    }

    return {
      ...decoding,
      /** The `bolt11` CLI's JSON text; `options.verify` (default true) checks the signature. */
      decodeJson(invoice, options) {
        return glue.rawDecodeJson(String(invoice), flags(own(options, 'verify') !== false, options));
      },
      /** Checks that an invoice honours a request in an API's shape: `{ok, violations}`. */
      check(api, request, invoice, options) {
        checkNumbers(request);
        return glue.rawCheck(api, request, invoice, options);
      },
      /** Makes and signs the invoice a request asks for: `{invoice, response, preimageHex}`. */
      makeInvoice(api, request, secretKeyHex, options) {
        checkNumbers(request);
        return glue.rawMakeInvoice(api, request, secretKeyHex, options);
      },
      /** Whatever a user pasted or scanned: a bare invoice, a `lightning:` link or a `bitcoin:`
       *  URI with one; anything else throws with its `kind` (`bolt12_offer`, `lnurl`,
       *  `lightning_address`, `on_chain_address`...). */
      parseInput(text, options) {
        let parts;
        try {
          parts = glue.rawParseInput(String(text), flags(true, options)).split('\0');
        } catch (e) {
          if (e.kind !== undefined) throw e;
          const at = e.message.indexOf(': ');
          throw error(e.message.slice(0, at), e.message.slice(at + 2));
        }
        const [kind, invoice, address, amount, label, message, amountCheck] = parts;
        const made = { kind, invoice: decodeWith(invoice, true, options) };
        if (kind === 'bip21') {
          made.address = address || undefined;
          made.amount_msat = amount === '' ? undefined : BigInt(amount);
          made.label = label || undefined;
          made.message = message || undefined;
          made.amount_check = amountCheck;
        }
        return made;
      },
    };
  }
}
