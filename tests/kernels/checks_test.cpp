// The GPU checks (kernel_checks.cpp) judged without a GPU: a host model of
// the kernels, which reads and writes memory the way they do (pointers,
// leading dimensions, strides, layouts), passes every case; the same model
// with one fault put in on purpose fails at least one case, with the symptom
// that fault must show. So each check can fail, and does when it should.
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "kernel_checks.hpp"

using namespace cudaenv::kernels;
using Catch::Matchers::ContainsSubstring;

namespace {

enum class Fault {
  none,
  reads_c_when_beta_is_0,   // the beta == 0 branch skipped
  reads_past_k,             // the K edge check loosened to whole chunks of 8
  writes_past_m,            // the M edge check loosened on the store
  softmax_without_max,      // no running-max subtraction
  reads_keys_past_seq,      // the key edge check loosened to whole tiles of 32
  causal_off_by_one,        // query i sees key i + 1
  ignores_explicit_scale,   // 1/sqrt(head_dim) always
};

std::int64_t round_up(std::int64_t x, std::int64_t to) { return (x + to - 1) / to * to; }

class HostModel : public checks::Backend {
 public:
  explicit HostModel(Fault fault) : fault_(fault) {}

  Status allocate(void** pointer, std::size_t bytes) override {
    *pointer = std::malloc(bytes);
    return *pointer ? Status{} : Status{Status::Code::launch_failed, "out of host memory"};
  }
  Status upload(void* to, const void* from, std::size_t bytes) override {
    std::memcpy(to, from, bytes);
    return {};
  }
  Status download(void* to, const void* from, std::size_t bytes) override {
    std::memcpy(to, from, bytes);
    return {};
  }
  void release(void* pointer) override { std::free(pointer); }

  Status run_gemm(const GemmProblem& p, const std::string&) override {
    if (Status s = validate(p); !s.ok()) return s;
    const auto* a = static_cast<const std::uint16_t*>(p.a);
    const auto* b = static_cast<const std::uint16_t*>(p.b);
    const auto at = checks::element_index;
    const std::int64_t k_end = fault_ == Fault::reads_past_k ? round_up(p.k, 8) : p.k;
    const std::int64_t m_end = fault_ == Fault::writes_past_m ? round_up(p.m, 8) : p.m;
    for (std::int64_t i = 0; i < m_end; ++i) {
      for (std::int64_t j = 0; j < p.n; ++j) {
        float acc = 0.0f;
        for (std::int64_t q = 0; q < k_end; ++q) {
          acc += checks::from_bits(a[at(i, q, p.lda, p.a_layout)], p.type) *
                 checks::from_bits(b[at(q, j, p.ldb, p.b_layout)], p.type);
        }
        float& c = p.c[at(i, j, p.ldc, p.c_layout)];
        const bool read_c = p.beta != 0.0f || fault_ == Fault::reads_c_when_beta_is_0;
        c = read_c ? p.alpha * acc + p.beta * c : p.alpha * acc;
      }
    }
    return {};
  }

