// The Node globals bolt11 expects, for its browser bundle (esbuild --inject).
export { Buffer } from 'buffer';
export const process = { env: {}, browser: true, version: '', nextTick: (f, ...a) => queueMicrotask(() => f(...a)) };
