// CPU references: straightforward loops with fp64 accumulation, the yard
// stick the GPU tests compare against.
#include <cmath>
#include <limits>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"

namespace cudaenv::kernels {
namespace {

std::int64_t at(std::int64_t row, std::int64_t col, std::int64_t ld, Layout layout) {
  return layout == Layout::row_major ? row * ld + col : col * ld + row;
}

}  // namespace

void reference_gemm(std::int64_t m, std::int64_t n, std::int64_t k, float alpha, const float* a, std::int64_t lda,
                    Layout a_layout, const float* b, std::int64_t ldb, Layout b_layout, float beta, float* c,
                    std::int64_t ldc, Layout c_layout) {
  for (std::int64_t i = 0; i < m; ++i) {
    for (std::int64_t j = 0; j < n; ++j) {
      double sum = 0.0;
      for (std::int64_t p = 0; p < k; ++p) {
        sum += static_cast<double>(a[at(i, p, lda, a_layout)]) * static_cast<double>(b[at(p, j, ldb, b_layout)]);
      }
      float& out = c[at(i, j, ldc, c_layout)];
      // As the kernels: with beta == 0, C is not read.
      out = static_cast<float>(beta == 0.0f ? alpha * sum : alpha * sum + static_cast<double>(beta) * out);
    }
  }
}

void reference_attention(std::int64_t batch, std::int64_t heads, std::int64_t seq, std::int64_t head_dim,
                         const float* q, const float* k, const float* v, float* o, bool causal, float scale) {
  const double s = scale != 0.0f ? scale : 1.0 / std::sqrt(static_cast<double>(head_dim));
  std::vector<double> weights(static_cast<std::size_t>(seq));
  for (std::int64_t bh = 0; bh < batch * heads; ++bh) {
    const std::int64_t base = bh * seq * head_dim;
    for (std::int64_t i = 0; i < seq; ++i) {
      const std::int64_t keys = causal ? i + 1 : seq;
      double max_score = -std::numeric_limits<double>::infinity();
      for (std::int64_t j = 0; j < keys; ++j) {
        double dot = 0.0;
        for (std::int64_t d = 0; d < head_dim; ++d) {
          dot += static_cast<double>(q[base + i * head_dim + d]) * static_cast<double>(k[base + j * head_dim + d]);
        }
        weights[static_cast<std::size_t>(j)] = dot * s;
        max_score = std::max(max_score, dot * s);
      }
      double total = 0.0;
      for (std::int64_t j = 0; j < keys; ++j) {
        auto& w = weights[static_cast<std::size_t>(j)];
        w = std::exp(w - max_score);
        total += w;
      }
      for (std::int64_t d = 0; d < head_dim; ++d) {
        double sum = 0.0;
        for (std::int64_t j = 0; j < keys; ++j) {
          sum += weights[static_cast<std::size_t>(j)] * static_cast<double>(v[base + j * head_dim + d]);
        }
        o[base + i * head_dim + d] = static_cast<float>(sum / total);
      }
    }
  }
}

}  // namespace cudaenv::kernels
