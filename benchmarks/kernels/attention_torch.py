#!/usr/bin/env python3
"""PyTorch's scaled_dot_product_attention (its flash backend) on the
attention shapes cudaenv_kernels_throughput measured, for the side-by-side
report of scripts/gpu-check.sh.

Reads the benchmark's TSV (lines "attention <type> <batch> <heads> <seq>
<dim> <causal> ..."), times SDPA on the same shapes the same way (random
inputs, 3 warm-ups, median of CUDA-event-timed calls) and writes
"torch <type> <batch> <heads> <seq> <dim> <causal> <ms> <backend>" lines.
Exits 77 when PyTorch or a GPU is not there, saying which.

Usage: attention_torch.py <benchmark.tsv> <out.tsv>
"""
import contextlib
import statistics
import sys


def main():
    if len(sys.argv) != 3:
        print("usage: attention_torch.py <benchmark.tsv> <out.tsv>", file=sys.stderr)
        return 2
    try:
        import torch
        import torch.nn.functional as F
        from torch.nn.attention import SDPBackend, sdpa_kernel
    except ImportError as error:
        print(f"PyTorch is not available here ({error}): no PyTorch column")
        return 77
    if not torch.cuda.is_available():
        print("PyTorch sees no GPU: no PyTorch column")
        return 77

    shapes = []
    with open(sys.argv[1]) as tsv:
        for line in tsv:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "attention":
                shapes.append((fields[1], *map(int, fields[2:7])))

    dtypes = {"f16": torch.float16, "bf16": torch.bfloat16}
    with open(sys.argv[2], "w") as out:
        for type_name, batch, heads, seq, dim, causal in shapes:
            generator = torch.Generator(device="cuda").manual_seed(seq * 1000 + dim)
            q, k, v = (torch.rand(batch, heads, seq, dim, device="cuda", dtype=dtypes[type_name],
                                  generator=generator) * 2 - 1 for _ in range(3))
            backend = "flash"
            try:
                with sdpa_kernel(SDPBackend.FLASH_ATTENTION):
                    call = lambda: F.scaled_dot_product_attention(q, k, v, is_causal=bool(causal))
                    call()
            except RuntimeError:
                backend = "default"  # no flash kernel for this shape or GPU: PyTorch's own choice
                call = lambda: F.scaled_dot_product_attention(q, k, v, is_causal=bool(causal))
            context = sdpa_kernel(SDPBackend.FLASH_ATTENTION) if backend == "flash" else contextlib.nullcontext()
            with context:
                for _ in range(3):
                    call()
                torch.cuda.synchronize()
                samples, spent = [], 0.0
                while len(samples) < 20 and (len(samples) < 5 or spent < 300.0):
                    start = torch.cuda.Event(enable_timing=True)
                    stop = torch.cuda.Event(enable_timing=True)
                    start.record()
                    call()
                    stop.record()
                    stop.synchronize()
                    samples.append(start.elapsed_time(stop))
                    spent += samples[-1]
            ms = statistics.median(samples)
            out.write(f"torch\t{type_name}\t{batch}\t{heads}\t{seq}\t{dim}\t{causal}\t{ms:.4f}\t{backend}\n")
            del q, k, v
    print(f"PyTorch {torch.__version__}: {len(shapes)} attention shapes timed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
