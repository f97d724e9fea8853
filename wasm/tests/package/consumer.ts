// A TypeScript app using the installed package: tests/node/package.test.mjs type-checks it
// (tsc --noEmit, strict) against the package's own index.d.ts, resolved through its exports.
import init, { decode, decodeUnverified, check, makeInvoice, printable } from "lightning-bolt11";
import type { Invoice, CheckReport, Bolt11Error, Network } from "lightning-bolt11";

export async function show(text: string, network: Network): Promise<string> {
  await init();
  try {
    const inv: Invoice = decode(text, { network });
    const amount: number | string | undefined = inv.amount_msat;
    const features: number[] = decodeUnverified(text).feature_bits;
    return `${printable(inv.description ?? "")} ${amount ?? "any"} ${inv.payee ?? ""} ${features.length}`;
  } catch (e) {
    const err = e as Bolt11Error;
    return `${err.kind}: ${err.message}`;
  }
}

export function honours(request: object, invoice: string): boolean {
  const report: CheckReport = check("webln", request, invoice, { network: "bitcoin", now: Date.now() / 1000 });
  return report.ok && report.violations.length === 0;
}

export const made: unknown = makeInvoice("nwc", { method: "make_invoice", params: { amount: 1000 } }, "11".repeat(32));
