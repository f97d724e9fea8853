// The package's functions, over wasm-bindgen's glue for one target (`glue`). build.sh joins
// this file to the glue: one ES module for browsers (`index.js`), and `index.cjs` for Node.
//
// Decoding is one call into wasm with numbers only: the invoice is written into a buffer in
// wasm memory, decodeInput writes a flat record there (numbers, and one text holding every
// string), and the record is read back from memory, in the order Rust wrote it
// (src/record.rs), into an Invoice: the core fields at once, the detail when first read.
// Nothing crosses the boundary as a string or array.
function api(glue) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let memory, u8, u32, f64;
  // Views over wasm memory, made again when it has grown (its buffer is then a new one).
  const views = () => {
    memory ??= glue.wasmMemory();
    if (u8 === undefined || u8.buffer !== memory.buffer) {
      u8 = new Uint8Array(memory.buffer);
      u32 = new Uint32Array(memory.buffer);
      f64 = new Float64Array(memory.buffer);
    }
  };

  // A Map, not an object literal: a name like "constructor" must not find an inherited value.
  const NETWORKS = new Map([
    ['bitcoin', 1], ['mainnet', 1], ['testnet', 2], ['testnet3', 2], ['testnet4', 2],
    ['signet', 3], ['regtest', 4], ['simnet', 5],
  ]);

  function error(kind, message) {
    const e = new Error(message);
    e.kind = kind;
    return e;
  }

  function unsupported(name) {
    return error('unsupported', `${name} is not in this build: import the full package ("lightning-bolt11")`);
  }

  // Option bits for decodeInput: bit 0 verifies, bit 1 is lenient, bit 2 asks for the
  // detail (see Invoice), bits 8+ the network.
  function flags(verify, options) {
    let f = verify ? 1 : 0;
    if (options == null) return f;
    if (options.lenient === true) f |= 2;
    if (options.network != null) {
      const n = NETWORKS.get(String(options.network).toLowerCase());
      if (n === undefined) {
        throw error('usage', 'unknown network name (expected bitcoin, testnet, signet, regtest or simnet)');
      }
      f |= n << 8;
    }
    return f;
  }

  // Writes `s` into the input buffer as UTF-8 and returns the bytes written: a byte a unit
  // first (ASCII, the usual invoice), three when that is not room enough. The buffer is asked
  // for only when it must grow (its pointer stays valid until then).
  let inputPtr = 0;
  let inputCap = 0;
  function input(s) {
    for (let size = s.length; ; size = s.length * 3) {
      if (size > inputCap) {
        inputPtr = glue.inputBuffer(size);
        inputCap = size;
      }
      views();
      const { read, written } = encoder.encodeInto(s, u8.subarray(inputPtr, inputPtr + size));
      if (read === s.length || size > s.length) return written;
    }
  }

  // The record being read: its numbers start at f64[at], its strings are slices of `text`.
  // Module-level state and helpers rather than closures: nothing is allocated to read.
  let at = 0;
  let text = '';
  const num = () => f64[at++];
  const str = () => {
    const start = f64[at++];
    return text.slice(start, f64[at++]);
  };
  // An integer above 2^53 - 1 comes as -1 and its decimal string.
  const int = () => {
    const v = f64[at++];
    return v >= 0 ? v : str();
  };
  const has = () => f64[at++] !== 0;

  // Points `at` and `text` at the record recordHeader describes: [numbers, count, text, bytes].
  function record() {
    views();
    const h = glue.recordHeader() >>> 2;
    at = u32[h] >>> 3;
    const start = u32[h + 2];
    text = decoder.decode(u8.subarray(start, start + u32[h + 3]));
  }

  // Decodes: 0 when it did, with the record to read; else throws the error the record holds.
  function run(invoice, f) {
    const status = glue.decodeInput(input(invoice), f);
    record();
    if (status === 0) return;
    const kind = str();
    throw error(kind, str());
  }

  // The fields read on demand, in the CLI's order, after the core's.
  const DETAIL = ['feature_bits', 'features', 'fallbacks', 'routes', 'extra', 'signature', 'recovery_id'];

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
      const o = { ...this };
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

  function read(invoice, f) {
    const o = new Invoice(invoice, f);
    o.currency = str();
    o.network = str();
    if (has()) o.amount_msat = int();
    o.created_at = int();
    o.expiry = int();
    o.expires_at = int();
    o.min_final_cltv_expiry = int();
    if (has()) {
      o.payee = str();
      o.payee_verified = has();
    }
    o.payment_hash = str();
    if (has()) o.payment_secret = str();
    if (has()) o.description = str();
    if (has()) o.description_hash = str();
    if (has()) o.payment_metadata = str();
    return o;
  }

  function readDetail() {
    const d = {};
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

  return {
    /** Decodes, checks the signature, recovers the payee. */
    decode: (invoice, options) => decodeWith(invoice, true, options),
    /** Decodes without checking the signature (`payee` only from an `n` field). */
    decodeUnverified: (invoice, options) => decodeWith(invoice, false, options),
    /** The `bolt11` CLI's JSON text; `options.verify` (default true) checks the signature. */
    decodeJson(invoice, options) {
      if (!glue.rawDecodeJson) throw unsupported('decodeJson');
      const verify = !(options != null && options.verify === false);
      flags(verify, options); // the same checks of the options as decode's
      const network = options != null && options.network != null ? String(options.network) : undefined;
      return glue.rawDecodeJson(String(invoice), verify, options?.lenient === true, network);
    },
    /** Checks that an invoice honours a request in an API's shape: `{ok, violations}`. */
    check(api, request, invoice, options) {
      if (!glue.rawCheck) throw unsupported('check');
      return glue.rawCheck(api, request, invoice, options);
    },
    /** Makes and signs the invoice a request asks for; returns the API's response shape. */
    makeInvoice(api, request, secretKeyHex, options) {
      if (!glue.rawMakeInvoice) throw unsupported('makeInvoice');
      return glue.rawMakeInvoice(api, request, secretKeyHex, options);
    },
    /** Untrusted text (a description) safe to show a person: see `DISGUISING`. */
    printable: (text) => String(text).replace(DISGUISING, '\ufffd'),
  };
}
