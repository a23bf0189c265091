// The mma.sync GEMM (src/kernels/gemm_mma_sync.cuh) emulated on the host
// lane by lane with the kernel's own index functions: the grouped CTA
// order, split-K slices, each thread's cp.async chunks into the swizzled
// stages (zero-filled at the edges), every lane's ldmatrix addresses and
// the registers they deliver, the m16n8k16 fragment maps and the epilogue's
// stores. Small odd shapes against reference_gemm, in every layout the
// kernel takes; with a fault put in, the same comparison fails, so it can.
#include <catch2/catch_test_macros.hpp>
#include <catch2/generators/catch_generators.hpp>

#include <array>
#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "cudaenv/kernels/kernels.hpp"
#include "gemm_tiles.hpp"
#include "kernel_checks.hpp"
#include "tile_layout.hpp"

using namespace cudaenv::kernels;
using tiles::Coord;

namespace {

enum class Fault { none, read_unswizzled, b_without_trans, k_edge_unfilled };

std::int64_t at(std::int64_t row, std::int64_t col, std::int64_t ld, Layout layout) {
  return layout == Layout::row_major ? row * ld + col : col * ld + row;
}

// One operand's copy as OperandCopy does it: a tile of Rows x Cols stored
// elements at (row0, col0) of a matrix of rows x cols (stored orientation).
template <int Rows, int Cols, int Threads>
void copy_tile(std::vector<std::uint16_t>& stage, const std::uint16_t* matrix, std::int64_t ld, std::int64_t row0,
               std::int64_t col0, std::int64_t rows, std::int64_t cols, Fault fault) {
  using Copy = gemm_tiles::TileCopy<Rows, Cols, Threads>;
  for (int thread = 0; thread < Threads; ++thread) {
    const int c = Copy::col(thread);
    const int cols_left = static_cast<int>(cols - col0 - c);
    const int chunk_bytes = fault == Fault::k_edge_unfilled && cols_left > 0 ? 16 : gemm_tiles::chunk_source_bytes(cols_left);
    for (int pass = 0; pass < Copy::Passes; ++pass) {
      const int r = Copy::row(thread, pass);
      const int bytes = row0 + r < rows ? chunk_bytes : 0;
      for (int e = 0; e < 8; ++e) {
        std::uint16_t value = 0;
        if (2 * e < bytes) value = matrix[(row0 + r) * ld + col0 + c + e];
        stage[static_cast<std::size_t>(tiles::tile_offset(Rows, r, c + e))] = value;
      }
    }
  }
}

// What ldmatrix.x4 hands <lane> (4 registers of 2 halves) from a stored
// tile of <rows> rows, the lanes addressing (row0 + address(lane)).
std::array<std::uint16_t, 8> ldmatrix(const std::vector<std::uint16_t>& stage, int rows, Coord (*address)(int),
                                      int row0, int col0, bool trans, int lane, Fault fault) {
  std::array<std::uint16_t, 8> out{};
  for (int reg = 0; reg < 4; ++reg) {
    for (int h = 0; h < 2; ++h) {
      const Coord e = tiles::ldmatrix_element(lane, h, trans);
      const Coord start = address(8 * reg + e.row);
      const int r = row0 + start.row, c = col0 + start.col + e.col;
      const int offset = fault == Fault::read_unswizzled ? (c / 64) * rows * 64 + r * 64 + c % 64
                                                         : tiles::tile_offset(rows, r, c);
      out[static_cast<std::size_t>(2 * reg + h)] = stage[static_cast<std::size_t>(offset)];
    }
  }
  return out;
}

// One warp's mma.m16n8k16 from the lanes' registers, through the fragment maps.
void mma(std::array<std::array<float, 4>, 32>& d, const std::array<std::array<std::uint16_t, 8>, 32>& a,
         const std::array<std::array<std::uint16_t, 4>, 32>& b, DataType type) {
  float A[16][16], B[16][8];
  for (int lane = 0; lane < 32; ++lane) {
    for (int i = 0; i < 8; ++i) {
      const Coord e = tiles::mma_a_element(lane, i);
      A[e.row][e.col] = checks::from_bits(a[lane][i], type);
    }
    for (int i = 0; i < 4; ++i) {
      const Coord e = tiles::mma_b_element(lane, i);
      B[e.row][e.col] = checks::from_bits(b[lane][i], type);
    }
  }
  for (int lane = 0; lane < 32; ++lane) {
    for (int i = 0; i < 4; ++i) {
      const Coord e = tiles::mma_c_element(lane, i);
      float sum = d[lane][i];
      for (int k = 0; k < 16; ++k) sum += A[e.row][k] * B[k][e.col];
      d[lane][i] = sum;
    }
  }
}

// The kernel for one layout pair, on the host.
template <typename Tiles>
void emulate(const GemmProblem& p, int slices, Fault fault, std::vector<float>& partials) {
  const bool a_rows = p.a_layout == Layout::row_major, b_rows = p.b_layout == Layout::row_major;
  const int tiles_m = static_cast<int>((p.m + Tiles::BM - 1) / Tiles::BM);
  const int tiles_n = static_cast<int>((p.n + Tiles::BN - 1) / Tiles::BN);
  const std::int64_t k_tiles = (p.k + Tiles::BK - 1) / Tiles::BK;
  const auto* a = static_cast<const std::uint16_t*>(p.a);
  const auto* b = static_cast<const std::uint16_t*>(p.b);
  std::vector<std::uint16_t> a_stage(Tiles::BM * Tiles::BK), b_stage(Tiles::BK * Tiles::BN);
  const bool b_trans = fault == Fault::b_without_trans ? !b_rows : b_rows;

  for (int slice = 0; slice < slices; ++slice) {
    for (int cta = 0; cta < tiles_m * tiles_n; ++cta) {
      const Coord tile = tiles::grouped_tile(cta, tiles_m, tiles_n, gemm_tiles::kRasterGroup);
      const std::int64_t m0 = std::int64_t{tile.row} * Tiles::BM, n0 = std::int64_t{tile.col} * Tiles::BN;
      const gemm_tiles::KRange range = gemm_tiles::slice_k_tiles(k_tiles, slices, slice);
      // acc[warp][mi][ni][lane][i]
      std::vector<std::array<std::array<float, 4>, 32>> acc(Tiles::WarpsM * Tiles::WarpsN * Tiles::MI * Tiles::NI);
      for (auto& fragment : acc)
        for (auto& lane : fragment) lane.fill(0.0f);
      for (std::int64_t kt = range.first; kt < range.first + range.count; ++kt) {
        const std::int64_t k0 = kt * Tiles::BK;
        if (a_rows) {
          copy_tile<Tiles::BM, Tiles::BK, Tiles::Threads>(a_stage, a, p.lda, m0, k0, p.m, p.k, fault);
        } else {
          copy_tile<Tiles::BK, Tiles::BM, Tiles::Threads>(a_stage, a, p.lda, k0, m0, p.k, p.m, fault);
        }
        if (b_rows) {
          copy_tile<Tiles::BK, Tiles::BN, Tiles::Threads>(b_stage, b, p.ldb, k0, n0, p.k, p.n, fault);
        } else {
          copy_tile<Tiles::BN, Tiles::BK, Tiles::Threads>(b_stage, b, p.ldb, n0, k0, p.n, p.k, fault);
        }
        for (int warp = 0; warp < Tiles::WarpsM * Tiles::WarpsN; ++warp) {
          const int warp_m = warp / Tiles::WarpsN * Tiles::WM, warp_n = warp % Tiles::WarpsN * Tiles::WN;
          for (int ks = 0; ks < Tiles::KSteps; ++ks) {
            std::array<std::array<std::array<std::uint16_t, 8>, 32>, Tiles::MI> a_frag;
            std::array<std::array<std::array<std::uint16_t, 8>, 32>, Tiles::NI / 2> b_frag;
            for (int lane = 0; lane < 32; ++lane) {
              for (int mi = 0; mi < Tiles::MI; ++mi) {
                a_frag[mi][lane] = a_rows ? ldmatrix(a_stage, Tiles::BM, tiles::ldsm_a_m_major, warp_m + mi * 16,
                                                     ks * 16, false, lane, fault)
                                          : ldmatrix(a_stage, Tiles::BK, tiles::ldsm_a_k_major, ks * 16,
                                                     warp_m + mi * 16, true, lane, fault);
              }
              for (int np = 0; np < Tiles::NI / 2; ++np) {
                b_frag[np][lane] = b_rows ? ldmatrix(b_stage, Tiles::BK, tiles::ldsm_b_k_major, ks * 16,
                                                     warp_n + np * 16, b_trans, lane, fault)
                                          : ldmatrix(b_stage, Tiles::BN, tiles::ldsm_b_n_major, warp_n + np * 16,
                                                     ks * 16, b_trans, lane, fault);
              }
            }
            for (int mi = 0; mi < Tiles::MI; ++mi) {
              for (int ni = 0; ni < Tiles::NI; ++ni) {
                std::array<std::array<std::uint16_t, 4>, 32> b_regs;
                for (int lane = 0; lane < 32; ++lane) {
                  for (int i = 0; i < 4; ++i) b_regs[lane][i] = b_frag[ni / 2][lane][(ni % 2) * 4 + i];
                }
                mma(acc[((warp * Tiles::MI) + mi) * Tiles::NI + ni], a_frag[mi], b_regs, p.type);
              }
            }
          }
        }
      }
      // The epilogue: each lane's accumulators to C, or to the slice's partials.
      for (int warp = 0; warp < Tiles::WarpsM * Tiles::WarpsN; ++warp) {
        const int warp_m = warp / Tiles::WarpsN * Tiles::WM, warp_n = warp % Tiles::WarpsN * Tiles::WN;
        for (int mi = 0; mi < Tiles::MI; ++mi) {
          for (int ni = 0; ni < Tiles::NI; ++ni) {
            for (int lane = 0; lane < 32; ++lane) {
              for (int i = 0; i < 4; ++i) {
                const Coord e = tiles::mma_c_element(lane, i);
                const std::int64_t row = m0 + warp_m + mi * 16 + e.row, col = n0 + warp_n + ni * 8 + e.col;
                if (row >= p.m || col >= p.n) continue;
                const float x = acc[((warp * Tiles::MI) + mi) * Tiles::NI + ni][lane][i];
                if (slices > 1) {
                  partials[static_cast<std::size_t>((slice * p.m + row) * p.n + col)] = x;
                } else {
                  float& c = p.c[at(row, col, p.ldc, p.c_layout)];
                  c = p.beta == 0.0f ? p.alpha * x : p.alpha * x + p.beta * c;
                }
              }
            }
          }
        }
      }
    }
  }
  if (slices > 1) {  // gemm_splitk_reduce_kernel
    for (std::int64_t i = 0; i < p.m * p.n; ++i) {
      float sum = 0.0f;
      for (int slice = 0; slice < slices; ++slice) sum += partials[static_cast<std::size_t>(slice * p.m * p.n + i)];
      float& c = p.c[at(i / p.n, i % p.n, p.ldc, p.c_layout)];
      c = p.beta == 0.0f ? p.alpha * sum : p.alpha * sum + p.beta * c;
    }
  }
}

struct Shape {
  std::int64_t m, n, k;
  Layout a, b, c;
  int slices;
};

// Relative error norm of the emulated kernel against reference_gemm.
double run(const Shape& s, DataType type, Fault fault) {
  std::mt19937 random(static_cast<unsigned>(s.m * 131 + s.n * 7 + s.k));
  std::uniform_real_distribution<float> value(-1.0f, 1.0f);
  auto ld = [](std::int64_t x) { return (x + 7) / 8 * 8 + 8; };  // multiples of 8, with a gap
  const std::int64_t lda = ld(s.a == Layout::row_major ? s.k : s.m);
  const std::int64_t ldb = ld(s.b == Layout::row_major ? s.n : s.k);
  const std::int64_t ldc = s.c == Layout::row_major ? s.n + 3 : s.m + 3;
  std::vector<std::uint16_t> a(static_cast<std::size_t>(lda * (s.a == Layout::row_major ? s.m : s.k)));
  std::vector<std::uint16_t> b(static_cast<std::size_t>(ldb * (s.b == Layout::row_major ? s.k : s.n)));
  std::vector<float> a_float(a.size()), b_float(b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    a[i] = checks::to_bits(value(random), type);
    a_float[i] = checks::from_bits(a[i], type);
  }
  for (std::size_t i = 0; i < b.size(); ++i) {
    b[i] = checks::to_bits(value(random), type);
    b_float[i] = checks::from_bits(b[i], type);
  }
  const std::size_t c_size = static_cast<std::size_t>(ldc * (s.c == Layout::row_major ? s.m : s.n));
  std::vector<float> c(c_size), expected(c_size);
  for (std::size_t i = 0; i < c_size; ++i) c[i] = expected[i] = value(random);

  GemmProblem p;
  p.type = type;
  p.m = s.m, p.n = s.n, p.k = s.k;
  p.a = a.data(), p.lda = lda, p.a_layout = s.a;
  p.b = b.data(), p.ldb = ldb, p.b_layout = s.b;
  p.c = c.data(), p.ldc = ldc, p.c_layout = s.c;
  p.alpha = 1.5f, p.beta = 0.5f;
  std::vector<float> partials(static_cast<std::size_t>(s.slices * s.m * s.n));
  emulate<gemm_tiles::MediumTiles>(p, s.slices, fault, partials);
  reference_gemm(s.m, s.n, s.k, p.alpha, a_float.data(), lda, s.a, b_float.data(), ldb, s.b, p.beta,
                 expected.data(), ldc, s.c);
  double diff = 0.0, norm = 0.0;
  for (std::int64_t i = 0; i < s.m; ++i) {
    for (std::int64_t j = 0; j < s.n; ++j) {
      const std::int64_t index = at(i, j, ldc, s.c);
      diff += std::pow(c[static_cast<std::size_t>(index)] - expected[static_cast<std::size_t>(index)], 2);
      norm += std::pow(expected[static_cast<std::size_t>(index)], 2);
    }
  }
  return std::sqrt(diff / norm);
}

constexpr Layout R = Layout::row_major, C = Layout::col_major;

}  // namespace

