// GPU throughput of CudaEnv's kernels next to cuBLAS, measured side by side
// in one run: GEMM (fp16/bf16 in, fp32 out) against cublasGemmEx on square,
// LLM, skinny (decode) and edge shapes, B row- or column-major (PyTorch's
// Linear weights), each result first checked against cuBLAS's; attention
// forward against a cuBLAS + softmax version (S = Q K^T, softmax, O = P V)
// for seq 512 to 8192, head dims 64 and 128, causal and not. Random inputs
// (zeros lower the tensor cores' power and flatter both sides), 3 warm-up
// runs, then the median of 5 to 20 timed samples (CUDA events around each;
// a sample is 20 back-to-back calls when one call is under 50 us, so launch
// latency is not timed as kernel time). TFLOP/s from the usual counts: GEMM
// 2mnk (and GB/s of A, B and C for the skinny shapes); attention
// 4 b h s^2 d, halved when causal. Every status is checked: a failed run
// prints its error in place of a figure.
//
// Usage: cudaenv_kernels_throughput [--tsv <file>] [--variant <tag>] [--quick] [--sweep]
//   --tsv      one line per measurement, for scripts/gpu-check.sh's report
//   --variant  time that variant instead of the dispatcher's choice
//   --quick    the smallest shapes only
//   --sweep    the GEMM tile configurations compiled in (CUDAENV_KERNEL_SWEEP)
//              instead: each checked against cuBLAS, then timed, with its
//              registers, shared memory and CTAs per SM
// Without a GPU it says so and exits 77.
#include <cublas_v2.h>
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_runtime.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"
#include "gemm_sweep.hpp"

namespace cudaenv::kernels::sweep {
std::vector<GemmConfig>& gemm_configs() {
  static std::vector<GemmConfig> configs;
  return configs;
}
}  // namespace cudaenv::kernels::sweep

namespace {

using namespace cudaenv::kernels;

// A measurement: the median milliseconds of one call, or why there is none.
struct Timing {
  double ms = 0.0;
  std::string error;
  bool ok() const { return error.empty(); }
};

std::string cuda_error(cudaError_t error) { return cudaGetErrorString(error); }
std::string cuda_error_text(cudaError_t error) { return error == cudaSuccess ? std::string() : cuda_error(error); }

std::string cublas_error(cublasStatus_t status) {
  return std::string("cuBLAS status ") + std::to_string(static_cast<int>(status));
}

// One call returns "" or its error. Runs 3 warm-ups, then times samples
// until 20 or about 300 ms (at least 5), and takes the median per call. A
// sample is one call, or 20 back to back when one takes under 50 us.
Timing measure(const std::function<std::string()>& call) {
  Timing timing;
  for (int i = 0; i < 3; ++i) {
    if (std::string error = call(); !error.empty()) return {0.0, error};
  }
  if (cudaError_t e = cudaDeviceSynchronize(); e != cudaSuccess) return {0.0, cuda_error(e)};
  cudaEvent_t start, stop;
  cudaEventCreate(&start);
  cudaEventCreate(&stop);
  std::vector<double> samples;
  double spent = 0.0;
  int calls = 1;
  while (samples.size() < 20 && (samples.size() < 5 || spent < 300.0)) {
    cudaEventRecord(start);
    for (int i = 0; i < calls && timing.ok(); ++i) timing.error = call();
    if (!timing.ok()) break;
    cudaEventRecord(stop);
    if (cudaError_t e = cudaEventSynchronize(stop); e != cudaSuccess) {
      timing.error = cuda_error(e);
      break;
    }
    float ms = 0.0f;
    cudaEventElapsedTime(&ms, start, stop);
    if (samples.empty() && calls == 1 && ms < 0.05f) {
      calls = 20;  // too short to time alone: this sample is dropped
      continue;
    }
    samples.push_back(ms / calls);
    spent += ms;
  }
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  if (timing.ok()) {
    std::sort(samples.begin(), samples.end());
    timing.ms = samples[samples.size() / 2];
  }
  return timing;
}

// Uniform values in [-1, 1) from a hash of the index, as 16-bit bits.
__global__ void fill_random(std::uint16_t* data, std::size_t count, std::uint32_t seed, bool bf16) {
  for (std::size_t i = blockIdx.x * static_cast<std::size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    std::uint64_t x = (i + 1) * 0x9E3779B97F4A7C15ull ^ seed;
    x ^= x >> 31, x *= 0xBF58476D1CE4E5B9ull, x ^= x >> 29;
    const float value = static_cast<float>(x >> 40) / static_cast<float>(1 << 24) * 2.0f - 1.0f;
    data[i] = bf16 ? __bfloat16_as_ushort(__float2bfloat16_rn(value)) : __half_as_ushort(__float2half_rn(value));
  }
}

// Device memory that frees itself.
class DeviceBuffer {
 public:
  explicit DeviceBuffer(std::size_t bytes) {
    if (cudaMalloc(&pointer_, bytes) != cudaSuccess) {
      pointer_ = nullptr;
      cudaGetLastError();
    }
  }
  ~DeviceBuffer() { cudaFree(pointer_); }
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  void* get() const { return pointer_; }
  explicit operator bool() const { return pointer_ != nullptr; }

