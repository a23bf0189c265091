// GPU throughput of CudaEnv's kernels next to cuBLAS, measured in one run:
// GEMM (fp16/bf16 in, fp32 out) against cublasGemmEx, attention forward
// against a naive cuBLAS + softmax version (S = Q K^T, softmax, O = P V),
// TFLOP/s from the usual FLOP counts (GEMM 2mnk; attention 4 b h s^2 d,
// halved when causal). Without a GPU it says so and exits 77.
#include <cublas_v2.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <cmath>
#include <cstdio>
#include <functional>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"

namespace {

using namespace cudaenv::kernels;

float time_ms(const std::function<void()>& work, int repeats = 20) {
  work();  // warm-up (and JIT where PTX is used)
  cudaEvent_t start, stop;
  cudaEventCreate(&start);
  cudaEventCreate(&stop);
  cudaEventRecord(start);
  for (int i = 0; i < repeats; ++i) work();
  cudaEventRecord(stop);
  cudaEventSynchronize(stop);
  float ms = 0;
  cudaEventElapsedTime(&ms, start, stop);
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  return ms / repeats;
}

void* device_bytes(std::size_t bytes) {
  void* p = nullptr;
  cudaMalloc(&p, bytes);
  cudaMemset(p, 0, bytes);
  return p;
}

// Row-wise softmax of S (rows x cols, fp32) into P (fp16), scaled, causal
// rows masked past the diagonal.
__global__ void softmax_rows(const float* s, __half* p, int rows, int cols, float scale, bool causal) {
  const int row = blockIdx.x;
  const int query = row % cols;
  const float* in = s + static_cast<long long>(row) * cols;
  __half* out = p + static_cast<long long>(row) * cols;
  __shared__ float reduce[32];
  float local_max = -INFINITY;
  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    if (!causal || c <= query) local_max = fmaxf(local_max, in[c] * scale);
  }
  for (int o = 16; o > 0; o /= 2) local_max = fmaxf(local_max, __shfl_xor_sync(~0u, local_max, o));
  if (threadIdx.x % 32 == 0) reduce[threadIdx.x / 32] = local_max;
  __syncthreads();
  float row_max = -INFINITY;
  for (int w = 0; w < blockDim.x / 32; ++w) row_max = fmaxf(row_max, reduce[w]);
  __syncthreads();
  float local_sum = 0;
  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    if (!causal || c <= query) local_sum += __expf(in[c] * scale - row_max);
  }
  for (int o = 16; o > 0; o /= 2) local_sum += __shfl_xor_sync(~0u, local_sum, o);
  if (threadIdx.x % 32 == 0) reduce[threadIdx.x / 32] = local_sum;
  __syncthreads();
  float total = 0;
  for (int w = 0; w < blockDim.x / 32; ++w) total += reduce[w];
  for (int c = threadIdx.x; c < cols; c += blockDim.x) {
    const float x = (!causal || c <= query) ? __expf(in[c] * scale - row_max) / total : 0.0f;
    out[c] = __float2half(x);
  }
}

}  // namespace