TEST_CASE("the mma.sync GEMM, emulated lane by lane, matches the reference", "[gemm][model]") {
  const Shape shape = GENERATE(Shape{67, 136, 200, R, R, R, 1},   // M, N and K edges; two CTAs
                               Shape{130, 72, 64, R, C, C, 1},    // column-major B (Linear weights), C
                               Shape{33, 129, 136, C, R, R, 1},   // column-major A
                               Shape{16, 100, 520, R, C, R, 3},   // split-K: three slices of 3 k steps
                               Shape{5, 9, 7, R, R, R, 1});       // smaller than every tile
  const DataType type = GENERATE(DataType::f16, DataType::bf16);
  INFO(shape.m << "x" << shape.n << "x" << shape.k << " " << (type == DataType::f16 ? "f16" : "bf16"));
  // Inputs are exact in 16 bits and products exact in fp32: only the order
  // of fp32 sums differs from the reference.
  CHECK(run(shape, type, Fault::none) < 1e-5);
}

TEST_CASE("the GEMM emulation fails when an index function is wrong", "[gemm][model]") {
  const Shape edges{67, 136, 200, R, R, R, 1};
  CHECK(run(edges, DataType::f16, Fault::read_unswizzled) > 0.1);
  CHECK(run(edges, DataType::f16, Fault::b_without_trans) > 0.1);
  // K = 203 ends inside a chunk: without zero fill, the values in the
  // leading-dimension gap come in (both operands k-contiguous, so neither
  // side's zeros hide the other's).
  CHECK(run(Shape{67, 136, 203, R, C, R, 1}, DataType::f16, Fault::k_edge_unfilled) > 1e-3);
}
