"""Speed of ``lightning_bolt11`` beside lnbits' ``bolt11`` 2.2.0, in one process.

    pip install ./python 'bolt11==2.2.0' 'bitstring<4.3' && python python/bench.py

The invoices: the repository's real invoices and the spec's valid examples, every one of
which both packages read. Each measure runs in interleaved rounds (ours, theirs, ours...)
and reports the median round, per call, one thread, signatures verified. Ratios are what
``python/README.md`` quotes; the goals are printed beside them."""

import importlib
import json
import os
import pathlib
import statistics
import sys
import time
from types import ModuleType
from typing import Callable, Dict, List, Optional

import lightning_bolt11 as ln
from lightning_bolt11 import _native
from lightning_bolt11 import lnbits as dropin

ROOT = pathlib.Path(__file__).resolve().parents[1] / "test-vectors"


def invoices() -> List[str]:
    real = json.loads((ROOT / "real-invoices.json").read_text())["invoices"]
    spec = json.loads((ROOT / "bolt11-vectors.json").read_text())
    spec = spec if isinstance(spec, list) else spec["vectors"]
    texts = [e["invoice"] for e in real] + [v["invoice"] for v in spec if v["valid"]]
    readable = []
    for t in texts:
        try:
            ln.decode(t)
            readable.append(t)
        except ln.DecodeError:
            pass
    return readable


def per_call(fn: Callable[[str], object], texts: List[str], repeat: int) -> float:
    """Seconds per call over one round of ``repeat`` passes."""
    start = time.perf_counter()
    for _ in range(repeat):
        for t in texts:
            fn(t)
    return (time.perf_counter() - start) / (repeat * len(texts))


def interleaved(measures: Dict[str, Callable[[], float]], rounds: int) -> Dict[str, float]:
    samples: Dict[str, List[float]] = {name: [] for name in measures}
    for _ in range(rounds):
        for name, measure in measures.items():
            samples[name].append(measure())
    return {name: statistics.median(s) for name, s in samples.items()}


def main() -> int:
    texts = invoices()
    lnbits: Optional[ModuleType]
    try:
        lnbits = importlib.import_module("bolt11")
    except ImportError:
        lnbits = None
        print("lnbits' bolt11 is not installed: only our own figures", file=sys.stderr)
    rounds = int(os.environ.get("BENCH_ROUNDS", "7"))
    measures: Dict[str, Callable[[], float]] = {
        "rust decode (no Python objects)": lambda: _native._rust_decode_seconds(texts, 20)[0] / (20 * len(texts)),
        "lightning_bolt11.decode": lambda: per_call(ln.decode, texts, 20),
        "lightning_bolt11.lnbits.decode (drop-in)": lambda: per_call(dropin.decode, texts, 10),
    }
    if lnbits is not None:
        measures["bolt11.decode (lnbits 2.2.0)"] = lambda: per_call(lnbits.decode, texts, 1)
    result = interleaved(measures, rounds)
    print(f"{len(texts)} invoices, {rounds} interleaved rounds, median round, per call:")
    for name, seconds in result.items():
        print(f"  {name:45} {seconds * 1e6:10.1f} us")
    rust = result["rust decode (no Python objects)"]
    ours = result["lightning_bolt11.decode"]
    drop = result["lightning_bolt11.lnbits.decode (drop-in)"]
    print(f"Python's overhead on decode: {ours / rust:.2f}x the Rust decode (goal: at most 1.3x)")
    if lnbits is not None:
        theirs = result["bolt11.decode (lnbits 2.2.0)"]
        print(f"decode vs lnbits: {theirs / ours:.0f}x faster (goal: at least 60x)")
        print(f"drop-in decode vs lnbits: {theirs / drop:.0f}x faster (goal: at least 20x)")
    many = texts * 200
    cores = os.cpu_count() or 1
    timing: Dict[int, float] = {}
    for threads in sorted({1, 2, cores}):
        ln.decode_many(many[:1000], threads=threads)
        start = time.perf_counter()
        ln.decode_many(many, threads=threads)
        timing[threads] = time.perf_counter() - start
    for threads, seconds in timing.items():
        print(f"decode_many, {threads} thread(s): {len(many) / seconds:,.0f} invoices/s"
              f" ({timing[1] / seconds:.2f}x one thread; {cores} cores)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