 private:
  void* pointer_ = nullptr;
};

std::string random_fill(const DeviceBuffer& buffer, std::size_t count, std::uint32_t seed, DataType type) {
  fill_random<<<1024, 256>>>(static_cast<std::uint16_t*>(buffer.get()), count, seed, type == DataType::bf16);
  const cudaError_t e = cudaDeviceSynchronize();
  return e == cudaSuccess ? "" : cuda_error(e);
}

// Row-wise softmax of S (rows x cols, fp32) into P (16-bit), scaled,
// causal rows masked past the diagonal.
template <typename T>
__global__ void softmax_rows(const float* s, T* p, int cols, float scale, bool causal) {
  const long long row = blockIdx.x;
  const int query = static_cast<int>(row % cols);
  const float* in = s + row * cols;
  T* out = p + row * cols;
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
    out[c] = static_cast<T>(x);
  }
}

const char* type_name(DataType type) { return type == DataType::f16 ? "f16" : "bf16"; }

std::string figure(const Timing& t, double flop) {
  if (!t.ok()) return "error";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", flop / t.ms / 1e9);
  return text;
}

std::string ratio(const Timing& ours, const Timing& theirs) {
  if (!ours.ok() || !theirs.ok()) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", theirs.ms / ours.ms);
  return text;
}

struct Output {
  std::FILE* tsv = nullptr;
  int errors = 0;
  void line(const std::string& text) {
    if (tsv) std::fprintf(tsv, "%s\n", text.c_str()), std::fflush(tsv);
  }
  void error(const char* what, const Timing& t) {
    if (t.ok()) return;
    ++errors;
    std::printf("    error in %s: %s\n", what, t.error.c_str());
  }
};

std::string ms_text(const Timing& t) {
  if (!t.ok()) return "error";
  char text[32];
  std::snprintf(text, sizeof text, "%.4f", t.ms);
  return text;
}

// sum of (c - reference)^2 and of reference^2 over m x n row-major floats.
__global__ void error_sums(const float* c, const float* reference, std::size_t count, double* sums) {
  double diff = 0.0, norm = 0.0;
  for (std::size_t i = blockIdx.x * static_cast<std::size_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<std::size_t>(gridDim.x) * blockDim.x) {
    const double d = static_cast<double>(c[i]) - reference[i];
    diff += d * d;
    norm += static_cast<double>(reference[i]) * reference[i];
  }
  atomicAdd(&sums[0], diff);
  atomicAdd(&sums[1], norm);
}

// One GEMM shape: B row-major or column-major (the layout of PyTorch's
// Linear weights); leading dimensions rounded up to multiples of 8 (edges
// then stay on the fast path; the unaligned fallback is a correctness case).
struct GemmShape {
  int m, n, k;
  bool b_col_major = false;
  std::string label() const {
    return std::to_string(m) + "x" + std::to_string(n) + "x" + std::to_string(k) + (b_col_major ? " Bt" : "");
  }
  bool skinny() const { return m <= 64; }
};

