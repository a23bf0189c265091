// What each variant of the kernel library hands the dispatcher: its
// launchers and the launch shape of each kernel (threads, dynamic shared
// memory), which the ptxas checks also read.
#pragma once

#include <cudaenv/kernels/kernels.hpp>

#include <array>

namespace cudaenv::kernels::detail {

struct KernelShape {
  const char* name;
  int threads;
  int dynamic_shared_bytes;
};

struct VariantTable {
  cudaError_t (*gemm)(const GemmProblem&, cudaStream_t);
  cudaError_t (*attention)(const AttentionProblem&, cudaStream_t);
  KernelShape gemm_shape;
  KernelShape attention_shape[2];  // head_dim 64, 128

  std::array<KernelShape, 3> shapes() const { return {gemm_shape, attention_shape[0], attention_shape[1]}; }
};

// Elements of 16-bit types as raw bits (loads, zero fill), and as float.
__host__ __device__ inline bool is_aligned(const void* pointer, unsigned bytes) {
  return reinterpret_cast<unsigned long long>(pointer) % bytes == 0;
}

}  // namespace cudaenv::kernels::detail

// A kernel compiled for a GPU its variant does not support traps instead of
// computing garbage (a wrong dispatch fails loudly).
#define CUDAENV_KERNEL_WRONG_ARCH()                                                              \
  do {                                                                                            \
    if (threadIdx.x == 0 && blockIdx.x == 0) printf("cudaenv kernels: variant dispatched to a GPU it was not built for\n"); \
    __trap();                                                                                     \
  } while (0)
