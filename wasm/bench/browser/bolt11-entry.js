// bolt11 1.4.1 as a web app bundles it: the `browser` field of its dependencies (secp256k1
// maps to elliptic, pure JavaScript), Node's globals stood in for.
export { decode } from 'bolt11';
