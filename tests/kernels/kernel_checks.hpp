// The cases and checks that judge the kernel library, written once and run
// on any backend: the GPU (tests/kernels/gpu_test.cpp, scripts/gpu-check.sh)
// or a host model with faults put in on purpose, which shows that each check
// fails when the kernels are wrong (kernels.checks.* in tests/kernels).
//
// Every buffer is surrounded by NaN guards and every leading-dimension or
// stride gap is NaN too, so a kernel that reads past an edge gets NaN into
// its result, and one that writes past an edge changes a NaN the check
// compares bit for bit. C starts as NaN when beta is 0 (it must not be read).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"

namespace cudaenv::kernels::checks {

// Where the cases run. Every call reports failure as a Status; run_*() waits
// for the work to finish, so execution errors are reported there.
class Backend {
 public:
  virtual ~Backend() = default;
  virtual Status allocate(void** pointer, std::size_t bytes) = 0;
  virtual Status upload(void* to, const void* from, std::size_t bytes) = 0;
  virtual Status download(void* to, const void* from, std::size_t bytes) = 0;
  virtual void release(void* pointer) = 0;
  virtual Status run_gemm(const GemmProblem& problem, const std::string& variant) = 0;
  virtual Status run_attention(const AttentionProblem& problem, const std::string& variant) = 0;
};

struct Result {
  std::string name;    // what the case is, e.g. "gemm f16 67x136x40 A row B row C row: fast path, M and K edges"
  bool passed = false;
  double error = 0.0;  // ||got - reference|| / ||reference|| over the output
  std::string detail;  // why it failed
};

struct Options {
  std::string variant;                 // "" = the dispatcher's choice
  bool small_only = false;             // the few small fp16 cases compute-sanitizer runs
  bool stop_at_first_failure = false;  // for the host model's fault runs
};

std::vector<Result> run_gemm_cases(Backend& backend, const Options& options);
std::vector<Result> run_attention_cases(Backend& backend, const Options& options);

// The tolerances, FlashAttention-style: the relative error norm of the
// output, and each element within atol + rtol * |reference|.
struct Tolerance {
  double norm, atol, rtol;
};
Tolerance gemm_tolerance(std::int64_t k);
Tolerance attention_tolerance(DataType type);

// Where element (row, col) of a matrix with leading dimension ld lies.
std::int64_t element_index(std::int64_t row, std::int64_t col, std::int64_t ld, Layout layout);

// 16-bit floating-point values as the kernels read them.
std::uint16_t to_bits(float value, DataType type);
float from_bits(std::uint16_t bits, DataType type);

}  // namespace cudaenv::kernels::checks
