// Reading the records decodeInput writes (src/record.rs, src/bolt11.rs), shared by the
// package's API (js/api.js) and the bolt11 drop-in (js/bolt11.js). build.sh joins it to
// wasm-bindgen's glue for one target (`glue`).
//
// Decoding is one call into wasm with numbers only: the invoice is written into a buffer in
// wasm memory, decodeInput writes a flat record there (numbers, and one text holding every
// string), and the record is read back from memory, in the order Rust wrote it. Nothing
// crosses the boundary as a string or array.
function recordReader(glue) {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let memory, u8, u32, f64;
  // Views over wasm memory, made again when it has grown (its buffer is then a new one).
  const views = () => {
    memory ??= glue.wasmMemory();
    if (u8 === undefined || u8.buffer !== memory.buffer) {
      u8 = new Uint8Array(memory.buffer);
      u32 = new Uint32Array(memory.buffer);
      f64 = new Float64Array(memory.buffer);
    }
  };

  function error(kind, message) {
    const e = new Error(message);
    e.kind = kind;
    return e;
  }

  // The longest text worth copying into wasm: the longest invoice (7,089 characters, BOLT-11's
  // checksum length), with room for `lightning:` and whitespace around it. Longer text is
  // refused before it is copied, so the buffer stays small and nothing is left half done.
  const MAX_INPUT = 8192;

  // Writes `s` into the input buffer as UTF-8 and returns the bytes written: a byte a unit
  // first (ASCII, the usual invoice), three when that is not room enough. The buffer is asked
  // for only when it must grow (its pointer stays valid until then).
  let inputPtr = 0;
  let inputCap = 0;
  function input(s) {
    if (s.length > MAX_INPUT) {
      throw error('too_long', `the text is ${s.length} characters long; no invoice is longer than 7089`);
    }
    for (let size = s.length; ; size = s.length * 3) {
      if (size > inputCap) {
        inputPtr = glue.inputBuffer(size);
        inputCap = size;
      }
      views();
      const { read, written } = encoder.encodeInto(s, u8.subarray(inputPtr, inputPtr + size));
      if (read === s.length || size > s.length) return written;
    }
  }

  // The record being read: its numbers start at f64[at], its strings are slices of `text`.
  let at = 0;
  let text = '';
  const num = () => f64[at++];
  const str = () => {
    const start = f64[at++];
    return text.slice(start, f64[at++]);
  };
  // An integer above 2^53 - 1 comes as -1 and its decimal string.
  const int = () => {
    const v = f64[at++];
    return v >= 0 ? v : str();
  };
  const has = () => f64[at++] !== 0;

  // Points `at` and `text` at the record recordHeader describes: [numbers, count, text, bytes].
  function record() {
    views();
    const h = glue.recordHeader() >>> 2;
    at = u32[h] >>> 3;
    const start = u32[h + 2];
    text = decoder.decode(u8.subarray(start, start + u32[h + 3]));
  }

  // Calls `op` (decodeInput, or another export that reads the input buffer and writes a
  // record) on `s`: returns when it succeeded, with the record to read; else throws the error
  // the record holds (an Error with `kind`).
  function call(op, s, f) {
    const status = op(input(s), f);
    record();
    if (status === 0) return;
    const kind = str();
    throw error(kind, str());
  }
  const run = (invoice, f) => call(glue.decodeInput, invoice, f);

  return { error, call, run, num, str, int, has };
}
