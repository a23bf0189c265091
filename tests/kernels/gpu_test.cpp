// The kernels on a GPU against the CPU references (kernel_checks.cpp: NaN
// guards and gaps, C poisoned when beta is 0, edges, strides, misaligned
// pointers, large logits), each variant the device can run forced in turn,
// and the dispatcher's own choice checked. Without a usable GPU it exits 77,
// which CTest reports as SKIPPED.
//
// Usage: cudaenv_kernels_gpu_tests [--small] [--variant <tag>] [--report <file.tsv>]
//   --small    only the few small cases (for compute-sanitizer)
//   --variant  only that variant (default: every variant that runs here)
//   --report   one line per case: variant, case, ok|FAIL, error norm, detail
#include <cuda_runtime.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"
#include "kernel_checks.hpp"

using namespace cudaenv::kernels;

namespace {

Status cuda_status(cudaError_t error, const char* what) {
  if (error == cudaSuccess) return {};
  return Status{Status::Code::launch_failed, std::string(what) + ": " + cudaGetErrorString(error)};
}

// Device memory and the library's kernels; every run waits for the GPU, so
// a fault in a kernel is reported by the case that caused it. After a fault
// the context is lost: every later call reports that first error.
class GpuBackend : public checks::Backend {
 public:
  Status allocate(void** pointer, std::size_t bytes) override {
    if (!broken_.ok()) return broken_;
    return note(cuda_status(cudaMalloc(pointer, bytes), "cudaMalloc"));
  }
  Status upload(void* to, const void* from, std::size_t bytes) override {
    if (!broken_.ok()) return broken_;
    return note(cuda_status(cudaMemcpy(to, from, bytes, cudaMemcpyHostToDevice), "cudaMemcpy to the GPU"));
  }
  Status download(void* to, const void* from, std::size_t bytes) override {
    if (!broken_.ok()) return broken_;
    return note(cuda_status(cudaMemcpy(to, from, bytes, cudaMemcpyDeviceToHost), "cudaMemcpy from the GPU"));
  }
  void release(void* pointer) override { cudaFree(pointer); }
  Status run_gemm(const GemmProblem& problem, const std::string& variant) override {
    if (!broken_.ok()) return broken_;
    if (Status s = gemm(problem, nullptr, variant); !s.ok()) return s;
    return note(cuda_status(cudaDeviceSynchronize(), "the GEMM kernel failed"));
  }
  Status run_attention(const AttentionProblem& problem, const std::string& variant) override {
    if (!broken_.ok()) return broken_;
    if (Status s = attention_forward(problem, nullptr, variant); !s.ok()) return s;
    return note(cuda_status(cudaDeviceSynchronize(), "the attention kernel failed"));
  }

 private:
  // Errors that leave the context unusable (an illegal address, a trap).
  Status note(Status status) {
    if (status.ok()) return status;
    cudaGetLastError();  // a non-sticky error must not be reported again by the next launch
    if (cudaDeviceSynchronize() != cudaSuccess) {
      broken_ = Status{status.code, status.message + " (the CUDA context is lost; later cases cannot run)"};
    }
    return status;
  }
  Status broken_;
};

// What the dispatcher should choose, stated independently of its rule: the
// tensor-core variant wherever it runs (8.0 and newer, if built), else SIMT.
std::string expected_choice(int capability, const std::vector<std::string>& runnable) {
  for (const char* tag : {"tensorcore", "simt"}) {
    if (std::strcmp(tag, "tensorcore") == 0 && capability < 80) continue;
    for (const auto& candidate : runnable) {
      if (candidate == tag) return tag;
    }
  }
  return "none";
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines reach a log even if a time limit kills the run
  checks::Options options;
  std::string only_variant, report_path;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--small") {
      options.small_only = true;
    } else if ((arg == "--variant" || arg == "--report") && i + 1 < argc) {
      (arg == "--variant" ? only_variant : report_path) = argv[++i];
    } else {
      std::fprintf(stderr, "cudaenv_kernels_gpu_tests: unknown argument '%s'; accepted: --small, --variant <tag>, "
                   "--report <file>\n", arg.c_str());
      return 2;
    }
  }
  int devices = 0;
  const cudaError_t error = cudaGetDeviceCount(&devices);
  if (error != cudaSuccess || devices == 0) {
    std::printf("SKIPPED: no usable CUDA device (%s)\n", error != cudaSuccess ? cudaGetErrorString(error) : "none");
    return 77;
  }
  std::printf("%s", describe().c_str());
  int failures = 0;

  // The dispatcher's choice, against the rule stated above.
  int major = 0, minor = 0;
  cudaDeviceGetAttribute(&major, cudaDevAttrComputeCapabilityMajor, 0);
  cudaDeviceGetAttribute(&minor, cudaDevAttrComputeCapabilityMinor, 0);
  const auto runnable = device_variants();
  const std::string chosen = runnable.empty() ? "none" : runnable.front();
  const std::string expected = expected_choice(major * 10 + minor, runnable);
  std::printf("%s dispatcher: chooses %s on capability %d.%d (expected %s)\n", chosen == expected ? "ok  " : "FAIL",
              chosen.c_str(), major, minor, expected.c_str());
  failures += chosen == expected ? 0 : 1;

  std::FILE* report = report_path.empty() ? nullptr : std::fopen(report_path.c_str(), "w");
  if (!report_path.empty() && report == nullptr) {
    std::fprintf(stderr, "cudaenv_kernels_gpu_tests: cannot write the report '%s'\n", report_path.c_str());
    return 2;
  }
  if (report) std::fprintf(report, "dispatch\t%s\texpected %s\t%s\t0\t\n", chosen.c_str(), expected.c_str(),
                           chosen == expected ? "ok" : "FAIL");

  // Every case on every variant: the ones the dispatcher passes over here
  // (SIMT on a tensor-core GPU) included.
  std::vector<std::string> variants = runnable;
  if (!only_variant.empty()) variants = {only_variant};
  GpuBackend backend;
  for (const auto& variant : variants) {
    options.variant = variant;
    int passed = 0, failed = 0;
    double worst = 0.0;
    for (auto* run : {&checks::run_gemm_cases, &checks::run_attention_cases}) {
      for (const auto& result : run(backend, options)) {
        if (result.passed) {
          ++passed;
          worst = std::max(worst, result.error);
        } else {
          ++failed;
          std::printf("FAIL [%s] %s\n     %s\n", variant.c_str(), result.name.c_str(), result.detail.c_str());
        }
        if (report) {
          std::fprintf(report, "case\t%s\t%s\t%s\t%.3g\t%s\n", variant.c_str(), result.name.c_str(),
                       result.passed ? "ok" : "FAIL", result.error, result.detail.c_str());
          std::fflush(report);
        }
      }
    }
    std::printf("%s variant %s: %d cases passed, %d failed; largest relative error norm %.3g\n",
                failed == 0 ? "ok  " : "FAIL", variant.c_str(), passed, failed, worst);
    failures += failed;
  }
  if (report) std::fclose(report);
  std::printf("%s\n", failures == 0 ? "all passed" : "FAILED");
  return failures == 0 ? 0 : 1;
}