int main() {
  int devices = 0;
  if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
    std::printf("no usable CUDA device: nothing to measure (this benchmark needs a GPU)\n");
    return 77;
  }
  std::printf("%s", describe().c_str());
  cublasHandle_t blas;
  cublasCreate(&blas);

  std::printf("\nGEMM (row-major, fp32 out)        CudaEnv TFLOP/s   cuBLAS TFLOP/s   ratio\n");
  for (DataType type : {DataType::f16, DataType::bf16}) {
    for (int size : {1024, 2048, 4096}) {
      const std::size_t elements = static_cast<std::size_t>(size) * size;
      void* a = device_bytes(elements * 2);
      void* b = device_bytes(elements * 2);
      auto* c = static_cast<float*>(device_bytes(elements * 4));
      GemmProblem p;
      p.type = type, p.m = p.n = p.k = size, p.a = a, p.b = b, p.c = c, p.lda = p.ldb = p.ldc = size;
      const float ours = time_ms([&] { gemm(p); });
      const float one = 1.0f, zero = 0.0f;
      const cudaDataType_t t = type == DataType::f16 ? CUDA_R_16F : CUDA_R_16BF;
      // Row-major C = A B is column-major C^T = B^T A^T.
      const float theirs = time_ms([&] {
        cublasGemmEx(blas, CUBLAS_OP_N, CUBLAS_OP_N, size, size, size, &one, b, t, size, a, t, size, &zero, c,
                     CUDA_R_32F, size, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
      });
      const double flop = 2.0 * size * size * size;
      std::printf("  %s %5d^3                       %8.1f          %8.1f      %.2f\n",
                  type == DataType::f16 ? "f16 " : "bf16", size, flop / ours / 1e9, flop / theirs / 1e9, theirs / ours);
      cudaFree(a), cudaFree(b), cudaFree(c);
    }
  }

  std::printf("\nAttention fp16 (b=4, h=16)        CudaEnv TFLOP/s   cuBLAS+softmax   ratio\n");
  for (int dim : {64, 128}) {
    for (int seq : {512, 2048}) {
      for (bool causal : {false, true}) {
        const int batch = 4, heads = 16, bh = batch * heads;
        const std::size_t elements = static_cast<std::size_t>(bh) * seq * dim;
        void* q = device_bytes(elements * 2);
        void* k = device_bytes(elements * 2);
        void* v = device_bytes(elements * 2);
        void* o = device_bytes(elements * 2);
        auto* s = static_cast<float*>(device_bytes(static_cast<std::size_t>(bh) * seq * seq * 4));
        auto* prob = static_cast<__half*>(device_bytes(static_cast<std::size_t>(bh) * seq * seq * 2));
        AttentionProblem p;
        p.batch = batch, p.heads = heads, p.seq = seq, p.head_dim = dim, p.causal = causal;
        p.q = q, p.k = k, p.v = v, p.o = o;
        p.batch_stride = static_cast<std::int64_t>(heads) * seq * dim, p.head_stride = static_cast<std::int64_t>(seq) * dim;
        p.seq_stride = dim;
        const float ours = time_ms([&] { attention_forward(p); });
        const float one = 1.0f, zero = 0.0f;
        const float theirs = time_ms([&] {
          // S^T (col-major seq x seq) = K Q^T per (batch, head): row-major S = Q K^T.
          cublasGemmStridedBatchedEx(blas, CUBLAS_OP_T, CUBLAS_OP_N, seq, seq, dim, &one, k, CUDA_R_16F, dim,
                                     static_cast<long long>(seq) * dim, q, CUDA_R_16F, dim,
                                     static_cast<long long>(seq) * dim, &zero, s, CUDA_R_32F, seq,
                                     static_cast<long long>(seq) * seq, bh, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
          softmax_rows<<<bh * seq, 256>>>(s, prob, bh * seq, seq, 1.0f / std::sqrt(static_cast<float>(dim)), causal);
          // O (row-major seq x dim) = P V: col-major O^T = V^T P^T.
          cublasGemmStridedBatchedEx(blas, CUBLAS_OP_N, CUBLAS_OP_N, dim, seq, seq, &one, v, CUDA_R_16F, dim,
                                     static_cast<long long>(seq) * dim, prob, CUDA_R_16F, seq,
                                     static_cast<long long>(seq) * seq, &zero, o, CUDA_R_16F, dim,
                                     static_cast<long long>(seq) * dim, bh, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
        });
        const double flop = 4.0 * bh * seq * static_cast<double>(seq) * dim * (causal ? 0.5 : 1.0);
        std::printf("  d%-3d s%-5d %-7s                 %8.1f          %8.1f      %.2f\n", dim, seq,
                    causal ? "causal" : "full", flop / ours / 1e9, flop / theirs / 1e9, theirs / ours);
        for (void* ptr : {q, k, v, o, static_cast<void*>(s), static_cast<void*>(prob)}) cudaFree(ptr);
      }
    }
  }
  cublasDestroy(blas);
  return 0;
}
