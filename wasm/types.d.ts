// Types of the lightning-bolt11 WebAssembly package. Field names follow the `bolt11` CLI's
// JSON (Core Lightning's `decode`). Amounts are bigints, exact for every amount an invoice can
// carry; times are numbers. `toJSON()` gives the CLI's JSON, where an amount above 2^53 - 1 is
// a string. `lightning-bolt11/bolt11` (bolt11.d.ts) is bitcoinjs' `bolt11` API.
// `lightning-bolt11/decode` (the small browser build) has the same functions; there
// `decodeJson`, `check` and `makeInvoice` throw an Error with kind "unsupported".

export type Network = "bitcoin" | "testnet" | "signet" | "regtest" | "simnet";
export type Api = "webln" | "nwc" | "lnpay" | "bitfinex";
/** An integer in JSON: a number, or its decimal string when above Number.MAX_SAFE_INTEGER. */
export type Int = number | string;

/** The profiles an invoice can be read with: `strict` (BOLT-11, the default), `blinded` (also
 *  bLIP-39 blinded-path invoices without a payment secret), `legacy` (also invoices without a
 *  payment secret), `lenient` (what lnd and Core Lightning read; `lenient: true` says the same). */
export type Profile = "strict" | "blinded" | "legacy" | "lenient";
export interface DecodeOptions { lenient?: boolean; profile?: Profile; network?: Network }

/** A bLIP-39 blinded payment path (a `b` field). */
export interface BlindedPath {
  fee_base_msat: number;
  fee_proportional_millionths: number;
  cltv_expiry_delta: number;
  htlc_minimum_msat: Int;
  htlc_maximum_msat: Int;
  /** Hex. */
  features: string;
  first_ephemeral_blinding_point: string;
  hops: { blinded_node_id: string; encrypted_data: string }[];
}

/** A decoded invoice. The fields from `feature_bits` on are computed when first read (getters
 *  on the prototype), so `{...invoice}` and `structuredClone` copy only the others:
 *  `invoice.toJSON()` gives a plain object with every field, as `JSON.stringify` does. */
export interface Invoice {
  currency: "bc" | "tb" | "tbs" | "bcrt" | "sb";
  network: Network;
  /** Millisatoshis, exact; undefined for an any-amount invoice. */
  amount_msat?: bigint;
  /** Seconds since 1970. */
  created_at: number;
  /** Seconds (3600 when the invoice gives none). */
  expiry: number;
  /** created_at + expiry. */
  expires_at: number;
  min_final_cltv_expiry: number;
  payee?: string;
  /** Present with `payee`: false when the signature was not checked (`decodeUnverified`), so
   *  `payee` is only what the invoice's `n` field claims. */
  payee_verified?: boolean;
  payment_hash: string;
  payment_secret?: string;
  description?: string;
  description_hash?: string;
  payment_metadata?: string;
  feature_bits: number[];
  features: { bit: number; name: string | null; required: boolean }[];
  fallbacks?: { type: string; addr: string; hex: string }[];
  routes?: { pubkey: string; short_channel_id: string; fee_base_msat: number; fee_proportional_millionths: number; cltv_expiry_delta: number }[][];
  blinded_paths?: BlindedPath[];
  extra?: { tag: string; data: string }[];
  signature: string;
  recovery_id: number;
  /** Every field as a plain object, in the `bolt11` CLI's order and JSON types. */
  toJSON(): InvoiceJson;
}

/** An invoice as the `bolt11` CLI's JSON has it (`toJSON()`, `decodeJson`). */
export type InvoiceJson = Omit<Invoice, "toJSON" | "amount_msat"> & { amount_msat?: Int };

export interface Violation { kind: string; message: string }
export interface CheckReport { ok: boolean; violations: Violation[] }
/** `now`: seconds since 1970, a finite number of 0 or more (the current time by default). */
export interface CheckOptions { network?: Network; now?: number }
/** `preimageHex`: 64 hex digits or the 32 bytes (a random one when absent, returned). */
export interface MakeOptions { network?: Network; preimageHex?: string | Uint8Array; amountSats?: number }

