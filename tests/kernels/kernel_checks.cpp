// The kernel library's cases and checks; see kernel_checks.hpp.
#include "kernel_checks.hpp"

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>

namespace cudaenv::kernels::checks {

std::uint16_t to_bits(float value, DataType type) {
  return type == DataType::f16 ? __half_as_ushort(__float2half_rn(value))
                               : __bfloat16_as_ushort(__float2bfloat16_rn(value));
}

float from_bits(std::uint16_t bits, DataType type) {
  return type == DataType::f16 ? __half2float(__ushort_as_half(bits)) : __bfloat162float(__ushort_as_bfloat16(bits));
}

std::int64_t element_index(std::int64_t row, std::int64_t col, std::int64_t ld, Layout layout) {
  return layout == Layout::row_major ? row * ld + col : col * ld + row;
}

Tolerance gemm_tolerance(std::int64_t k) {
  // Exact 16-bit inputs, fp32 products and sums: the error grows with k.
  return {1e-5 * std::sqrt(static_cast<double>(k)) + 1e-5, 1e-4 * std::sqrt(static_cast<double>(k)), 1e-4};
}

Tolerance attention_tolerance(DataType type) {
  // The output (and the tensor-core variant's P) is rounded to 16 bits: a
  // few units of the type's rounding error (2^-11 fp16, 2^-8 bf16).
  return type == DataType::f16 ? Tolerance{2e-3, 2e-3, 2e-3} : Tolerance{1.6e-2, 2e-2, 2e-2};
}

namespace {

const char* type_name(DataType type) { return type == DataType::f16 ? "f16" : "bf16"; }
const char* layout_name(Layout layout) { return layout == Layout::row_major ? "row" : "col"; }

std::uint16_t nan_bits(DataType type) { return type == DataType::f16 ? 0x7E00 : 0x7FC0; }
float nan_float() {
  const std::uint32_t bits = 0x7FC00000u;
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

// A tensor in its allocation: NaN guards on both sides, the tensor at
// <start> (guard + a deliberate misalignment), its gaps NaN as well.
template <typename T>
struct Buffer {
  std::vector<T> host;      // what was uploaded
  std::vector<T> after;     // what came back
  std::vector<char> is_element;
  std::size_t start = 0;
  void* device = nullptr;

  Buffer(std::size_t span, std::size_t guard, std::size_t offset, T nan)
      : host(guard + offset + span + guard, nan), is_element(host.size(), 0), start(guard + offset) {}
  T& at(std::int64_t index) {
    is_element[start + static_cast<std::size_t>(index)] = 1;
    return host[start + static_cast<std::size_t>(index)];
  }
  T* pointer() const { return static_cast<T*>(device) + start; }
};

// Owns the backend allocations of one case.
class Session {
 public:
  explicit Session(Backend& backend) : backend_(backend) {}
  ~Session() {
    for (void* p : allocations_) backend_.release(p);
  }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  template <typename T>
  Status put(Buffer<T>& buffer) {
    const std::size_t bytes = buffer.host.size() * sizeof(T);
    if (Status s = backend_.allocate(&buffer.device, bytes); !s.ok()) return s;
    allocations_.push_back(buffer.device);
    return backend_.upload(buffer.device, buffer.host.data(), bytes);
  }
  template <typename T>
  Status get(Buffer<T>& buffer) {
    buffer.after.resize(buffer.host.size());
    return backend_.download(buffer.after.data(), buffer.device, buffer.host.size() * sizeof(T));
  }

 private:
  Backend& backend_;
  std::vector<void*> allocations_;
};

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }
bool same_bits(std::uint16_t a, std::uint16_t b) { return a == b; }

// An input buffer must come back unchanged, bit for bit.
template <typename T>
bool unchanged(const Buffer<T>& buffer, const char* name, Result& result) {
  for (std::size_t i = 0; i < buffer.host.size(); ++i) {
    if (!same_bits(buffer.host[i], buffer.after[i])) {
      result.detail = std::string("input ") + name + " was written (buffer element " + std::to_string(i) + ")";
      return false;
    }
  }
  return true;
}

// An output buffer: everything but its elements unchanged (no write past an
// edge or into a gap); each element finite and within the tolerance of the
// reference; the relative error norm within its bound.
template <typename T, typename Decode, typename Where>
bool output_matches(const Buffer<T>& buffer, const char* name, const std::vector<std::size_t>& positions,
                    const std::vector<double>& reference, Decode decode, Where where, const Tolerance& tolerance,
                    Result& result) {
  for (std::size_t i = 0; i < buffer.host.size(); ++i) {
    if (!buffer.is_element[i] && !same_bits(buffer.host[i], buffer.after[i])) {
      const bool before = i < buffer.start;
      result.detail = std::string("wrote outside ") + name + ": buffer element " + std::to_string(i) + " (" +
                      (before ? "before the first element" : "in a gap or past the last element") +
                      ") is no longer the NaN it was";
      return false;
    }
  }
  double diff = 0.0, norm = 0.0;
  for (std::size_t e = 0; e < positions.size(); ++e) {
    const double got = decode(buffer.after[positions[e]]);
    const double want = reference[e];
    char text[200];
    if (!std::isfinite(got)) {
      std::snprintf(text, sizeof text, "%s %s is %g, the reference %.6g (a read past an edge, of a gap or of C with "
                    "beta 0, or an overflow)", name, where(e).c_str(), got, want);
      result.detail = text;
      return false;
    }
    const double error = std::fabs(got - want);
    if (!(error <= tolerance.atol + tolerance.rtol * std::fabs(want))) {
      std::snprintf(text, sizeof text, "%s %s is %.6g, the reference %.6g: off by %.3g, more than %.3g + %.3g * |ref|",
                    name, where(e).c_str(), got, want, error, tolerance.atol, tolerance.rtol);
      result.detail = text;
      return false;
    }
    diff += (got - want) * (got - want);
    norm += want * want;
  }
  result.error = norm > 0.0 ? std::sqrt(diff / norm) : std::sqrt(diff);
  if (!(result.error <= tolerance.norm)) {
    char text[120];
    std::snprintf(text, sizeof text, "relative error norm %.3g, more than %.3g", result.error, tolerance.norm);
    result.detail = text;
    return false;
  }
  return true;
}

bool failed(const Status& status, const char* what, Result& result) {
  if (status.ok()) return false;
  result.detail = std::string(what) + ": " + status.message;
  return true;
}

// ---------------------------------------------------------------- GEMM

struct GemmCase {
  const char* point;  // what the case is for
  std::int64_t m, n, k;
  Layout a_layout = Layout::row_major, b_layout = Layout::row_major, c_layout = Layout::row_major;
  std::int64_t lda = 0, ldb = 0, ldc = 0;  // 0: the minimum
  std::int64_t a_offset = 0, b_offset = 0;  // elements off 16-byte alignment
  float beta = 0.0f;
  bool small = false;
};

const Layout row = Layout::row_major, col = Layout::col_major;

const GemmCase gemm_cases[] = {
    {"A and B row-major", 128, 96, 64, row, row},
    {"A column-major", 128, 96, 64, col, row},
    {"B column-major", 128, 96, 64, row, col},
    {"A and B column-major", 128, 96, 64, col, col},
    {"one element", 1, 1, 1, row, row, row, 0, 0, 0, 0, 0, 0.0f, true},
    {"edges 15x17x127", 15, 17, 127, row, col, row, 0, 0, 20, 0, 0, 0.5f},
    {"edges 127x15x17, column-major C", 127, 15, 17, col, row, col},
    {"every edge, odd leading dimensions (element loads)", 67, 131, 45, row, row, row, 0, 0, 0, 0, 0, 0.25f, true},
    {"cp.async path at the M and K edges", 67, 136, 40, row, row, row, 0, 0, 0, 0, 0, 0.0f, true},
    {"cp.async path, K edge inside a chunk, ld larger than the minimum", 67, 136, 44, row, row, row, 48, 144, 140},
    {"A one element off 16-byte alignment", 64, 64, 64, row, row, row, 0, 0, 0, 1, 0},
    {"B one element off 16-byte alignment", 64, 72, 64, row, row, row, 0, 0, 0, 0, 1, 1.0f},
    {"column-major C, ldc larger than the minimum", 70, 50, 33, row, row, col, 0, 0, 80, 0, 0, 1.0f},
    {"beta 1, many K tiles", 256, 256, 512, row, col, row, 0, 0, 0, 0, 0, 1.0f},
    {"many tiles, cp.async path, ldb larger than the minimum", 200, 300, 520, row, row, row, 520, 304, 0},
    // The mma.sync pipeline's own paths.
    {"several 128x128 tiles and k steps, every edge, B column-major", 136, 264, 200, row, col, row, 200, 200, 0},
    {"A and B column-major on the copy path (run as C^T = B^T A^T)", 136, 72, 80, col, col, row, 0, 0, 0, 0, 0, 0.5f},
    {"A column-major on the copy path", 72, 136, 96, col, row, row},
    {"split-K: 16 rows, long K", 16, 256, 1024, row, col, row, 0, 0, 0, 0, 0, 0.0f, true},
    {"split-K with beta and column-major C, K edge inside a chunk", 40, 136, 523, row, row, col, 528, 0, 0, 0, 0, 0.5f},
};

std::int64_t min_ld(std::int64_t rows, std::int64_t cols, Layout layout) {
  return layout == Layout::row_major ? cols : rows;
}

std::size_t span(std::int64_t rows, std::int64_t cols, std::int64_t ld, Layout layout) {
  const std::int64_t outer = layout == Layout::row_major ? rows : cols;
  return static_cast<std::size_t>((outer - 1) * ld + min_ld(rows, cols, layout));
}

Result run_gemm_case(Backend& backend, const GemmCase& cs, DataType type, const std::string& variant,
                     std::mt19937& rng) {
  const std::int64_t lda = cs.lda ? cs.lda : min_ld(cs.m, cs.k, cs.a_layout);
  const std::int64_t ldb = cs.ldb ? cs.ldb : min_ld(cs.k, cs.n, cs.b_layout);
  const std::int64_t ldc = cs.ldc ? cs.ldc : min_ld(cs.m, cs.n, cs.c_layout);
  const float alpha = 1.5f;
  char name[256];
  std::snprintf(name, sizeof name, "gemm %s %lldx%lldx%lld A %s B %s C %s lda %lld ldb %lld ldc %lld beta %g: %s",
                type_name(type), static_cast<long long>(cs.m), static_cast<long long>(cs.n),
                static_cast<long long>(cs.k), layout_name(cs.a_layout), layout_name(cs.b_layout),
                layout_name(cs.c_layout), static_cast<long long>(lda), static_cast<long long>(ldb),
                static_cast<long long>(ldc), cs.beta, cs.point);
  Result result;
  result.name = name;

  // Guards wider than any 8-row or 8-column over-reach past the last element.
  const std::size_t guard = static_cast<std::size_t>(8 * std::max({lda, ldb, ldc}) + 64);
  Buffer<std::uint16_t> a(span(cs.m, cs.k, lda, cs.a_layout), guard, cs.a_offset, nan_bits(type));
  Buffer<std::uint16_t> b(span(cs.k, cs.n, ldb, cs.b_layout), guard, cs.b_offset, nan_bits(type));
  Buffer<float> c(span(cs.m, cs.n, ldc, cs.c_layout), guard, 0, nan_float());
  std::uniform_real_distribution<float> dist(-1.0f, 1.0f);
  std::vector<float> a_values(a.host.size(), 0.0f), b_values(b.host.size(), 0.0f), c_values(c.host.size(), 0.0f);
  for (std::int64_t r = 0; r < cs.m; ++r)
    for (std::int64_t p = 0; p < cs.k; ++p) {
      const auto i = element_index(r, p, lda, cs.a_layout);
      a.at(i) = to_bits(dist(rng), type);
      a_values[a.start + i] = from_bits(a.host[a.start + i], type);
    }
  for (std::int64_t p = 0; p < cs.k; ++p)
    for (std::int64_t j = 0; j < cs.n; ++j) {
      const auto i = element_index(p, j, ldb, cs.b_layout);
      b.at(i) = to_bits(dist(rng), type);
      b_values[b.start + i] = from_bits(b.host[b.start + i], type);
    }
  for (std::int64_t r = 0; r < cs.m; ++r)
    for (std::int64_t j = 0; j < cs.n; ++j) {
      // With beta 0 C stays NaN: a kernel that reads it returns NaN.
      const auto i = element_index(r, j, ldc, cs.c_layout);
      c.at(i) = cs.beta == 0.0f ? nan_float() : dist(rng);
      c_values[c.start + i] = c.host[c.start + i];
    }
  reference_gemm(cs.m, cs.n, cs.k, alpha, a_values.data() + a.start, lda, cs.a_layout, b_values.data() + b.start, ldb,
                 cs.b_layout, cs.beta, c_values.data() + c.start, ldc, cs.c_layout);

  Session session(backend);
  if (failed(session.put(a), "upload", result) || failed(session.put(b), "upload", result) ||
      failed(session.put(c), "upload", result)) {
    return result;
  }
  GemmProblem p;
  p.type = type, p.m = cs.m, p.n = cs.n, p.k = cs.k;
  p.a = a.pointer(), p.lda = lda, p.a_layout = cs.a_layout;
  p.b = b.pointer(), p.ldb = ldb, p.b_layout = cs.b_layout;
  p.c = c.pointer(), p.ldc = ldc, p.c_layout = cs.c_layout;
  p.alpha = alpha, p.beta = cs.beta;
  if (failed(backend.run_gemm(p, variant), "gemm", result)) return result;
  if (failed(session.get(a), "download", result) || failed(session.get(b), "download", result) ||
      failed(session.get(c), "download", result)) {
    return result;
  }
  if (!unchanged(a, "A", result) || !unchanged(b, "B", result)) return result;

  std::vector<std::size_t> positions;
  std::vector<double> reference;
  for (std::int64_t r = 0; r < cs.m; ++r)
    for (std::int64_t j = 0; j < cs.n; ++j) {
      const std::size_t at = c.start + static_cast<std::size_t>(element_index(r, j, ldc, cs.c_layout));
      positions.push_back(at);
      reference.push_back(c_values[at]);
    }
  const auto where = [&](std::size_t e) {
    return "(row " + std::to_string(e / cs.n) + ", col " + std::to_string(e % cs.n) + ")";
  };
  result.passed = output_matches(c, "C", positions, reference, [](float x) { return static_cast<double>(x); }, where,
                                 gemm_tolerance(cs.k), result);
  return result;
}

// ------------------------------------------------------------ attention

enum class Order { bhsd, bshd };  // [batch, heads, seq, dim] or [batch, seq, heads, dim]
enum class Keys { random, dominated_prefix, dominated_suffix };

struct AttentionCase {
  const char* point;
  std::int64_t batch, heads, seq;
  Order order = Order::bhsd;
  std::int64_t seq_pad = 0;  // seq_stride = the contiguous one + seq_pad
  std::int64_t offset = 0;   // elements off 16-byte alignment, every tensor
  float q_gain = 1.0f, k_gain = 1.0f;
  float scale = 0.0f;  // 0: 1/sqrt(head_dim)
  Keys keys = Keys::random;
  std::int64_t prefix = 0;  // keys before it are the dominated (or dominating) ones
  bool small = false;
};

const AttentionCase attention_cases[] = {
    {"partial tiles", 2, 3, 77},
    {"many key tiles", 1, 2, 256},
    {"many key tiles, seq not a multiple of any tile (diagonal tiles cut)", 1, 2, 333},
    {"one row", 1, 1, 1, Order::bhsd, 0, 0, 1, 1, 0, Keys::random, 0, true},
    {"edge 15", 1, 1, 15},
    {"edge 17", 1, 2, 17, Order::bhsd, 0, 0, 1, 1, 0, Keys::random, 0, true},
    {"edge 127", 1, 1, 127},
    {"padded seq stride, 16-byte rows (cp.async)", 2, 2, 100, Order::bhsd, 8},
    {"odd seq stride (element loads)", 2, 2, 100, Order::bhsd, 3, 0, 1, 1, 0, Keys::random, 0, true},
    {"[batch, seq, heads, dim] through the strides", 2, 3, 70, Order::bshd},
    {"one element off 16-byte alignment", 1, 2, 90, Order::bhsd, 0, 1},
    {"logits x16", 1, 2, 200, Order::bhsd, 0, 0, 4, 4},
    // Logits past 88 overflow exp() in fp32 unless the running max is taken off.
    {"large explicit scale 1.0 with logits x16 (logits past 100)", 1, 2, 130, Order::bhsd, 0, 0, 4, 4, 1.0f},
    {"the first 40 keys dominated (weights ~0 once the max moves)", 1, 2, 160, Order::bhsd, 0, 0, 1, 4, 0.5f,
     Keys::dominated_prefix, 40},
    {"the first 40 keys dominate (later tiles add ~0)", 1, 2, 160, Order::bhsd, 0, 0, 1, 4, 0.5f,
     Keys::dominated_suffix, 40},
};

Result run_attention_case(Backend& backend, const AttentionCase& cs, DataType type, std::int64_t dim, bool causal,
                          const std::string& variant, std::mt19937& rng) {
  const std::int64_t b = cs.batch, h = cs.heads, s = cs.seq;
  std::int64_t seq_stride, head_stride, batch_stride;
  if (cs.order == Order::bhsd) {
    seq_stride = dim + cs.seq_pad, head_stride = s * seq_stride, batch_stride = h * head_stride;
  } else {
    seq_stride = h * dim + cs.seq_pad, head_stride = dim, batch_stride = s * seq_stride;
  }
  char name[256];
  std::snprintf(name, sizeof name, "attention %s b%lld h%lld s%lld d%lld%s%s strides %lld/%lld/%lld%s: %s",
                type_name(type), static_cast<long long>(b), static_cast<long long>(h), static_cast<long long>(s),
                static_cast<long long>(dim), causal ? " causal" : "", cs.order == Order::bshd ? " [b,s,h,d]" : "",
                static_cast<long long>(batch_stride), static_cast<long long>(head_stride),
                static_cast<long long>(seq_stride), cs.offset ? " offset 1" : "", cs.point);
  Result result;
  result.name = name;

  const std::size_t extent = static_cast<std::size_t>((b - 1) * batch_stride + (h - 1) * head_stride +
                                                      (s - 1) * seq_stride + dim);
  // Guards wider than a 32-key over-reach past the last row.
  const std::size_t guard = static_cast<std::size_t>(32 * seq_stride + 64);
  Buffer<std::uint16_t> q(extent, guard, cs.offset, nan_bits(type)), k(extent, guard, cs.offset, nan_bits(type)),
      v(extent, guard, cs.offset, nan_bits(type)), o(extent, guard, cs.offset, nan_bits(type));
  const auto count = static_cast<std::size_t>(b * h * s * dim);
  std::vector<float> qf(count), kf(count), vf(count);  // contiguous [b, h, s, d] for the reference
  std::vector<std::size_t> positions(count);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f), positive(0.25f, 1.0f);
  std::size_t e = 0;
  for (std::int64_t bi = 0; bi < b; ++bi)
    for (std::int64_t hi = 0; hi < h; ++hi)
      for (std::int64_t si = 0; si < s; ++si)
        for (std::int64_t d = 0; d < dim; ++d, ++e) {
          const std::int64_t at = bi * batch_stride + hi * head_stride + si * seq_stride + d;
          float qx = cs.q_gain * uniform(rng), kx = cs.k_gain * uniform(rng);
          if (cs.keys != Keys::random) {
            // Q positive; K negative before the prefix ends (dominated) or after (dominating).
            const bool negative = (si < cs.prefix) == (cs.keys == Keys::dominated_prefix);
            qx = cs.q_gain * positive(rng);
            kx = (negative ? -cs.k_gain : cs.k_gain) * positive(rng);
          }
          q.at(at) = to_bits(qx, type), k.at(at) = to_bits(kx, type), v.at(at) = to_bits(uniform(rng), type);
          o.at(at);  // an element: stays NaN until the kernel writes it
          positions[e] = o.start + static_cast<std::size_t>(at);
          qf[e] = from_bits(q.host[positions[e]], type), kf[e] = from_bits(k.host[positions[e]], type);
          vf[e] = from_bits(v.host[positions[e]], type);
        }
  std::vector<float> want(count);
  reference_attention(b, h, s, dim, qf.data(), kf.data(), vf.data(), want.data(), causal, cs.scale);

