// The GEMM tile configurations compiled into the benchmark for a sweep
// (CUDAENV_KERNEL_SWEEP=ON, set by scripts/gpu-check.sh; off in CI): each
// configuration's translation unit (gemm_sweep.cu.in) adds itself here.
#pragma once

#include <cuda_runtime_api.h>

#include <string>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"

namespace cudaenv::kernels::sweep {

struct GemmConfig {
  std::string name;       // e.g. "m128n128k64-w2x2-s3"
  int threads = 0;
  int shared_bytes = 0;
  // C = alpha A B + beta C with this configuration (A and B 16-byte aligned,
  // leading dimensions multiples of 8), split-K as the library does it.
  cudaError_t (*run)(const GemmProblem& problem, int sms, cudaStream_t stream) = nullptr;
  // The f16 row-major kernel, for its registers and CTAs per SM.
  const void* (*kernel)() = nullptr;
};

std::vector<GemmConfig>& gemm_configs();

}  // namespace cudaenv::kernels::sweep
