// Device helpers shared by the variants: 16-bit element types handled as raw
// bits (loads and zero fill are the same for fp16 and bf16) and converted
// to fp32 for arithmetic.
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cmath>
#include <cstdint>
#include <cstdio>

#include "mma_ptx.cuh"
#include "variant_table.hpp"

namespace cudaenv::kernels::detail {

// Each type's mma.sync and packing (mma_ptx.cuh), so kernels take the type
// as a template argument and call T::mma / T::pack.
struct F16 {
  __device__ static void mma(float (&d)[4], const std::uint32_t (&a)[4], const std::uint32_t* b) {
    ptx::mma_16816_f16(d, a, b);
  }
  __device__ static std::uint32_t pack(float low, float high) { return ptx::pack_f16(low, high); }
  __device__ static float to_float(std::uint16_t bits) { return __half2float(__ushort_as_half(bits)); }
  __device__ static std::uint16_t from_float(float x) { return __half_as_ushort(__float2half_rn(x)); }
};

struct BF16 {
  __device__ static void mma(float (&d)[4], const std::uint32_t (&a)[4], const std::uint32_t* b) {
    ptx::mma_16816_bf16(d, a, b);
  }
  __device__ static std::uint32_t pack(float low, float high) { return ptx::pack_bf16(low, high); }
  __device__ static float to_float(std::uint16_t bits) { return __uint_as_float(static_cast<unsigned>(bits) << 16); }
  __device__ static std::uint16_t from_float(float x) { return __bfloat16_as_ushort(__float2bfloat16_rn(x)); }
};

// Element (row, col) of a matrix in either layout.
__device__ inline std::int64_t matrix_index(std::int64_t row, std::int64_t col, std::int64_t ld, Layout layout) {
  return layout == Layout::row_major ? row * ld + col : col * ld + row;
}

__device__ inline float warp_sum(float x) {
  for (int offset = 16; offset > 0; offset /= 2) x += __shfl_xor_sync(0xffffffffu, x, offset);
  return x;
}

__device__ inline float warp_max(float x) {
  for (int offset = 16; offset > 0; offset /= 2) x = fmaxf(x, __shfl_xor_sync(0xffffffffu, x, offset));
  return x;
}

// The GEMM epilogue's rule: with beta == 0, C is not read.
__device__ inline float gemm_output(float acc, float alpha, float beta, const float* c, std::int64_t index) {
  return beta == 0.0f ? alpha * acc : alpha * acc + beta * c[index];
}

}  // namespace cudaenv::kernels::detail

// What every variant defines, in namespace cudaenv::kernels::<tag> (its
// gemm_*.cu and attention_*.cu), and the table its entry hands out.
namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {

cudaError_t gemm(const GemmProblem& p, cudaStream_t stream);
cudaError_t attention(const AttentionProblem& p, cudaStream_t stream);
extern const detail::KernelShape gemm_shape;
extern const detail::KernelShape attention_shapes[2];  // head_dim 64, 128

inline const void* variant_table() {
  static const detail::VariantTable table{&gemm, &attention, gemm_shape, {attention_shapes[0], attention_shapes[1]}};
  return &table;
}

// The softmax scale in base 2 (exp(x) = exp2(x * log2 e)); 0 means
// 1/sqrt(head_dim).
inline float softmax_scale_log2(const AttentionProblem& p) {
  const float scale = p.scale != 0.0f ? p.scale : 1.0f / std::sqrt(static_cast<float>(p.head_dim));
  return scale * 1.4426950408889634f;
}

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT
