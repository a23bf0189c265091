// The kernel library without a GPU: CPU references on hand-computed cases,
// argument checks and their messages, the dispatch rule on fake devices,
// and the built registry against the facts (shared memory limits).
#include <catch2/catch_test_macros.hpp>
#include <catch2/matchers/catch_matchers_floating_point.hpp>
#include <catch2/matchers/catch_matchers_string.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <string>
#include <vector>

#include "cudaenv/facts.hpp"
#include "cudaenv/kernels/kernels.hpp"
#include "dispatch.hpp"
#include "variant_table.hpp"

using namespace cudaenv::kernels;
using Catch::Matchers::ContainsSubstring;
using Catch::Matchers::WithinAbs;
namespace reg = cudaenv::kernel_registry;

TEST_CASE("reference GEMM on a hand-computed 2x3x2 case, both layouts") {
  // A = [1 2 3; 4 5 6], B = [7 8; 9 10; 11 12], A*B = [58 64; 139 154].
  const std::vector<float> a_row{1, 2, 3, 4, 5, 6}, b_row{7, 8, 9, 10, 11, 12};
  const std::vector<float> a_col{1, 4, 2, 5, 3, 6}, b_col{7, 9, 11, 8, 10, 12};
  std::vector<float> c{1, 1, 1, 1};
  reference_gemm(2, 2, 3, 1.0f, a_row.data(), 3, Layout::row_major, b_row.data(), 2, Layout::row_major, 0.0f,
                 c.data(), 2, Layout::row_major);
  CHECK(c == std::vector<float>{58, 64, 139, 154});
  // alpha 2, beta 1 on top; column-major inputs and output.
  std::vector<float> c_col{1, 1, 1, 1};
  reference_gemm(2, 2, 3, 2.0f, a_col.data(), 2, Layout::col_major, b_col.data(), 3, Layout::col_major, 1.0f,
                 c_col.data(), 2, Layout::col_major);
  CHECK(c_col == std::vector<float>{117, 279, 129, 309});
}

TEST_CASE("reference GEMM with beta 0 never reads C") {
  const std::vector<float> a{1}, b{2};
  std::vector<float> c{std::nanf("")};
  reference_gemm(1, 1, 1, 1.0f, a.data(), 1, Layout::row_major, b.data(), 1, Layout::row_major, 0.0f, c.data(), 1,
                 Layout::row_major);
  CHECK(c[0] == 2.0f);
}

TEST_CASE("reference attention on hand-computed cases") {
  // One query, two keys, head_dim 1, scale 1: scores 0 and ln 3 give
  // weights 1/4 and 3/4, so O = 0.25 * 2 + 0.75 * 6 = 5.
  const std::vector<float> q{1, 1}, k{0, static_cast<float>(std::log(3.0))}, v{2, 6};
  std::vector<float> o(2);
  reference_attention(1, 1, 2, 1, q.data(), k.data(), v.data(), o.data(), false, 1.0f);
  CHECK_THAT(o[0], WithinAbs(5.0, 1e-6));
  CHECK_THAT(o[1], WithinAbs(5.0, 1e-6));
  // Causal: the first query sees only the first key.
  reference_attention(1, 1, 2, 1, q.data(), k.data(), v.data(), o.data(), true, 1.0f);
  CHECK_THAT(o[0], WithinAbs(2.0, 1e-6));
  CHECK_THAT(o[1], WithinAbs(5.0, 1e-6));
  // Equal scores (with the default scale) average the values.
  const std::vector<float> q4(8, 1.0f), k4(8, 0.5f), v4{1, 2, 3, 4, 5, 6, 7, 8};
  std::vector<float> o4(8);
  reference_attention(1, 1, 2, 4, q4.data(), k4.data(), v4.data(), o4.data(), false, 0.0f);
  CHECK(o4[0] == 3.0f);
  CHECK(o4[3] == 6.0f);
}

namespace {

alignas(16) std::uint16_t halves[64];
alignas(16) float floats[64];

GemmProblem good_gemm() {
  GemmProblem p;
  p.m = 4, p.n = 4, p.k = 4;
  p.a = halves, p.lda = 4;
  p.b = halves, p.ldb = 4;
  p.c = floats, p.ldc = 4;
  return p;
}

AttentionProblem good_attention() {
  AttentionProblem p;
  p.batch = 1, p.heads = 1, p.seq = 1, p.head_dim = 64;
  p.q = p.k = p.v = p.o = halves;
  p.batch_stride = p.head_stride = 64, p.seq_stride = 64;
  return p;
}

std::string gemm_error(GemmProblem p) { return validate(p).message; }
std::string attention_error(AttentionProblem p) { return validate(p).message; }

}  // namespace

TEST_CASE("GEMM arguments are checked before anything runs") {
  CHECK(validate(good_gemm()).ok());
  auto p = good_gemm();
  p.k = 0;
  CHECK(validate(p).code == Status::Code::invalid_argument);
  CHECK_THAT(gemm_error(p), ContainsSubstring("m, n and k must be at least 1 (got m=4, n=4, k=0)"));
  p = good_gemm();
  p.m = -3;
  CHECK_THAT(gemm_error(p), ContainsSubstring("m=-3"));
  p = good_gemm();
  p.b = nullptr;
  CHECK_THAT(gemm_error(p), ContainsSubstring("gemm: b is null; pass a device pointer"));
  p = good_gemm();
  p.a = reinterpret_cast<const char*>(halves) + 1;
  CHECK_THAT(gemm_error(p), ContainsSubstring("is not aligned to its 2-byte elements"));
  p = good_gemm();
  p.c = reinterpret_cast<float*>(reinterpret_cast<char*>(floats) + 2);
  CHECK_THAT(gemm_error(p), ContainsSubstring("c (") );
  p = good_gemm();
  p.lda = 3;
  CHECK_THAT(gemm_error(p), ContainsSubstring("lda=3 is smaller than 4, the row length of the row-major 4x4 matrix A; "
                                              "pass lda >= 4"));
  p = good_gemm();
  p.m = 10, p.a_layout = Layout::col_major;
  CHECK_THAT(gemm_error(p), ContainsSubstring("lda=4 is smaller than 10, the column length"));
  p = good_gemm();
  p.ldb = INT64_MAX / 2;
  CHECK_THAT(gemm_error(p), ContainsSubstring("more elements than a 64-bit index holds"));
  p = good_gemm();
  p.m = 65535LL * 64 + 1, p.lda = 4, p.c_layout = Layout::row_major;
  CHECK_THAT(gemm_error(p), ContainsSubstring("more rows than one launch covers"));
}

TEST_CASE("attention arguments are checked before anything runs") {
  CHECK(validate(good_attention()).ok());
  auto p = good_attention();
  p.head_dim = 96;
  CHECK_THAT(attention_error(p), ContainsSubstring("head_dim=96 is not supported; accepted: 64, 128"));
  p = good_attention();
  p.seq = 0;
  CHECK_THAT(attention_error(p), ContainsSubstring("seq must be at least 1"));
  p = good_attention();
  p.o = nullptr;
  CHECK_THAT(attention_error(p), ContainsSubstring("o is null"));
  p = good_attention();
  p.seq_stride = 32;
  CHECK_THAT(attention_error(p), ContainsSubstring("seq_stride >= head_dim (64)"));
  p = good_attention();
  p.heads = 70000;
  CHECK_THAT(attention_error(p), ContainsSubstring("at most 65535"));
  p = good_attention();
  p.seq = 3, p.seq_stride = INT64_MAX / 2;
  CHECK_THAT(attention_error(p), ContainsSubstring("64-bit index"));
  p = good_attention();
  p.v = reinterpret_cast<const char*>(halves) + 1;
  CHECK_THAT(attention_error(p), ContainsSubstring("v ("));
}

namespace {

// A fake build: SIMT for 7.5 and 8.6 (runs on 8.6 and 8.9 too), tensor
// cores for 8.6 and 9.0 plus the PTX of 9.0, a Hopper-only 90a variant.
const int runs_75[] = {75}, runs_86[] = {86, 89}, runs_90[] = {90}, runs_90a[] = {90};
const reg::Image simt_images[] = {{reg::CodeKind::Sass, "75", 75, runs_75, 1},
                                  {reg::CodeKind::Sass, "86", 86, runs_86, 2}};
const reg::Image tc_images[] = {{reg::CodeKind::Sass, "86", 86, runs_86, 2},
                                {reg::CodeKind::Sass, "90", 90, runs_90, 1},
                                {reg::CodeKind::Ptx, "compute_90", 90, nullptr, 0}};
const reg::Image hopper_images[] = {{reg::CodeKind::ArchSpecific, "90a", 90, runs_90a, 1}};
const reg::Variant fake_variants[] = {{"simt", simt_images, 2, nullptr},
                                      {"tensorcore", tc_images, 3, nullptr},
                                      {"hopper", hopper_images, 1, nullptr}};
const reg::Registry fake{"fake", fake_variants, 3};

std::string chosen(int capability) {
  const auto choice = reg::choose(fake, capability);
  return choice ? std::string(choice.variant->tag) + " " + choice.image->name : "none";
}

}  // namespace

TEST_CASE("dispatch on a table of fake devices") {
  CHECK(chosen(70) == "none");
  CHECK(chosen(75) == "simt 75");
  CHECK(chosen(80) == "none");  // 8.0 selected by nobody; 8.6 SASS does not run on 8.0
  CHECK(chosen(86) == "tensorcore 86");
  CHECK(chosen(87) == "none");  // Tegra: desktop SASS never runs there, PTX is 9.0
  CHECK(chosen(89) == "tensorcore 86");
  CHECK(chosen(90) == "hopper 90a");  // arch-specific first
  CHECK(chosen(100) == "tensorcore compute_90");
  CHECK(chosen(103) == "tensorcore compute_90");
  CHECK(chosen(120) == "tensorcore compute_90");
  CHECK(chosen(121) == "tensorcore compute_90");
  CHECK(chosen(130) == "tensorcore compute_90");  // a future GPU: PTX JIT
  // A variant rejected by the caller (shape limits) falls back to the next best.
  const auto without_hopper =
      reg::choose(fake, 90, [](const reg::Variant& v) { return std::string(v.tag) != "hopper"; });
  CHECK(std::string(without_hopper.variant->tag) == "tensorcore");
  CHECK(reg::built_code(fake) == "simt: 75 86; tensorcore: 86 90 compute_90; hopper: 90a");
  CHECK_THAT(detail::no_kernel_message(fake, 80, "device 0 (A100, capability 8.0)"),
             ContainsSubstring("device 0 (A100, capability 8.0) has no kernel in fake: it was built for simt: 75 86; "
                               "tensorcore: 86 90 compute_90; hopper: 90a. Rebuild with capability 8.0 selected"));
}

TEST_CASE("the built registry: every image is chosen where it runs, and fits its GPU's shared memory") {
  const auto& registry = detail::registry();
  REQUIRE(registry.variant_count > 0);
  const auto& facts = cudaenv::Facts::embedded();
  int ptx_images = 0;
  for (std::size_t v = 0; v < registry.variant_count; ++v) {
    const auto& variant = registry.variants[v];
    const auto* table = static_cast<const detail::VariantTable*>(variant.entry());
    REQUIRE(table != nullptr);
    for (std::size_t i = 0; i < variant.image_count; ++i) {
      const auto& image = variant.images[i];
      if (image.kind == reg::CodeKind::Ptx) {
        ++ptx_images;
        continue;
      }
      INFO(variant.tag << " " << image.name);
      CHECK(reg::choose(registry, image.number));
      const std::string cap = std::to_string(image.number / 10) + "." + std::to_string(image.number % 10);
      const auto* fact = facts.capability(cap);
      REQUIRE(fact != nullptr);
      if (!fact->max_shared_per_block_kb) continue;  // not confirmed in cuda.json
      for (const auto& shape : table->shapes()) {
        INFO(shape.name << " needs " << shape.dynamic_shared_bytes << " B on " << cap);
        CHECK(shape.dynamic_shared_bytes <= *fact->max_shared_per_block_kb * 1024);
      }
    }
  }
  CHECK(ptx_images == 1);  // exactly one PTX per library
}