/** Each API's response to its invoice request, as `makeInvoice` makes it. */
export interface WebLnResponse { paymentRequest: string }
export interface NwcResponse {
  result_type: "make_invoice";
  result: {
    type: "incoming"; invoice: string; description: string | null; description_hash: string | null;
    payment_hash: string; amount: number; fees_paid: number; created_at: number; expires_at: number;
    metadata: unknown;
  };
}
export interface LnPayResponse {
  id: string; payment_request: string; r_hash_decoded: string; num_satoshis: number; memo: string;
  description_hash: string | null; dest_pubkey: string; created_at: number; expires_at: number;
  expiry: number; settled: number; settled_at: number | null; is_keysend: null;
  custom_records: null; passThru: unknown; payment_preimage: null;
}
/** Bitfinex "Generate Invoice": `[payment_hash, invoice, id, type, amount]`. */
export type BitfinexResponse = [string, string, string | null, string | null, string];
export interface ResponseOf { webln: WebLnResponse; nwc: NwcResponse; lnpay: LnPayResponse; bitfinex: BitfinexResponse }

/** What `makeInvoice` returns: the invoice, the API's response, and the preimage that settles
 *  it (keep it: without it the invoice can never be paid out). */
export interface MadeInvoice<A extends Api> { invoice: string; response: ResponseOf[A]; preimageHex: string }

/** What `parseInput` found: an invoice, bare or in a `lightning:` link, or a `bitcoin:` URI
 *  with one (its on-chain part beside it; `amount_check` says whether the two amounts agree). */
export interface PaymentInput {
  kind: "invoice" | "bip21";
  invoice: Invoice;
  address?: string;
  amount_msat?: bigint;
  label?: string;
  message?: string;
  amount_check?: "agrees" | "no_uri_amount" | "invoice_any_amount" | "disagrees";
}
/** A request in an API's own shape: an object, or its JSON text. For WebLN also a number, or a
 *  string of digits: `makeInvoice`'s scalar argument, an amount in sats. */
export type InvoiceRequest = object | string | number;

/** Thrown by every function: an Error with a machine-readable `kind`. */
export interface Bolt11Error extends Error { kind: string; response?: unknown }

/** Decodes, checks the signature, recovers the payee. Text longer than any invoice (8192
 *  characters) is refused before it is copied (`kind: "too_long"`). */
export function decode(invoice: string, options?: DecodeOptions): Invoice;
/** Decodes without checking the signature (`payee` only from an `n` field). */
export function decodeUnverified(invoice: string, options?: DecodeOptions): Invoice;
/** The `bolt11` CLI's JSON text for the invoice; `verify: false` skips the signature check. */
export function decodeJson(invoice: string, options?: DecodeOptions & { verify?: boolean }): string;
/** Checks that an invoice honours the request (an object or JSON text in the API's shape). */
export function check(api: Api, request: InvoiceRequest, invoice: string, options?: CheckOptions): CheckReport;
/** Makes and signs the invoice a request asks for. Every number in the request must be finite
 *  and 0 or more. */
export function makeInvoice<A extends Api>(api: A, request: InvoiceRequest, secretKeyHex: string, options?: MakeOptions): MadeInvoice<A>;
/** Pasted or scanned text: throws with `kind` (`bolt12_offer`, `lnurl`, `lightning_address`,
 *  `on_chain_address`...) for what is not a BOLT-11 invoice. Not in the decode-only build. */
export function parseInput(text: string, options?: DecodeOptions): PaymentInput;
/** Untrusted text (a description) made safe to show a person: control characters and the
 *  invisible characters that reorder or hide text become U+FFFD. */
export function printable(text: string): string;
/** Loads the .wasm: in browsers, call it once (and await it) before the functions above; in
 *  Node it does nothing (the .wasm is loaded by `require`). */
export function init(input?: unknown): Promise<unknown>;
/** Browsers: the same as `init`. */
export default init;
