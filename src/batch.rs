//! Decoding many invoices on every core, results in input order (feature `parallel`).
//!
//! For indexers and services that hold a batch: zap receipts, payment logs, deposits. The
//! work is handed out in small blocks from a shared counter, so a thread that drew cheap
//! inputs (undecodable ones cost no signature check) takes more; scoped threads from `std`,
//! no runtime and no dependency.
//!
//! ```
//! use std::num::NonZeroUsize;
//! use lightning_bolt11::{batch, DecodeOptions};
//!
//! let coffee = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh";
//! let lines = [coffee, "lnbc1bogus", coffee];
//! let threads = NonZeroUsize::new(2).unwrap();
//! let decoded = batch::decode_all(&lines, &DecodeOptions::new(), threads);
//! assert_eq!(decoded.len(), 3);
//! assert!(decoded[0].is_ok() && decoded[1].is_err() && decoded[2].is_ok());
//! ```

use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::vec::Vec;

use crate::error::DecodeError;
use crate::invoice::Invoice;
use crate::policy::DecodeOptions;

/// Inputs a thread takes at a time: enough to make the shared counter cheap, few enough that
/// threads finish together.
const BLOCK: usize = 32;

/// Decodes each input as [`Invoice::decode_with`] does (signature checked, payee recovered),
/// on up to `threads` threads; the results are in the order of `inputs`.
pub fn decode_all<S: AsRef<str> + Sync>(
    inputs: &[S],
    opts: &DecodeOptions<'_>,
    threads: NonZeroUsize,
) -> Vec<Result<Invoice, DecodeError>> {
    map(inputs, threads, |s| Invoice::decode_with(s.as_ref(), opts))
}

/// Runs `f` on every input, on up to `threads` threads, and returns the results in input
/// order: for callers that decode their own way (the borrowed view without the signature, a
/// summary, their own types). One thread runs on the caller's; more are scoped threads.
pub fn map<T: Sync, R: Send>(inputs: &[T], threads: NonZeroUsize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let blocks = (inputs.len() + BLOCK - 1) / BLOCK;
    let threads = threads.get().min(blocks);
    if threads <= 1 {
        return inputs.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done: Vec<(usize, Vec<R>)> = Vec::new();
        loop {
            let block = next.fetch_add(1, Ordering::Relaxed);
            let start = block.saturating_mul(BLOCK);
            match inputs.get(start..inputs.len().min(start.saturating_add(BLOCK))) {
                Some(chunk) if !chunk.is_empty() => done.push((block, chunk.iter().map(&f).collect())),
                _ => break,
            }
        }
        done
    };
    let mut by_block: Vec<Option<Vec<R>>> = (0..blocks).map(|_| None).collect();
    std::thread::scope(|s| {
        let helpers: Vec<_> = (1..threads).map(|_| s.spawn(work)).collect();
        let mut all = work();
        for h in helpers {
            // A worker panics only if `f` does; that panic is the caller's, passed on.
            match h.join() {
                Ok(done) => all.extend(done),
                Err(payload) => std::panic::resume_unwind(payload),
            }
        }
        for (block, results) in all {
            if let Some(slot) = by_block.get_mut(block) {
                *slot = Some(results);
            }
        }
    });
    by_block.into_iter().flatten().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_input_order_on_any_number_of_threads() {
        let inputs: Vec<usize> = (0..1000).collect();
        for threads in [1, 2, 3, 8, 64].into_iter().filter_map(NonZeroUsize::new) {
            assert_eq!(map(&inputs, threads, |&i| i * 2), inputs.iter().map(|i| i * 2).collect::<Vec<_>>());
            assert!(map(&[] as &[u8], threads, |&b| b).is_empty());
        }
    }
}