// Inputs, cuBLAS's result and a C for the kernel under test, made once per
// shape and type; run() calls one implementation of C = A B on them.
class GemmBench {
 public:
  GemmBench(cublasHandle_t blas, DataType type, const GemmShape& shape)
      : blas_(blas), type_(type), shape_(shape), lda_(round8(shape.k)), ldb_(round8(shape.b_col_major ? shape.k : shape.n)),
        a_(static_cast<std::size_t>(shape.m) * lda_ * 2),
        b_(static_cast<std::size_t>(shape.b_col_major ? shape.n : shape.k) * ldb_ * 2),
        c_(static_cast<std::size_t>(shape.m) * shape.n * 4), reference_(static_cast<std::size_t>(shape.m) * shape.n * 4),
        sums_(2 * sizeof(double)) {
    if (!a_ || !b_ || !c_ || !reference_ || !sums_) {
      error_ = "cudaMalloc failed: not enough device memory for this shape";
      return;
    }
    error_ = random_fill(a_, static_cast<std::size_t>(shape.m) * lda_, 1, type) +
             random_fill(b_, static_cast<std::size_t>(shape.b_col_major ? shape.n : shape.k) * ldb_, 2, type);
    if (error_.empty()) error_ = cublas(reference_.get());
    if (error_.empty()) error_ = cuda_error_text(cudaDeviceSynchronize());
  }
  GemmProblem problem() const {
    GemmProblem p;
    p.type = type_, p.m = shape_.m, p.n = shape_.n, p.k = shape_.k;
    p.a = a_.get(), p.lda = lda_, p.b = b_.get(), p.ldb = ldb_;
    p.b_layout = shape_.b_col_major ? Layout::col_major : Layout::row_major;
    p.c = static_cast<float*>(c_.get()), p.ldc = shape_.n;
    return p;
  }
  // Row-major C = A B is column-major C^T = B^T A^T.
  std::string cublas(void* c) const {
    const float one = 1.0f, zero = 0.0f;
    const cudaDataType_t t = type_ == DataType::f16 ? CUDA_R_16F : CUDA_R_16BF;
    const cublasStatus_t s = cublasGemmEx(blas_, shape_.b_col_major ? CUBLAS_OP_T : CUBLAS_OP_N, CUBLAS_OP_N, shape_.n,
                                          shape_.m, shape_.k, &one, b_.get(), t, ldb_, a_.get(), t, lda_, &zero, c,
                                          CUDA_R_32F, shape_.n, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
    return s == CUBLAS_STATUS_SUCCESS ? std::string() : cublas_error(s);
  }
  // ||C - cuBLAS's|| / ||cuBLAS's|| after one call, or the call's error.
  std::string check(const std::function<std::string()>& call, double& relative_error) {
    relative_error = -1.0;
    if (cudaMemset(c_.get(), 0xff, static_cast<std::size_t>(shape_.m) * shape_.n * 4) != cudaSuccess ||
        cudaMemset(sums_.get(), 0, 2 * sizeof(double)) != cudaSuccess) {
      return "cudaMemset failed";
    }
    if (std::string e = call(); !e.empty()) return e;
    error_sums<<<264, 256>>>(static_cast<const float*>(c_.get()), static_cast<const float*>(reference_.get()),
                             static_cast<std::size_t>(shape_.m) * shape_.n, static_cast<double*>(sums_.get()));
    double sums[2] = {0, 0};
    if (cudaError_t e = cudaMemcpy(sums, sums_.get(), sizeof sums, cudaMemcpyDeviceToHost); e != cudaSuccess) {
      return cuda_error(e);
    }
    relative_error = std::sqrt(sums[0] / sums[1]);
    if (!(relative_error < 1e-3)) {  // NaN fails too
      char text[96];
      std::snprintf(text, sizeof text, "wrong result: relative error %.3g against cuBLAS", relative_error);
      return text;
    }
    return "";
  }
  struct Measurement {
    Timing ours, theirs;
    double relative_error = -1.0;
  };
  // <call> on problem() checked against cuBLAS's result, then both timed.
  Measurement compare(const std::function<std::string(const GemmProblem&)>& call) {
    Measurement m;
    if (!error_.empty()) {
      m.ours.error = m.theirs.error = error_;
      return m;
    }
    const GemmProblem p = problem();
    const auto ours = [&] { return call(p); };
    m.ours.error = check(ours, m.relative_error);
    if (m.ours.ok()) m.ours = measure(ours);
    m.theirs = measure([&] { return cublas(c_.get()); });
    return m;
  }
  double flop() const { return 2.0 * shape_.m * static_cast<double>(shape_.n) * shape_.k; }
  double bytes() const {
    return 2.0 * (static_cast<double>(shape_.m) * shape_.k + static_cast<double>(shape_.k) * shape_.n) +
           4.0 * shape_.m * static_cast<double>(shape_.n);
  }

 private:
  static int round8(int x) { return (x + 7) / 8 * 8; }
  cublasHandle_t blas_;
  DataType type_;
  GemmShape shape_;
  int lda_, ldb_;
  DeviceBuffer a_, b_, c_, reference_, sums_;
  std::string error_;
};

std::string gbps(const Timing& t, double bytes) {
  if (!t.ok()) return "-";
  char text[32];
  std::snprintf(text, sizeof text, "%.0f", bytes / t.ms / 1e6);
  return text;
}

void gemm_row(cublasHandle_t blas, DataType type, const GemmShape& shape, const std::string& variant, Output& out) {
  GemmBench bench(blas, type, shape);
  const auto [ours, theirs, error] = bench.compare([&](const GemmProblem& p) {
    const Status s = gemm(p, nullptr, variant);
    return s.ok() ? std::string() : s.message;
  });
  std::printf("  %-4s %-22s  %9s      %9s     %5s  %s\n", type_name(type), shape.label().c_str(),
              figure(ours, bench.flop()).c_str(), figure(theirs, bench.flop()).c_str(), ratio(ours, theirs).c_str(),
              shape.skinny() ? (gbps(ours, bench.bytes()) + " vs " + gbps(theirs, bench.bytes()) + " GB/s").c_str() : "");
  out.error("CudaEnv's GEMM", ours);
  out.error("cuBLAS", theirs);
  char line[320];
  std::snprintf(line, sizeof line, "gemm\t%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\t%s\t%.2e\t%s\t%s", type_name(type), shape.m,
                shape.n, shape.k, ms_text(ours).c_str(), ms_text(theirs).c_str(), figure(ours, bench.flop()).c_str(),
                figure(theirs, bench.flop()).c_str(), shape.b_col_major ? "col" : "row", error,
                gbps(ours, bench.bytes()).c_str(), gbps(theirs, bench.bytes()).c_str());
  out.line(line);
}

// Every configuration compiled in, on every shape: checked, then timed.
void gemm_sweep(cublasHandle_t blas, const std::vector<GemmShape>& shapes, Output& out) {
  int device = 0, sms = 0;
  cudaGetDevice(&device);
  cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device);
  std::printf("\nGEMM sweep: %zu configurations (registers, shared memory, CTAs per SM; TFLOP/s and ratio to cuBLAS)\n",
              sweep::gemm_configs().size());
  for (const auto& config : sweep::gemm_configs()) {
    cudaFuncAttributes attributes{};
    int ctas = 0;
    cudaFuncSetAttribute(config.kernel(), cudaFuncAttributeMaxDynamicSharedMemorySize, config.shared_bytes);
    const bool fits = cudaFuncGetAttributes(&attributes, config.kernel()) == cudaSuccess &&
                      cudaOccupancyMaxActiveBlocksPerMultiprocessor(&ctas, config.kernel(), config.threads,
                                                                    config.shared_bytes) == cudaSuccess &&
                      ctas > 0;
    (void)cudaGetLastError();
    std::printf("  %s: %d threads, %d registers, %d B shared, %d CTAs/SM\n", config.name.c_str(), config.threads,
                attributes.numRegs, config.shared_bytes, ctas);
    if (!fits) {
      std::printf("    does not fit this GPU: skipped\n");
      out.line("sweep\t" + config.name + "\t-\t-\t-\t-\t-\t-\t-\t-\tdoes not fit");
      continue;
    }
    for (DataType type : {DataType::f16, DataType::bf16}) {
      for (const auto& shape : shapes) {
        GemmBench bench(blas, type, shape);
        const auto [ours, theirs, error] =
            bench.compare([&](const GemmProblem& p) { return cuda_error_text(config.run(p, sms, nullptr)); });
        std::printf("    %-4s %-22s %9s  %5s%s\n", type_name(type), shape.label().c_str(),
                    figure(ours, bench.flop()).c_str(), ratio(ours, theirs).c_str(),
                    ours.ok() ? "" : ("  " + ours.error).c_str());
        char line[320];
        std::snprintf(line, sizeof line, "sweep\t%s\t%s\t%s\t%s\t%s\t%s\t%.2e\t%d\t%d\t%d\t%s", config.name.c_str(),
                      type_name(type), shape.label().c_str(), ms_text(ours).c_str(), ms_text(theirs).c_str(),
                      figure(ours, bench.flop()).c_str(), error, attributes.numRegs, config.shared_bytes, ctas,
                      ours.ok() ? "ok" : ours.error.c_str());
        out.line(line);
        if (!ours.ok()) ++out.errors;
      }
    }
  }
}

