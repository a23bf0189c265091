// The PTX the 8.0+ tensor-core kernels are written in, one small wrapper per
// instruction: asynchronous 16-byte copies into shared memory (cp.async),
// fragment loads from shared memory (ldmatrix) and the m16n8k16 matrix
// multiply-accumulate (mma.sync) for fp16 and bf16 with fp32 accumulation.
// The kernels read like the algorithm on top of these; which element each
// lane holds is in tile_layout.hpp.
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstdint>

#include "tile_layout.hpp"

namespace cudaenv::kernels::ptx {

// A shared-memory address as the instructions below take it.
__device__ inline std::uint32_t shared_address(const void* pointer) {
  return static_cast<std::uint32_t>(__cvta_generic_to_shared(pointer));
}

// Copy 16 bytes from global to shared memory, past L1 (.cg); only the first
// <source_bytes> (0..16) are read, the rest of the 16 is zero-filled: edges
// of a matrix come in as zeros without a branch.
__device__ inline void cp_async_16(std::uint32_t shared, const void* global, int source_bytes) {
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;\n" ::"r"(shared), "l"(global), "r"(source_bytes));
}
__device__ inline void cp_async_commit() { asm volatile("cp.async.commit_group;\n" ::: "memory"); }
// Wait until at most <Pending> committed groups are still in flight.
template <int Pending>
__device__ inline void cp_async_wait() {
  asm volatile("cp.async.wait_group %0;\n" ::"n"(Pending) : "memory");
}

// Four 8x8 matrices of 16-bit elements; lanes 8j..8j+7 address matrix j's
// rows (tiles::ldmatrix_element says what each lane receives).
__device__ inline void ldmatrix_x4(std::uint32_t (&r)[4], std::uint32_t address) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0, %1, %2, %3}, [%4];\n"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(address));
}
__device__ inline void ldmatrix_x4_trans(std::uint32_t (&r)[4], std::uint32_t address) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0, %1, %2, %3}, [%4];\n"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(address));
}
template <bool Trans>
__device__ inline void ldmatrix_x4(std::uint32_t (&r)[4], std::uint32_t address) {
  if constexpr (Trans) {
    ldmatrix_x4_trans(r, address);
  } else {
    ldmatrix_x4(r, address);
  }
}

// d += a * b for one 16x8x16 tile: a as 4 registers (8 elements), b as 2
// (4 elements), d as 4 floats, laid out as tiles::mma_*_element says.
__device__ inline void mma_16816_f16(float (&d)[4], const std::uint32_t (&a)[4], const std::uint32_t* b) {
  asm("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, "
      "{%0, %1, %2, %3};\n"
      : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]));
}
__device__ inline void mma_16816_bf16(float (&d)[4], const std::uint32_t (&a)[4], const std::uint32_t* b) {
  asm("mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0, %1, %2, %3}, {%4, %5, %6, %7}, {%8, %9}, "
      "{%0, %1, %2, %3};\n"
      : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]));
}

// Two floats as one register of two 16-bit elements, <low> in the low half
// (the lower column of a fragment pair).
__device__ inline std::uint32_t pack_f16(float low, float high) {
  const __half2 h = __floats2half2_rn(low, high);
  return *reinterpret_cast<const std::uint32_t*>(&h);
}
__device__ inline std::uint32_t pack_bf16(float low, float high) {
  const __nv_bfloat162 h = __floats2bfloat162_rn(low, high);
  return *reinterpret_cast<const std::uint32_t*>(&h);
}

}  // namespace cudaenv::kernels::ptx
