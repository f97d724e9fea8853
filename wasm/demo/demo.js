// The demo page: decode an invoice, or run the WebLN flow against a stand-in provider and
// check what it returned.
import init, { decode, makeInvoice, check } from '../pkg/web/index.js';

await init();

const $ = (id) => document.getElementById(id);

function show(fields) {
  const table = $('fields');
  table.replaceChildren();
  for (const [key, value] of Object.entries(fields)) {
    const row = table.insertRow();
    row.dataset.field = key;
    row.insertCell().textContent = key;
    row.insertCell().textContent = typeof value === 'object' ? JSON.stringify(value) : String(value);
  }
}

$('decode').addEventListener('click', () => {
  $('error').textContent = '';
  try {
    show(decode($('invoice').value, { lenient: $('lenient').checked }));
  } catch (e) {
    $('fields').replaceChildren();
    $('error').textContent = `${e.kind}: ${e.message}`;
  }
});

// A stand-in WebLN provider, signing with a throwaway key; it can be told to cheat.
const DEMO_KEY = '42'.repeat(32);
window.webln = {
  enable: async () => {},
  makeInvoice: async (args) => {
    const asked = $('cheat').checked ? { ...args, amount: Number(args.amount) - 1 } : args;
    return makeInvoice('webln', asked, DEMO_KEY);
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
    ...report.violations.map((v) => Object.assign(document.createElement('li'), { textContent: `${v.kind}: ${v.message}` })),
  );
});

document.body.dataset.ready = 'true';