  Session session(backend);
  for (auto* buffer : {&q, &k, &v, &o}) {
    if (failed(session.put(*buffer), "upload", result)) return result;
  }
  AttentionProblem p;
  p.type = type, p.batch = b, p.heads = h, p.seq = s, p.head_dim = dim, p.causal = causal, p.scale = cs.scale;
  p.q = q.pointer(), p.k = k.pointer(), p.v = v.pointer(), p.o = o.pointer();
  p.batch_stride = batch_stride, p.head_stride = head_stride, p.seq_stride = seq_stride;
  if (failed(backend.run_attention(p, variant), "attention_forward", result)) return result;
  for (auto* buffer : {&q, &k, &v, &o}) {
    if (failed(session.get(*buffer), "download", result)) return result;
  }
  if (!unchanged(q, "Q", result) || !unchanged(k, "K", result) || !unchanged(v, "V", result)) return result;
  const std::vector<double> reference(want.begin(), want.end());
  const auto where = [&](std::size_t i) {
    const std::size_t d = i % dim, row = i / dim;
    return "(batch " + std::to_string(row / (h * s)) + ", head " + std::to_string(row / s % h) + ", row " +
           std::to_string(row % s) + ", dim " + std::to_string(d) + ")";
  };
  result.passed = output_matches(o, "O", positions, reference, [type](std::uint16_t x) { return from_bits(x, type); },
                                 where, attention_tolerance(type), result);
  return result;
}

}  // namespace

std::vector<Result> run_gemm_cases(Backend& backend, const Options& options) {
  std::vector<Result> results;
  std::mt19937 rng(20261129);
  for (DataType type : {DataType::f16, DataType::bf16}) {
    if (options.small_only && type != DataType::f16) continue;
    for (const auto& cs : gemm_cases) {
      if (options.small_only && !cs.small) continue;
      results.push_back(run_gemm_case(backend, cs, type, options.variant, rng));
      if (options.stop_at_first_failure && !results.back().passed) return results;
    }
  }
  return results;
}

std::vector<Result> run_attention_cases(Backend& backend, const Options& options) {
  std::vector<Result> results;
  std::mt19937 rng(20261130);
  for (DataType type : {DataType::f16, DataType::bf16}) {
    if (options.small_only && type != DataType::f16) continue;
    for (std::int64_t dim : {64, 128}) {
      for (bool causal : {false, true}) {
        for (const auto& cs : attention_cases) {
          if (options.small_only && !cs.small) continue;
          results.push_back(run_attention_case(backend, cs, type, dim, causal, options.variant, rng));
          if (options.stop_at_first_failure && !results.back().passed) return results;
        }
      }
    }
  }
  return results;
}

}  // namespace cudaenv::kernels::checks
