// The demo page: decode an invoice, or run the WebLN flow against a stand-in provider and
// check what it returned.
import init, { decode, makeInvoice, check, printable } from '../pkg/web/index.js';

await init();

const $ = (id) => document.getElementById(id);

// Every field (toJSON: those read on demand too), each shown through printable(): a
// description is a stranger's text and may hide or reorder what follows it.
function show(invoice) {
  const table = $('fields');
  table.replaceChildren();
  for (const [key, value] of Object.entries(invoice.toJSON())) {
    const row = table.insertRow();
    row.dataset.field = key;
    row.insertCell().textContent = key;
    row.insertCell().textContent = printable(typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

$('decode').addEventListener('click', () => {
  $('error').textContent = '';
  try {
    show(decode($('invoice').value, { lenient: $('lenient').checked }));
  } catch (e) {
    $('fields').replaceChildren();
    $('error').textContent = printable(`${e.kind}: ${e.message}`);
  }
});

// A stand-in WebLN provider, signing with a throwaway key; it can be told to cheat.
const DEMO_KEY = '42'.repeat(32);
window.webln = {
  enable: async () => {},
  makeInvoice: async (args) => {
    const asked = $('cheat').checked ? { ...args, amount: Number(args.amount) - 1 } : args;
    return makeInvoice('webln', asked, DEMO_KEY).response;
  },
};

$('webln').addEventListener('click', async () => {
  const args = { amount: 1000, defaultMemo: 'demo' };
  await window.webln.enable();
  const { paymentRequest } = await window.webln.makeInvoice(args);
  $('invoice').value = paymentRequest;
  show(decode(paymentRequest));
  const report = check('webln', args, paymentRequest);
  $('check').textContent = report.ok ? 'the invoice honours the request' : 'the provider did not honour the request';
  $('check').className = report.ok ? 'ok' : 'error';
  $('violations').replaceChildren(
    ...report.violations.map((v) => Object.assign(document.createElement('li'), { textContent: printable(`${v.kind}: ${v.message}`) })),
  );
});

document.body.dataset.ready = 'true';