void attention_row(cublasHandle_t blas, DataType type, int seq, int dim, bool causal, const std::string& variant,
                   Output& out) {
  // FlashAttention's benchmark shapes: 16k tokens per batch, 2048 wide.
  const int batch = std::max(1, 16384 / seq), heads = 2048 / dim, bh = batch * heads;
  const std::size_t count = static_cast<std::size_t>(bh) * seq * dim;
  DeviceBuffer q(count * 2), k(count * 2), v(count * 2), o(count * 2);
  Timing ours, theirs;
  if (!q || !k || !v || !o) {
    ours.error = theirs.error = "cudaMalloc failed: not enough device memory for this shape";
  } else if (std::string e = random_fill(q, count, 3, type) + random_fill(k, count, 4, type) +
                             random_fill(v, count, 5, type);
             !e.empty()) {
    ours.error = theirs.error = e;
  } else {
    AttentionProblem p;
    p.type = type, p.batch = batch, p.heads = heads, p.seq = seq, p.head_dim = dim, p.causal = causal;
    p.q = q.get(), p.k = k.get(), p.v = v.get(), p.o = o.get();
    p.batch_stride = static_cast<std::int64_t>(heads) * seq * dim, p.head_stride = static_cast<std::int64_t>(seq) * dim;
    p.seq_stride = dim;
    ours = measure([&] {
      const Status s = attention_forward(p, nullptr, variant);
      return s.ok() ? std::string() : s.message;
    });
    const std::size_t scores = static_cast<std::size_t>(bh) * seq * seq;
    DeviceBuffer s(scores * 4), prob(scores * 2);
    if (!s || !prob) {
      theirs.error = "cudaMalloc failed: not enough device memory for the seq x seq matrices";
    } else {
      const float one = 1.0f, zero = 0.0f, scale = 1.0f / std::sqrt(static_cast<float>(dim));
      const cudaDataType_t t = type == DataType::f16 ? CUDA_R_16F : CUDA_R_16BF;
      const long long qkv_stride = static_cast<long long>(seq) * dim, s_stride = static_cast<long long>(seq) * seq;
      theirs = measure([&] {
        // Row-major S = Q K^T per (batch, head) is column-major S^T = K Q^T.
        cublasStatus_t st = cublasGemmStridedBatchedEx(blas, CUBLAS_OP_T, CUBLAS_OP_N, seq, seq, dim, &one, k.get(), t,
                                                       dim, qkv_stride, q.get(), t, dim, qkv_stride, &zero, s.get(),
                                                       CUDA_R_32F, seq, s_stride, bh, CUBLAS_COMPUTE_32F,
                                                       CUBLAS_GEMM_DEFAULT);
        if (st != CUBLAS_STATUS_SUCCESS) return cublas_error(st);
        if (type == DataType::f16) {
          softmax_rows<<<static_cast<unsigned>(bh) * seq, 256>>>(static_cast<const float*>(s.get()),
                                                                  static_cast<__half*>(prob.get()), seq, scale, causal);
        } else {
          softmax_rows<<<static_cast<unsigned>(bh) * seq, 256>>>(static_cast<const float*>(s.get()),
                                                                  static_cast<__nv_bfloat16*>(prob.get()), seq, scale,
                                                                  causal);
        }
        if (cudaError_t e = cudaGetLastError(); e != cudaSuccess) return cuda_error(e);
        // Row-major O = P V is column-major O^T = V^T P^T.
        st = cublasGemmStridedBatchedEx(blas, CUBLAS_OP_N, CUBLAS_OP_N, dim, seq, seq, &one, v.get(), t, dim,
                                        qkv_stride, prob.get(), t, seq, s_stride, &zero, o.get(), t, dim, qkv_stride,
                                        bh, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
        return st == CUBLAS_STATUS_SUCCESS ? std::string() : cublas_error(st);
      });
    }
  }
  const double flop = 4.0 * bh * static_cast<double>(seq) * seq * dim * (causal ? 0.5 : 1.0);
  std::printf("  %-4s b%-3d h%-3d s%-5d d%-3d %-6s %9s      %9s     %5s\n", type_name(type), batch, heads, seq, dim,
              causal ? "causal" : "full", figure(ours, flop).c_str(), figure(theirs, flop).c_str(),
              ratio(ours, theirs).c_str());
  out.error("CudaEnv's attention", ours);
  out.error("cuBLAS + softmax", theirs);
  char line[256];
  std::snprintf(line, sizeof line, "attention\t%s\t%d\t%d\t%d\t%d\t%d\t%s\t%s\t%s\t%s", type_name(type), batch, heads,
                seq, dim, causal ? 1 : 0, ms_text(ours).c_str(), ms_text(theirs).c_str(), figure(ours, flop).c_str(),
                figure(theirs, flop).c_str());
  out.line(line);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines reach a log even if a time limit kills the run
  std::string tsv_path, variant;
  bool quick = false, sweep_only = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if ((arg == "--tsv" || arg == "--variant") && i + 1 < argc) {
      (arg == "--tsv" ? tsv_path : variant) = argv[++i];
    } else if (arg == "--quick") {
      quick = true;
    } else if (arg == "--sweep") {
      sweep_only = true;
    } else {
      std::fprintf(stderr, "cudaenv_kernels_throughput: unknown argument '%s'; accepted: --tsv <file>, "
                   "--variant <tag>, --quick, --sweep\n", arg.c_str());
      return 2;
    }
  }
  int devices = 0;
  if (cudaGetDeviceCount(&devices) != cudaSuccess || devices == 0) {
    std::printf("no usable CUDA device: nothing to measure (this benchmark needs a GPU)\n");
    return 77;
  }
  Output out;
  if (!tsv_path.empty() && (out.tsv = std::fopen(tsv_path.c_str(), "w")) == nullptr) {
    std::fprintf(stderr, "cudaenv_kernels_throughput: cannot write '%s'\n", tsv_path.c_str());
    return 2;
  }
  std::printf("%s", describe().c_str());
  if (!variant.empty()) std::printf("timing variant %s (forced)\n", variant.c_str());
  cublasHandle_t blas;
  if (cublasStatus_t s = cublasCreate(&blas); s != CUBLAS_STATUS_SUCCESS) {
    std::printf("cublasCreate failed (%s): no baseline to compare with\n", cublas_error(s).c_str());
    return 1;
  }

  const std::vector<GemmShape> gemm_shapes =
      quick ? std::vector<GemmShape>{{1024, 1024, 1024}, {16, 1024, 1024}}
            : std::vector<GemmShape>{{4096, 4096, 4096},       {8192, 8192, 8192}, {4096, 4096, 11008},
                                     {1024, 1024, 1024},       {16, 4096, 4096},   {64, 4096, 4096},
                                     {4095, 4097, 4099},       {4096, 4096, 4096, true}};
  if (sweep_only) {
    if (sweep::gemm_configs().empty()) {
      std::printf("no sweep configurations compiled in: configure with -DCUDAENV_KERNEL_SWEEP=ON\n");
      return 2;
    }
    gemm_sweep(blas, quick ? gemm_shapes : std::vector<GemmShape>{{4096, 4096, 4096}, {8192, 8192, 8192},
                                                                  {16, 4096, 4096}, {4096, 4096, 4096, true}},
               out);
    cublasDestroy(blas);
    if (out.tsv) std::fclose(out.tsv);
    return out.errors == 0 ? 0 : 1;
  }
  std::printf("\nGEMM, row-major A and C, fp32 out (m x n x k; Bt: B column-major)  CudaEnv TFLOP/s  cuBLAS TFLOP/s  "
              "CudaEnv/cuBLAS\n");
  for (DataType type : {DataType::f16, DataType::bf16}) {
    for (const auto& shape : gemm_shapes) gemm_row(blas, type, shape, variant, out);
  }
  const std::vector<int> seqs = quick ? std::vector<int>{512} : std::vector<int>{512, 1024, 2048, 4096, 8192};
  std::printf("\nAttention forward                     CudaEnv TFLOP/s  cuBLAS+softmax  CudaEnv/cuBLAS+softmax\n");
  for (DataType type : {DataType::f16, DataType::bf16}) {
    for (int dim : {64, 128}) {
      for (int seq : seqs) {
        for (bool causal : {false, true}) attention_row(blas, type, seq, dim, causal, variant, out);
      }
    }
  }
  cublasDestroy(blas);
  if (out.tsv) std::fclose(out.tsv);
  if (out.errors) std::printf("\n%d measurements failed (see the errors above)\n", out.errors);
  return out.errors == 0 ? 0 : 1;
}