  Status run_attention(const AttentionProblem& p, const std::string&) override {
    if (Status s = validate(p); !s.ok()) return s;
    const auto* q = static_cast<const std::uint16_t*>(p.q);
    const auto* k = static_cast<const std::uint16_t*>(p.k);
    const auto* v = static_cast<const std::uint16_t*>(p.v);
    auto* o = static_cast<std::uint16_t*>(p.o);
    const bool explicit_scale = p.scale != 0.0f && fault_ != Fault::ignores_explicit_scale;
    const float scale = explicit_scale ? p.scale : 1.0f / std::sqrt(static_cast<float>(p.head_dim));
    const std::int64_t key_limit = fault_ == Fault::reads_keys_past_seq ? round_up(p.seq, 32) : p.seq;
    std::vector<float> weights(static_cast<std::size_t>(key_limit));
    for (std::int64_t bi = 0; bi < p.batch; ++bi) {
      for (std::int64_t hi = 0; hi < p.heads; ++hi) {
        const std::int64_t base = bi * p.batch_stride + hi * p.head_stride;
        for (std::int64_t row = 0; row < p.seq; ++row) {
          std::int64_t keys = key_limit;
          if (p.causal) keys = std::min(keys, row + (fault_ == Fault::causal_off_by_one ? 2 : 1));
          float max = -std::numeric_limits<float>::infinity();
          for (std::int64_t key = 0; key < keys; ++key) {
            float dot = 0.0f;
            for (std::int64_t d = 0; d < p.head_dim; ++d) {
              dot += checks::from_bits(q[base + row * p.seq_stride + d], p.type) *
                     checks::from_bits(k[base + key * p.seq_stride + d], p.type);
            }
            weights[static_cast<std::size_t>(key)] = dot * scale;
            max = std::max(max, dot * scale);
          }
          if (fault_ == Fault::softmax_without_max) max = 0.0f;
          float total = 0.0f;
          for (std::int64_t key = 0; key < keys; ++key) {
            auto& w = weights[static_cast<std::size_t>(key)];
            w = std::exp(w - max);
            total += w;
          }
          for (std::int64_t d = 0; d < p.head_dim; ++d) {
            float sum = 0.0f;
            for (std::int64_t key = 0; key < keys; ++key) {
              sum += weights[static_cast<std::size_t>(key)] *
                     checks::from_bits(v[base + key * p.seq_stride + d], p.type);
            }
            o[base + row * p.seq_stride + d] = checks::to_bits(sum / total, p.type);
          }
        }
      }
    }
    return {};
  }

 private:
  Fault fault_;
};

std::vector<checks::Result> run_all(Fault fault) {
  HostModel model(fault);
  checks::Options options;
  options.stop_at_first_failure = fault != Fault::none;
  auto results = checks::run_gemm_cases(model, options);
  if (options.stop_at_first_failure && !results.back().passed) return results;
  for (auto& result : checks::run_attention_cases(model, options)) results.push_back(result);
  return results;
}

// The first failed case, as "<name>: <detail>", or "" when all passed.
std::string first_failure(const std::vector<checks::Result>& results) {
  for (const auto& result : results) {
    if (!result.passed) return result.name + ": " + result.detail;
  }
  return "";
}

}  // namespace

TEST_CASE("the host model passes every GPU case, so the checks do not fail correct kernels") {
  const auto results = run_all(Fault::none);
  CHECK(results.size() > 100);
  CHECK(first_failure(results) == "");
}

TEST_CASE("each fault put in the host model fails a case, with that fault's symptom") {
  struct Expected {
    Fault fault;
    const char* what;
    std::vector<const char*> symptoms;  // in the first failure's "<case>: <detail>"
  };
  const auto expected = GENERATE(values<Expected>({
      {Fault::reads_c_when_beta_is_0, "GEMM reads C when beta is 0 (C starts as NaN)", {"beta 0:", "is nan"}},
      {Fault::reads_past_k, "GEMM reads past K (gaps and guards are NaN)", {"gemm", "is nan"}},
      {Fault::writes_past_m, "GEMM writes past M (guards compared bit for bit)", {"wrote outside C"}},
      // The cases before it pass: only logits past fp32's exp() range catch it.
      {Fault::softmax_without_max, "attention without the running max", {"large explicit scale", "is nan"}},
      // Past one head's last key lie the next head's rows, or the NaN guard.
      {Fault::reads_keys_past_seq, "attention reads keys past seq", {"attention", "the reference"}},
      {Fault::causal_off_by_one, "attention's causal mask one key wide", {"causal", "the reference"}},
      {Fault::ignores_explicit_scale, "attention ignores an explicit scale", {"explicit scale"}},
  }));
  INFO("fault: " << expected.what);
  const auto failure = first_failure(run_all(expected.fault));
  for (const char* symptom : expected.symptoms) CHECK_THAT(failure, ContainsSubstring(symptom));
}
