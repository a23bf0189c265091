// CudaEnv's example kernel library: GEMM and attention forward for fp16 and
// bf16, built for every selected GPU (CudaEnvKernels.cmake) and dispatched
// at run time to the best variant built for the device.
#pragma once

#include <cuda_runtime_api.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cudaenv::kernels {

enum class DataType { f16, bf16 };
enum class Layout { row_major, col_major };

// C = alpha * A * B + beta * C. A is m x k, B is k x n (fp16 or bf16), C is
// m x n in fp32; accumulation in fp32. Leading dimensions in elements. With
// beta == 0, C is not read (it may hold garbage, as in BLAS).
struct GemmProblem {
  DataType type = DataType::f16;
  std::int64_t m = 0, n = 0, k = 0;
  const void* a = nullptr;
  std::int64_t lda = 0;
  Layout a_layout = Layout::row_major;
  const void* b = nullptr;
  std::int64_t ldb = 0;
  Layout b_layout = Layout::row_major;
  float* c = nullptr;
  std::int64_t ldc = 0;
  Layout c_layout = Layout::row_major;
  float alpha = 1.0f, beta = 0.0f;
};

// O = softmax(scale * Q K^T [+ causal mask]) V for each batch and head.
// Q, K, V, O are [batch, heads, seq, head_dim] of one type, the last
// dimension contiguous; strides in elements for batch, head and sequence.
// Causal: query i sees keys 0..i. scale 0 means 1/sqrt(head_dim).
struct AttentionProblem {
  DataType type = DataType::f16;
  std::int64_t batch = 0, heads = 0, seq = 0, head_dim = 0;
  const void* q = nullptr;
  const void* k = nullptr;
  const void* v = nullptr;
  void* o = nullptr;
  std::int64_t batch_stride = 0, head_stride = 0, seq_stride = 0;  // the same for Q, K, V and O
  bool causal = false;
  float scale = 0.0f;
};

// What went wrong, in words that name the argument and what is accepted.
struct Status {
  enum class Code { ok, invalid_argument, no_device, no_kernel_for_device, launch_failed };
  Code code = Code::ok;
  std::string message;
  bool ok() const { return code == Code::ok; }
};

// Check the arguments (no CUDA call), then launch on <stream> with the
// variant chosen for the current device. Never launches with bad arguments.
//
// Which variant runs: by default the dispatcher's choice, the best variant
// this build holds for the current device (describe() says which and why).
// Tests and benchmarks can name one instead: the <variant> argument (a tag
// such as "simt" or "tensorcore"), or, where it is empty, the environment
// variable CUDAENV_KERNELS_VARIANT (read once, at the first call). A variant
// this build does not hold, or one that cannot run on the device (no code
// for its capability, or more shared memory than it gives a block), is an
// error that names the variants that can.
Status gemm(const GemmProblem& problem, cudaStream_t stream = nullptr, std::string_view variant = {});
Status attention_forward(const AttentionProblem& problem, cudaStream_t stream = nullptr,
                         std::string_view variant = {});

// The variants that can run on the current device, best first: the first is
// the dispatcher's choice. Empty without a usable device.
std::vector<std::string> device_variants();

// The argument checks alone.
Status validate(const GemmProblem& problem);
Status validate(const AttentionProblem& problem);

// Which variants this build holds and, with a device, which one runs on it,
// why, and which others could. Set CUDAENV_KERNELS_LOG=debug to have each
// device's choice logged once.
std::string describe();

// CPU references in fp64 accumulation, on fp32 data (inputs already
// converted from fp16/bf16). Same layouts and semantics as above.
void reference_gemm(std::int64_t m, std::int64_t n, std::int64_t k, float alpha, const float* a, std::int64_t lda,
                    Layout a_layout, const float* b, std::int64_t ldb, Layout b_layout, float beta, float* c,
                    std::int64_t ldc, Layout c_layout);
// Q, K, V, O contiguous [batch, heads, seq, head_dim].
void reference_attention(std::int64_t batch, std::int64_t heads, std::int64_t seq, std::int64_t head_dim,
                         const float* q, const float* k, const float* v, float* o, bool causal, float scale);

}  // namespace cudaenv::kernels