TEST_CASE("a variant that needs more shared memory than the GPU gives is passed over") {
  const auto& registry = detail::registry();
  int largest = 0;
  for (std::size_t v = 0; v < registry.variant_count; ++v) {
    const auto* table = static_cast<const detail::VariantTable*>(registry.variants[v].entry());
    for (const auto& shape : table->shapes()) {
      largest = std::max(largest, shape.dynamic_shared_bytes);
    }
  }
  for (std::size_t v = 0; v < registry.variant_count; ++v) {
    const auto* table = static_cast<const detail::VariantTable*>(registry.variants[v].entry());
    INFO(registry.variants[v].tag);
    CHECK(detail::fits_shared_memory(*table, largest));
  }
  if (largest > 0) {
    // Some variant needs dynamic shared memory; on a GPU with less, it is not chosen.
    for (std::size_t v = 0; v < registry.variant_count; ++v) {
      const auto* table = static_cast<const detail::VariantTable*>(registry.variants[v].entry());
      if (!detail::fits_shared_memory(*table, largest - 1)) {
        const auto& image = registry.variants[v].images[0];
        const auto choice = reg::choose(registry, image.number, [&](const reg::Variant& candidate) {
          return detail::fits_shared_memory(*static_cast<const detail::VariantTable*>(candidate.entry()), largest - 1);
        });
        CHECK((!choice || choice.variant != &registry.variants[v]));
      }
    }
  }
}

TEST_CASE("the variants that run on a device, best first, as the dispatcher ranks them") {
  const detail::AcceptVariant all = [](const reg::Variant&) { return true; };
  CHECK(detail::runnable_variants(fake, 90, all) == std::vector<std::string>{"hopper", "tensorcore"});
  CHECK(detail::runnable_variants(fake, 89, all) == std::vector<std::string>{"tensorcore", "simt"});
  CHECK(detail::runnable_variants(fake, 130, all) == std::vector<std::string>{"tensorcore"});  // PTX
  CHECK(detail::runnable_variants(fake, 80, all).empty());
  const detail::AcceptVariant no_tensorcore = [](const reg::Variant& v) { return std::string(v.tag) != "tensorcore"; };
  CHECK(detail::runnable_variants(fake, 89, no_tensorcore) == std::vector<std::string>{"simt"});
}

TEST_CASE("a variant named by a test or benchmark runs where it can, else the reason is given") {
  const detail::AcceptVariant all = [](const reg::Variant&) { return true; };
  const std::string device = "device 0 (H100, capability 9.0)";
  std::string error;
  // Forced where the dispatcher would pick another: SIMT on a tensor-core GPU.
  auto choice = detail::choose_named(fake, "simt", 89, all, "device 0 (L4, capability 8.9)", error);
  REQUIRE(choice);
  CHECK(std::string(choice.variant->tag) == "simt");
  CHECK(std::string(choice.image->name) == "86");
  choice = detail::choose_named(fake, "tensorcore", 100, all, "device 0 (B200, capability 10.0)", error);
  REQUIRE(choice);
  CHECK(std::string(choice.image->name) == "compute_90");

  CHECK_FALSE(detail::choose_named(fake, "simt", 90, all, device, error));
  CHECK(error == "variant 'simt' cannot run on device 0 (H100, capability 9.0): this build has no code for it that "
                 "runs there (simt: 75 86; tensorcore: 86 90 compute_90; hopper: 90a); variants that run there: "
                 "hopper, tensorcore");
  CHECK_FALSE(detail::choose_named(fake, "wgmma", 90, all, device, error));
  CHECK(error == "variant 'wgmma' is not in this build of fake (it holds simt: 75 86; tensorcore: 86 90 compute_90; "
                 "hopper: 90a); name one of those, or none for the dispatcher's choice");
  const detail::AcceptVariant small_gpu = [](const reg::Variant& v) { return std::string(v.tag) == "simt"; };
  CHECK_FALSE(detail::choose_named(fake, "tensorcore", 89, small_gpu, "device 0 (L4, capability 8.9)", error));
  CHECK(error == "variant 'tensorcore' cannot run on device 0 (L4, capability 8.9): its kernels need more shared "
                 "memory than the GPU gives a block; variants that run there: simt");
  CHECK_FALSE(detail::choose_named(fake, "simt", 80, all, "device 0 (A100, capability 8.0)", error));
  CHECK_THAT(error, ContainsSubstring("variants that run there: none"));
}

TEST_CASE("without a device, a named variant reports the missing device, not the name") {
  alignas(16) static std::uint16_t data[64];
  alignas(16) static float out[64];
  GemmProblem p;
  p.m = p.n = p.k = 4, p.a = data, p.b = data, p.c = out, p.lda = p.ldb = p.ldc = 4;
  const Status status = gemm(p, nullptr, "simt");
  CHECK(status.code == Status::Code::no_device);
  CHECK(device_variants().empty());
}
