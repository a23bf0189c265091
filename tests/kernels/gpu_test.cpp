// The kernels on a GPU against the CPU references. Without a usable GPU it
// exits 77, which CTest reports as SKIPPED. Tolerances as FlashAttention and
// PyTorch use for fp16/bf16 outputs: |gpu - ref| <= atol + rtol * |ref|.
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"

using namespace cudaenv::kernels;

namespace {

int failures = 0;

// Random values rounded to the input type, as float and as raw 16-bit data.
struct Input {
  std::vector<float> values;
  std::vector<unsigned short> bits;
};

Input random_input(std::size_t count, DataType type, std::mt19937& rng) {
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  Input in;
  for (std::size_t i = 0; i < count; ++i) {
    const float x = dist(rng);
    if (type == DataType::f16) {
      const __half h = __float2half_rn(x);
      in.values.push_back(__half2float(h));
      in.bits.push_back(__half_as_ushort(h));
    } else {
      const __nv_bfloat16 b = __float2bfloat16_rn(x);
      in.values.push_back(__bfloat162float(b));
      in.bits.push_back(__bfloat16_as_ushort(b));
    }
  }
  return in;
}

float to_float(unsigned short bits, DataType type) {
  return type == DataType::f16 ? __half2float(__ushort_as_half(bits)) : __bfloat162float(__ushort_as_bfloat16(bits));
}

template <typename T>
T* upload(const std::vector<T>& host) {
  T* device = nullptr;
  cudaMalloc(&device, host.size() * sizeof(T));
  cudaMemcpy(device, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice);
  return device;
}

void expect_close(const char* what, const std::vector<float>& got, const std::vector<float>& want, float atol,
                  float rtol) {
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (!(std::fabs(got[i] - want[i]) <= atol + rtol * std::fabs(want[i]))) {
      std::printf("FAIL %s: element %zu is %g, the reference %g\n", what, i, got[i], want[i]);
      ++failures;
      return;
    }
  }
  std::printf("ok   %s\n", what);
}

void check(const Status& status, const char* what) {
  if (!status.ok()) {
    std::printf("FAIL %s: %s\n", what, status.message.c_str());
    ++failures;
  }
}

void gemm_case(DataType type, std::int64_t m, std::int64_t n, std::int64_t k, Layout a_layout, Layout b_layout,
               float beta, std::mt19937& rng) {
  const auto a = random_input(static_cast<std::size_t>(m * k), type, rng);
  const auto b = random_input(static_cast<std::size_t>(k * n), type, rng);
  std::vector<float> c(static_cast<std::size_t>(m * n), 0.5f);
  std::vector<float> want = c;
  const std::int64_t lda = a_layout == Layout::row_major ? k : m, ldb = b_layout == Layout::row_major ? n : k;
  reference_gemm(m, n, k, 1.5f, a.values.data(), lda, a_layout, b.values.data(), ldb, b_layout, beta, want.data(), n,
                 Layout::row_major);
  GemmProblem p;
  p.type = type, p.m = m, p.n = n, p.k = k;
  p.a = upload(a.bits), p.lda = lda, p.a_layout = a_layout;
  p.b = upload(b.bits), p.ldb = ldb, p.b_layout = b_layout;
  p.c = upload(c), p.ldc = n, p.alpha = 1.5f, p.beta = beta;
  char what[160];
  std::snprintf(what, sizeof what, "gemm %s %lldx%lldx%lld A %s B %s beta %g", type == DataType::f16 ? "f16" : "bf16",
                static_cast<long long>(m), static_cast<long long>(n), static_cast<long long>(k),
                a_layout == Layout::row_major ? "row" : "col", b_layout == Layout::row_major ? "row" : "col", beta);
  check(gemm(p), what);
  cudaMemcpy(c.data(), p.c, c.size() * sizeof(float), cudaMemcpyDeviceToHost);
  // fp32 accumulation of exactly representable inputs: error grows with k.
  expect_close(what, c, want, 1e-3f * std::sqrt(static_cast<float>(k)), 1e-3f);
  cudaFree(const_cast<void*>(p.a));
  cudaFree(const_cast<void*>(p.b));
  cudaFree(p.c);
}

void attention_case(DataType type, std::int64_t batch, std::int64_t heads, std::int64_t seq, std::int64_t dim,
                    bool causal, std::mt19937& rng) {
  const auto count = static_cast<std::size_t>(batch * heads * seq * dim);
  const auto q = random_input(count, type, rng), k = random_input(count, type, rng), v = random_input(count, type, rng);
  std::vector<float> want(count);
  reference_attention(batch, heads, seq, dim, q.values.data(), k.values.data(), v.values.data(), want.data(), causal,
                      0.0f);
  AttentionProblem p;
  p.type = type, p.batch = batch, p.heads = heads, p.seq = seq, p.head_dim = dim, p.causal = causal;
  p.q = upload(q.bits), p.k = upload(k.bits), p.v = upload(v.bits);
  p.o = upload(std::vector<unsigned short>(count));
  p.batch_stride = heads * seq * dim, p.head_stride = seq * dim, p.seq_stride = dim;
  char what[160];
  std::snprintf(what, sizeof what, "attention %s b%lld h%lld s%lld d%lld%s", type == DataType::f16 ? "f16" : "bf16",
                static_cast<long long>(batch), static_cast<long long>(heads), static_cast<long long>(seq),
                static_cast<long long>(dim), causal ? " causal" : "");
  check(attention_forward(p), what);
  std::vector<unsigned short> out(count);
  cudaMemcpy(out.data(), p.o, count * sizeof(unsigned short), cudaMemcpyDeviceToHost);
  std::vector<float> got(count);
  for (std::size_t i = 0; i < count; ++i) got[i] = to_float(out[i], type);
  // FlashAttention's tests: fp16 ~1e-3, bf16 ~1e-2 absolute on unit-scale data.
  const float tol = type == DataType::f16 ? 2e-3f : 2e-2f;
  expect_close(what, got, want, tol, tol);
  for (const void* ptr : {p.q, p.k, p.v, static_cast<const void*>(p.o)}) cudaFree(const_cast<void*>(ptr));
}

}  // namespace

int main() {
  int devices = 0;
  const cudaError_t error = cudaGetDeviceCount(&devices);
  if (error != cudaSuccess || devices == 0) {
    std::printf("SKIPPED: no usable CUDA device (%s)\n", error != cudaSuccess ? cudaGetErrorString(error) : "none");
    return 77;
  }
  std::printf("%s", describe().c_str());
  std::mt19937 rng(20261122);
  for (DataType type : {DataType::f16, DataType::bf16}) {
    for (Layout a : {Layout::row_major, Layout::col_major}) {
      for (Layout b : {Layout::row_major, Layout::col_major}) gemm_case(type, 128, 96, 64, a, b, 0.0f, rng);
    }
    gemm_case(type, 1, 1, 1, Layout::row_major, Layout::row_major, 0.0f, rng);
    gemm_case(type, 67, 131, 45, Layout::row_major, Layout::row_major, 0.25f, rng);  // every edge
    gemm_case(type, 256, 256, 512, Layout::row_major, Layout::col_major, 1.0f, rng);
    for (std::int64_t dim : {64, 128}) {
      for (bool causal : {false, true}) {
        attention_case(type, 2, 3, 77, dim, causal, rng);  // partial tiles
        attention_case(type, 1, 2, 256, dim, causal, rng);
      }
    }
  }
  std::printf("%s\n", failures == 0 ? "all passed" : "FAILED");
  return failures == 0 ? 0 : 1;
}
