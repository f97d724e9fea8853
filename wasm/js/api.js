// The package's functions, over wasm-bindgen's glue for one target (`glue`). build.sh wraps
// this file into `index.cjs` (Node) and `index.js` (browsers, ES module).
//
// Decoding goes through a flat record (src/record.rs): numbers in a Float64Array and one text
// holding every string, read back here in the order Rust wrote them. That is cheaper than JSON
// text and JSON.parse (measured in src/record.rs); the Node tests check both give the same object.
function api(glue) {
  function unsupported(name) {
    const e = new Error(`${name} is not in this build: import the full package ("lightning-bolt11")`);
    e.kind = 'unsupported';
    return e;
  }

  function read(t, text) {
    let i = 0;
    const num = () => t[i++];
    const str = () => {
      const start = t[i++];
      return text.slice(start, t[i++]);
    };
    // An integer above 2^53 - 1 comes as -1 and its decimal string.
    const int = () => {
      const v = t[i++];
      return v >= 0 ? v : str();
    };
    const has = () => t[i++] !== 0;

    const o = { currency: str(), network: str() };
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
    const nFeatures = num();
    const bits = new Array(nFeatures);
    const features = new Array(nFeatures);
    for (let k = 0; k < nFeatures; k++) {
      const bit = num();
      bits[k] = bit;
      features[k] = { bit, name: has() ? str() : null, required: bit % 2 === 0 };
    }
    o.feature_bits = bits;
    o.features = features;
    const nFallbacks = num();
    if (nFallbacks > 0) {
      const fallbacks = new Array(nFallbacks);
      for (let k = 0; k < nFallbacks; k++) fallbacks[k] = { type: str(), addr: str(), hex: str() };
      o.fallbacks = fallbacks;
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
      o.routes = routes;
    }
    const nExtra = num();
    if (nExtra > 0) {
      const extra = new Array(nExtra);
      for (let k = 0; k < nExtra; k++) extra[k] = { tag: str(), data: str() };
      o.extra = extra;
    }
    o.signature = str();
    o.recovery_id = num();
    return o;
  }

  function args(options) {
    const lenient = options != null && options.lenient === true;
    const network = options != null && options.network != null ? String(options.network) : undefined;
    return [lenient, network];
  }

  function decodeWith(invoice, verify, options) {
    const [lenient, network] = args(options);
    const nums = glue.decodeRecord(String(invoice), verify, lenient, network);
    return read(nums, glue.recordText());
  }

  return {
    /** Decodes, checks the signature, recovers the payee. */
    decode: (invoice, options) => decodeWith(invoice, true, options),
    /** Decodes without checking the signature (`payee` only from an `n` field). */
    decodeUnverified: (invoice, options) => decodeWith(invoice, false, options),
    /** The `bolt11` CLI's JSON text; `options.verify` (default true) checks the signature. */
    decodeJson(invoice, options) {
      if (!glue.decodeJson) throw unsupported('decodeJson');
      const [lenient, network] = args(options);
      const verify = !(options != null && options.verify === false);
      return glue.decodeJson(String(invoice), verify, lenient, network);
    },
    /** Checks that an invoice honours a request in an API's shape: `{ok, violations}`. */
    check(api, request, invoice, options) {
      if (!glue.check) throw unsupported('check');
      return glue.check(api, request, invoice, options);
    },
    /** Makes and signs the invoice a request asks for; returns the API's response shape. */
    makeInvoice(api, request, secretKeyHex, options) {
      if (!glue.makeInvoice) throw unsupported('makeInvoice');
      return glue.makeInvoice(api, request, secretKeyHex, options);
    },
  };
}
