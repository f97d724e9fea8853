// Types of `lightning-bolt11/bolt11`: bitcoinjs' `bolt11` 1.4.1 API, with its objects, on
// lightning-bolt11. Changing `from 'bolt11'` to `from 'lightning-bolt11/bolt11'` is the whole
// migration; README.md lists what it refuses that bolt11 reads.

/** A network as bolt11 describes one: its bech32 prefix and its address version bytes. */
export interface Network {
  bech32: string;
  pubKeyHash: number;
  scriptHash: number;
  validWitnessVersions: number[];
}

export interface FeatureBit {
  required?: boolean;
  supported?: boolean;
}

export interface FeatureBits {
  word_length?: number;
  option_data_loss_protect?: FeatureBit;
  initial_routing_sync?: FeatureBit;
  option_upfront_shutdown_script?: FeatureBit;
  gossip_queries?: FeatureBit;
  var_onion_optin?: FeatureBit;
  gossip_queries_ex?: FeatureBit;
  option_static_remotekey?: FeatureBit;
  payment_secret?: FeatureBit;
  basic_mpp?: FeatureBit;
  option_support_large_channel?: FeatureBit;
  extra_bits?: { start_bit: number; bits: boolean[]; has_required?: boolean };
}

export interface FallbackAddress {
  /** Witness version 0-16, 17 for P2PKH, 18 for P2SH. */
  code?: number;
  /** null for a version bolt11 writes no address for. */
  address?: string | null;
  addressHash?: string;
}

export interface RoutingInfoEntry {
  pubkey: string;
  /** 8 bytes, hex. */
  short_channel_id: string;
  fee_base_msat: number;
  fee_proportional_millionths: number;
  cltv_expiry_delta: number;
}

export interface UnknownTag {
  tagCode: number;
  /** The field's words, as bech32 with the prefix `unknown`. */
  words: string;
}

export type TagData = string | number | RoutingInfoEntry[] | FallbackAddress | FeatureBits | UnknownTag;

export type TagName =
  | "payment_hash" | "payment_secret" | "description" | "payee_node_key" | "purpose_commit_hash"
  | "expire_time" | "min_final_cltv_expiry" | "fallback_address" | "routing_info" | "feature_bits"
  | "unknownTag";

export interface TagsObject {
  payment_hash?: string;
  payment_secret?: string;
  description?: string;
  payee_node_key?: string;
  purpose_commit_hash?: string;
  expire_time?: number;
  min_final_cltv_expiry?: number;
  fallback_address?: FallbackAddress;
  routing_info?: RoutingInfoEntry[];
  feature_bits?: FeatureBits;
  unknownTags?: UnknownTag[];
}

export interface PaymentRequestObject {
  paymentRequest?: string;
  complete?: boolean;
  prefix?: string;
  wordsTemp?: string;
  network?: Network;
  /** Whole satoshis; null without an amount; absent when the amount is not whole satoshis. */
  satoshis?: number | null;
  /** Millisatoshis as a decimal string (exact); null without an amount. */
  millisatoshis?: string | null;
  timestamp?: number;
  timestampString?: string;
  timeExpireDate?: number;
  timeExpireDateString?: string;
  payeeNodeKey?: string;
  signature?: string;
  recoveryFlag?: number;
  tags: { tagName: TagName | string; data: TagData }[];
}

export interface PaymentRequestDecoded extends PaymentRequestObject {
  paymentRequest: string;
  complete: true;
  prefix: string;
  wordsTemp: string;
  network: Network;
  millisatoshis: string | null;
  timestamp: number;
  timestampString: string;
  payeeNodeKey: string;
  signature: string;
  recoveryFlag: number;
  /** The tags by name (not enumerable, as in bolt11). */
  readonly tagsObject: TagsObject;
}

/** Decodes and verifies an invoice, recovering the payee (`network`: a network object, for a
 *  prefix other than bc, tb, tbs, bcrt and sb's). Throws an Error (with `kind`). */
export function decode(paymentRequest: string, network?: Network): PaymentRequestDecoded;
/** Writes the object's fields as an invoice: unsigned (`sign` it), or with its `signature` and
 *  `recoveryFlag` attached and checked against `payeeNodeKey`. `addDefaults` (default true)
 *  adds an empty description, a one-hour expiry and a minimum CLTV delta of 9. */
export function encode(data: PaymentRequestObject, addDefaults?: boolean): PaymentRequestObject;
/** Signs an object `encode` made, with a 32-byte private key (hex or bytes). */
export function sign(payReqObj: PaymentRequestObject, privateKey: string | Uint8Array): PaymentRequestObject;
/** An amount in satoshis (digits, a number, a bigint or a BN) as an invoice prefix writes it. */
export function satToHrp(satoshis: number | string | bigint | { toString(): string }): string;
/** An amount in millisatoshis as an invoice prefix writes it (`250000000` is `2500u`). */
export function millisatToHrp(millisatoshis: number | string | bigint | { toString(): string }): string;
/** A prefix's amount (`2500u`) in satoshis: a bigint, or a string with `outputString`. */
export function hrpToSat(hrpString: string, outputString: true): string;
export function hrpToSat(hrpString: string, outputString?: false): bigint;
/** A prefix's amount in millisatoshis: a bigint, or a string with `outputString`. */
export function hrpToMillisat(hrpString: string, outputString: true): string;
export function hrpToMillisat(hrpString: string, outputString?: false): bigint;
