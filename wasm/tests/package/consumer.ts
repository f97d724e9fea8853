// A TypeScript app using the installed package: tests/node/package.test.mjs type-checks it
// (tsc --noEmit, strict) against the package's own types, resolved through its exports.
import init, { decode, decodeUnverified, check, makeInvoice, parseInput, printable } from "lightning-bolt11";
import type { Invoice, CheckReport, Bolt11Error, Network, MadeInvoice, NwcResponse } from "lightning-bolt11";
import * as bolt11 from "lightning-bolt11/bolt11";
import type { PaymentRequestDecoded } from "lightning-bolt11/bolt11";

export async function show(text: string, network: Network): Promise<string> {
  await init();
  try {
    const inv: Invoice = decode(text, { network });
    // Amounts and times compute without a cast: a bigint amount, number times.
    const sats: bigint | undefined = inv.amount_msat === undefined ? undefined : (inv.amount_msat + 999n) / 1000n;
    const left: number = inv.expires_at - Date.now() / 1000;
    const features: number[] = decodeUnverified(text).feature_bits;
    return `${printable(inv.description ?? "")} ${sats ?? "any"} ${left} ${inv.payee ?? ""} ${features.length}`;
  } catch (e) {
    const err = e as Bolt11Error;
    return `${err.kind}: ${err.message}`;
  }
}

export function honours(request: object, invoice: string): boolean {
  const report: CheckReport = check("webln", request, invoice, { network: "bitcoin", now: Date.now() / 1000 });
  return report.ok && report.violations.length === 0;
}

export function serve(): string {
  const made: MadeInvoice<"nwc"> = makeInvoice("nwc", { method: "make_invoice", params: { amount: 1000 } }, "11".repeat(32));
  const response: NwcResponse = made.response;
  return `${response.result.invoice} ${made.preimageHex} ${made.invoice.length}`;
}

export function pasted(text: string): string {
  const found = parseInput(text);
  return found.kind === "bip21" ? `${found.address ?? ""} ${found.amount_check ?? ""}` : found.invoice.payment_hash;
}

export function dropIn(text: string): number {
  const d: PaymentRequestDecoded = bolt11.decode(text);
  const msat: bigint = bolt11.hrpToMillisat("2500u");
  return (d.satoshis ?? 0) + Number(msat / 1000n) + d.timestamp;
}
