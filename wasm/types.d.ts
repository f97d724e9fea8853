// Types of the lightning-bolt11 WebAssembly package. Field names follow the `bolt11` CLI's
// JSON (Core Lightning's `decode`); integers above 2^53 - 1 come back as strings.
// `lightning-bolt11/decode` (the small browser build) has the same functions; there
// `decodeJson`, `check` and `makeInvoice` throw an Error with kind "unsupported".

export type Network = "bitcoin" | "testnet" | "signet" | "regtest" | "simnet";
export type Api = "webln" | "nwc" | "lnpay" | "bitfinex";
/** An integer, or its decimal string when above Number.MAX_SAFE_INTEGER. */
export type Int = number | string;

export interface DecodeOptions { lenient?: boolean; network?: Network }

/** A decoded invoice. The fields from `feature_bits` on are computed when first read (getters
 *  on the prototype), so `{...invoice}` and `structuredClone` copy only the others:
 *  `invoice.toJSON()` gives a plain object with every field, as `JSON.stringify` does. */
export interface Invoice {
  currency: "bc" | "tb" | "tbs" | "bcrt" | "sb";
  network: Network;
  amount_msat?: Int;
  created_at: Int;
  expiry: Int;
  expires_at: Int;
  min_final_cltv_expiry: Int;
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
  extra?: { tag: string; data: string }[];
  signature: string;
  recovery_id: number;
  /** Every field as a plain object, in the `bolt11` CLI's order. */
  toJSON(): Omit<Invoice, "toJSON">;
}

export interface Violation { kind: string; message: string }
export interface CheckReport { ok: boolean; violations: Violation[] }
/** `now`: seconds since 1970, a finite number of 0 or more (the current time by default). */
export interface CheckOptions { network?: Network; now?: number }
export interface MakeOptions { network?: Network; preimageHex?: string; amountSats?: number }
/** A request in an API's own shape: an object, or its JSON text. For WebLN also a number, or a
 *  string of digits: `makeInvoice`'s scalar argument, an amount in sats. */
export type InvoiceRequest = object | string | number;

/** Thrown by every function: an Error with a machine-readable `kind`. */
export interface Bolt11Error extends Error { kind: string; response?: unknown }

/** Decodes, checks the signature, recovers the payee. */
export function decode(invoice: string, options?: DecodeOptions): Invoice;
/** Decodes without checking the signature (`payee` only from an `n` field). */
export function decodeUnverified(invoice: string, options?: DecodeOptions): Invoice;
/** The `bolt11` CLI's JSON text for the invoice; `verify: false` skips the signature check. */
export function decodeJson(invoice: string, options?: DecodeOptions & { verify?: boolean }): string;
/** Checks that an invoice honours the request (an object or JSON text in the API's shape). */
export function check(api: Api, request: InvoiceRequest, invoice: string, options?: CheckOptions): CheckReport;
/** Makes and signs the invoice a request asks for; returns the API's response shape. */
export function makeInvoice(api: Api, request: InvoiceRequest, secretKeyHex: string, options?: MakeOptions): unknown;
/** Untrusted text (a description) made safe to show a person: control characters and the
 *  invisible characters that reorder or hide text become U+FFFD. */
export function printable(text: string): string;
/** Browsers only (ES module): loads the .wasm; call once before the functions above. */
export default function init(input?: unknown): Promise<unknown>;
