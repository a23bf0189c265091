// The mma.sync GEMM (8.0 and newer), in the manner of CUTLASS's Sm80
// kernels: a CTA computes a BM x BN tile of C with warps of 64 x 64; A and
// B tiles come through a multi-stage cp.async pipeline into swizzled shared
// memory (one barrier per k step), fragments go through ldmatrix (with
// .trans where a tile is stored the other way round), double-buffered in
// registers, into mma.m16n8k16; the epilogue writes C from the registers.
// Both operand layouts stay on this path (the tile is copied as stored and
// read with or without .trans); only unaligned operands take the fallback
// kernel in gemm_tensorcore.cu. Split-K slices write fp32 partials that
// gemm_splitk_reduce_kernel sums.
// Tile shapes and the schedule: gemm_tiles.hpp. Include after defining
// CUDAENV_KERNEL_VARIANT (the namespace), as device_common.cuh wants.
#pragma once

#include <algorithm>
#include <type_traits>

#include "device_common.cuh"
#include "gemm_tiles.hpp"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT::mma_sync_gemm {

using gemm_tiles::TileCopy;

// What a launch adds to the problem: the grid's tiles and the k slices.
struct Schedule {
  int tiles_m = 0, tiles_n = 0;
  std::int64_t k_tiles = 0;
  int slices = 1;
  float* partials = nullptr;  // slices x m x n fp32, row-major, when slices > 1
};

// One operand tile's copy: this thread's chunks for the current k step, the
// bounds left in both directions, and how far one k step moves them.
template <int Rows, int Cols, int Threads>
struct OperandCopy {
  using Geometry = TileCopy<Rows, Cols, Threads>;
  const std::uint16_t* source;  // this thread's first chunk of the current tile
  const std::uint16_t* base;    // the matrix (a valid address for the zero-byte copies)
  std::int64_t pass_step;       // elements between two passes' rows
  std::int64_t k_step;          // elements one k step moves
  int rows_left, cols_left;     // from this thread's first row and its chunk
  bool k_along_rows;            // the tile's rows are the k direction
  std::uint32_t shared_offset;  // bytes, of the first chunk in a stage

  __device__ OperandCopy(const std::uint16_t* matrix, std::int64_t ld, std::int64_t row0, std::int64_t col0,
                         std::int64_t rows, std::int64_t cols, bool k_rows) {
    const int r = Geometry::row(threadIdx.x, 0), c = Geometry::col(threadIdx.x);
    base = matrix;
    source = matrix + (row0 + r) * ld + col0 + c;
    pass_step = Geometry::RowsPerPass * ld;
    k_along_rows = k_rows;
    k_step = k_rows ? 64 * ld : 64;
    rows_left = static_cast<int>(min(rows - row0 - r, std::int64_t{1} << 30));
    cols_left = static_cast<int>(min(cols - col0 - c, std::int64_t{1} << 30));
    shared_offset = static_cast<std::uint32_t>(tiles::tile_offset(Rows, r, c) * 2);
  }

  // Issue this k step's copies into the stage at <stage> (a shared address)
  // and move on to the next k step.
  __device__ void copy_and_advance(std::uint32_t stage) {
    const int chunk_bytes = gemm_tiles::chunk_source_bytes(cols_left);
#pragma unroll
    for (int pass = 0; pass < Geometry::Passes; ++pass) {
      const int bytes = pass * Geometry::RowsPerPass < rows_left ? chunk_bytes : 0;
      const std::uint16_t* from = bytes ? source + pass * pass_step : base;
      ptx::cp_async_16(stage + shared_offset + pass * Geometry::RowsPerPass * tiles::kPanelColumns * 2, from, bytes);
    }
    source += k_step;
    if (k_along_rows) {
      rows_left -= 64;
    } else {
      cols_left -= 64;
    }
  }
};

template <typename Tiles, Layout ALayout>
using ACopy = std::conditional_t<ALayout == Layout::row_major, OperandCopy<Tiles::BM, Tiles::BK, Tiles::Threads>,
                                 OperandCopy<Tiles::BK, Tiles::BM, Tiles::Threads>>;
template <typename Tiles, Layout BLayout>
using BCopy = std::conditional_t<BLayout == Layout::row_major, OperandCopy<Tiles::BK, Tiles::BN, Tiles::Threads>,
                                 OperandCopy<Tiles::BN, Tiles::BK, Tiles::Threads>>;

// A's fragments for one k16 step: m-major tiles (row-major A) are read as
// stored, k-major ones (column-major A) with .trans.
template <typename Tiles, Layout ALayout>
__device__ void load_a(std::uint32_t (&a)[Tiles::MI][4], std::uint32_t stage, int warp_m, int ks, int lane) {
#pragma unroll
  for (int mi = 0; mi < Tiles::MI; ++mi) {
    int offset;
    if constexpr (ALayout == Layout::row_major) {
      const tiles::Coord c = tiles::ldsm_a_m_major(lane);
      offset = tiles::tile_offset(Tiles::BM, warp_m + mi * 16 + c.row, ks * 16 + c.col);
    } else {
      const tiles::Coord c = tiles::ldsm_a_k_major(lane);
      offset = tiles::tile_offset(Tiles::BK, ks * 16 + c.row, warp_m + mi * 16 + c.col);
    }
    ptx::ldmatrix_x4<ALayout != Layout::row_major>(a[mi], stage + offset * 2);
  }
}

// B's fragments for one k16 step, two n8 tiles per ldmatrix.x4: k-major
// tiles (row-major B) with .trans, n-major ones (column-major B) as stored.
template <typename Tiles, Layout BLayout>
__device__ void load_b(std::uint32_t (&b)[Tiles::NI / 2][4], std::uint32_t stage, int warp_n, int ks, int lane) {
#pragma unroll
  for (int np = 0; np < Tiles::NI / 2; ++np) {
    int offset;
    if constexpr (BLayout == Layout::row_major) {
      const tiles::Coord c = tiles::ldsm_b_k_major(lane);
      offset = tiles::tile_offset(Tiles::BK, ks * 16 + c.row, warp_n + np * 16 + c.col);
    } else {
      const tiles::Coord c = tiles::ldsm_b_n_major(lane);
      offset = tiles::tile_offset(Tiles::BN, warp_n + np * 16 + c.row, ks * 16 + c.col);
    }
    ptx::ldmatrix_x4<BLayout == Layout::row_major>(b[np], stage + offset * 2);
  }
}

// C (or a slice's partials) from the accumulators of one warp.
template <typename Tiles>
__device__ void store_c(const GemmProblem& p, const Schedule& s, float (&acc)[Tiles::MI][Tiles::NI][4],
                        std::int64_t row0, std::int64_t col0, int lane) {
  float* out = p.c;
  std::int64_t ld = p.ldc;
  Layout layout = p.c_layout;
  float alpha = p.alpha, beta = p.beta;
  if (s.slices > 1) {  // raw sums; the reduce kernel applies alpha and beta
    out = s.partials + blockIdx.y * p.m * p.n;
    ld = p.n;
    layout = Layout::row_major;
    alpha = 1.0f;
    beta = 0.0f;
  }
  const bool pairs = layout == Layout::row_major && ld % 2 == 0 && detail::is_aligned(out, 8);
#pragma unroll
  for (int mi = 0; mi < Tiles::MI; ++mi) {
#pragma unroll
    for (int ni = 0; ni < Tiles::NI; ++ni) {
#pragma unroll
      for (int half = 0; half < 2; ++half) {
        const tiles::Coord e = tiles::mma_c_element(lane, 2 * half);
        const std::int64_t row = row0 + mi * 16 + e.row, col = col0 + ni * 8 + e.col;
        if (row >= p.m) continue;
        const float x = acc[mi][ni][2 * half], y = acc[mi][ni][2 * half + 1];
        if (pairs && col + 1 < p.n) {
          float2* at = reinterpret_cast<float2*>(out + row * ld + col);
          float2 v = make_float2(alpha * x, alpha * y);
          if (beta != 0.0f) {
            const float2 old = *at;
            v.x += beta * old.x;
            v.y += beta * old.y;
          }
          *at = v;
        } else {
          if (col < p.n) {
            const std::int64_t i = detail::matrix_index(row, col, ld, layout);
            out[i] = detail::gemm_output(x, alpha, beta, out, i);
          }
          if (col + 1 < p.n) {
            const std::int64_t i = detail::matrix_index(row, col + 1, ld, layout);
            out[i] = detail::gemm_output(y, alpha, beta, out, i);
          }
        }
      }
    }
  }
}

template <typename T, typename Tiles, Layout ALayout, Layout BLayout>
__global__ void __launch_bounds__(Tiles::Threads, 1) gemm_mma_sync_kernel(GemmProblem p, Schedule s) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 800
  CUDAENV_KERNEL_WRONG_ARCH();
#else
  extern __shared__ __align__(128) unsigned char shared_bytes[];
  const std::uint32_t shared = ptx::shared_address(shared_bytes);
  constexpr std::uint32_t a_bytes = Tiles::BM * Tiles::BK * 2, stage_bytes = Tiles::StageElements * 2;
  const int lane = threadIdx.x % 32, warp = threadIdx.x / 32;
  const int warp_m = warp / Tiles::WarpsN * Tiles::WM, warp_n = warp % Tiles::WarpsN * Tiles::WN;

  const tiles::Coord tile = tiles::grouped_tile(blockIdx.x, s.tiles_m, s.tiles_n, gemm_tiles::kRasterGroup);
  const std::int64_t m0 = static_cast<std::int64_t>(tile.row) * Tiles::BM;
  const std::int64_t n0 = static_cast<std::int64_t>(tile.col) * Tiles::BN;
  const gemm_tiles::KRange ks_range = gemm_tiles::slice_k_tiles(s.k_tiles, s.slices, blockIdx.y);
  const std::int64_t k0 = ks_range.first * Tiles::BK;

  const auto* a = static_cast<const std::uint16_t*>(p.a);
  const auto* b = static_cast<const std::uint16_t*>(p.b);
  ACopy<Tiles, ALayout> a_copy = ALayout == Layout::row_major
                                     ? ACopy<Tiles, ALayout>(a, p.lda, m0, k0, p.m, p.k, false)
                                     : ACopy<Tiles, ALayout>(a, p.lda, k0, m0, p.k, p.m, true);
  BCopy<Tiles, BLayout> b_copy = BLayout == Layout::row_major
                                     ? BCopy<Tiles, BLayout>(b, p.ldb, k0, n0, p.k, p.n, true)
                                     : BCopy<Tiles, BLayout>(b, p.ldb, n0, k0, p.n, p.k, false);

  float acc[Tiles::MI][Tiles::NI][4];
#pragma unroll
  for (int mi = 0; mi < Tiles::MI; ++mi)
#pragma unroll
    for (int ni = 0; ni < Tiles::NI; ++ni)
#pragma unroll
      for (int i = 0; i < 4; ++i) acc[mi][ni][i] = 0.0f;

  // Fill all stages but one.
  const int k_tiles = static_cast<int>(ks_range.count);
#pragma unroll
  for (int stage = 0; stage < Tiles::Stages - 1; ++stage) {
    if (stage < k_tiles) {
      a_copy.copy_and_advance(shared + stage * stage_bytes);
      b_copy.copy_and_advance(shared + stage * stage_bytes + a_bytes);
    }
    ptx::cp_async_commit();
  }

  int read_stage = 0, write_stage = Tiles::Stages - 1;
  for (int kt = 0; kt < k_tiles; ++kt) {
    ptx::cp_async_wait<Tiles::Stages - 2>();
    __syncthreads();  // step kt is in; every warp is done with the stage refilled below
    if (kt + Tiles::Stages - 1 < k_tiles) {
      a_copy.copy_and_advance(shared + write_stage * stage_bytes);
      b_copy.copy_and_advance(shared + write_stage * stage_bytes + a_bytes);
    }
    ptx::cp_async_commit();

    const std::uint32_t a_stage = shared + read_stage * stage_bytes, b_stage = a_stage + a_bytes;
    std::uint32_t a_frag[2][Tiles::MI][4], b_frag[2][Tiles::NI / 2][4];
    load_a<Tiles, ALayout>(a_frag[0], a_stage, warp_m, 0, lane);
    load_b<Tiles, BLayout>(b_frag[0], b_stage, warp_n, 0, lane);
#pragma unroll
    for (int ks = 0; ks < Tiles::KSteps; ++ks) {
      if (ks + 1 < Tiles::KSteps) {  // the next k16 step's fragments while this one computes
        load_a<Tiles, ALayout>(a_frag[(ks + 1) % 2], a_stage, warp_m, ks + 1, lane);
        load_b<Tiles, BLayout>(b_frag[(ks + 1) % 2], b_stage, warp_n, ks + 1, lane);
      }
#pragma unroll
      for (int mi = 0; mi < Tiles::MI; ++mi)
#pragma unroll
        for (int ni = 0; ni < Tiles::NI; ++ni) T::mma(acc[mi][ni], a_frag[ks % 2][mi], &b_frag[ks % 2][ni / 2][(ni % 2) * 2]);
    }
    read_stage = read_stage + 1 == Tiles::Stages ? 0 : read_stage + 1;
    write_stage = write_stage + 1 == Tiles::Stages ? 0 : write_stage + 1;
  }
  ptx::cp_async_wait<0>();

  store_c<Tiles>(p, s, acc, m0 + warp_m, n0 + warp_n, lane);
#endif
}

// C = alpha * (sum of the slices' partials) + beta * C.
__global__ void gemm_splitk_reduce_kernel(GemmProblem p, Schedule s) {
  const std::int64_t count = p.m * p.n;
  for (std::int64_t i = blockIdx.x * static_cast<std::int64_t>(blockDim.x) + threadIdx.x; i < count;
       i += static_cast<std::int64_t>(gridDim.x) * blockDim.x) {
    float sum = 0.0f;
    for (int slice = 0; slice < s.slices; ++slice) sum += s.partials[slice * count + i];
    const std::int64_t index = detail::matrix_index(i / p.n, i % p.n, p.ldc, p.c_layout);
    p.c[index] = detail::gemm_output(sum, p.alpha, p.beta, p.c, index);
  }
}

// Launches the tiles' kernel for one layout pair.
template <typename T, typename Tiles, Layout ALayout, Layout BLayout>
cudaError_t launch(const GemmProblem& p, const Schedule& s, cudaStream_t stream) {
  auto* kernel = gemm_mma_sync_kernel<T, Tiles, ALayout, BLayout>;
  const cudaError_t set = cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, Tiles::SharedBytes);
  if (set != cudaSuccess) return set;
  const dim3 grid(static_cast<unsigned>(s.tiles_m * s.tiles_n), static_cast<unsigned>(s.slices));
  kernel<<<grid, Tiles::Threads, Tiles::SharedBytes, stream>>>(p, s);
  return cudaGetLastError();
}

inline Layout flipped(Layout layout) { return layout == Layout::row_major ? Layout::col_major : Layout::row_major; }

// C = A B as C^T = B^T A^T: a column-major operand read the other way is a
// row-major one, so both-column-major problems run as both-row-major ones.
inline GemmProblem transposed(const GemmProblem& p) {
  GemmProblem t = p;
  t.m = p.n;
  t.n = p.m;
  t.a = p.b;
  t.lda = p.ldb;
  t.a_layout = flipped(p.b_layout);
  t.b = p.a;
  t.ldb = p.lda;
  t.b_layout = flipped(p.a_layout);
  t.c_layout = flipped(p.c_layout);
  return t;
}

// Whether A and B suit the 16-byte copies: aligned, leading dimensions a
// multiple of 8 elements.
inline bool fits_copies(const GemmProblem& p) {
  return detail::is_aligned(p.a, 16) && detail::is_aligned(p.b, 16) && p.lda % 8 == 0 && p.ldb % 8 == 0;
}

template <typename T, typename Tiles>
cudaError_t launch_layouts(const GemmProblem& p, const Schedule& s, cudaStream_t stream) {
  constexpr Layout row = Layout::row_major, col = Layout::col_major;
  if (p.a_layout == row) {
    return p.b_layout == row ? launch<T, Tiles, row, row>(p, s, stream) : launch<T, Tiles, row, col>(p, s, stream);
  }
  return launch<T, Tiles, col, row>(p, s, stream);  // col-col was transposed to row-row
}

// C = alpha A B + beta C with <Tiles> on a GPU of <sms> SMs, for a problem
// that fits_copies(): the grid, split-K where the output has too few tiles
// to fill the GPU (the slices' fp32 partials in stream-ordered memory,
// summed by the reduce kernel; one slice where memory pools are missing).
template <typename T, typename Tiles>
cudaError_t run(const GemmProblem& problem, int sms, cudaStream_t stream) {
  const GemmProblem p = problem.a_layout == Layout::col_major && problem.b_layout == Layout::col_major
                            ? transposed(problem)
                            : problem;
  Schedule s;
  const std::int64_t tiles_m = (p.m + Tiles::BM - 1) / Tiles::BM, tiles_n = (p.n + Tiles::BN - 1) / Tiles::BN;
  if (tiles_m * tiles_n > 0x7fffffff) return cudaErrorInvalidConfiguration;
  s.tiles_m = static_cast<int>(tiles_m);
  s.tiles_n = static_cast<int>(tiles_n);
  s.k_tiles = (p.k + Tiles::BK - 1) / Tiles::BK;
  s.slices = gemm_tiles::splitk_slices(tiles_m * tiles_n, sms, s.k_tiles);
  if (s.slices == 1) return launch_layouts<T, Tiles>(p, s, stream);

  const std::size_t bytes = sizeof(float) * static_cast<std::size_t>(s.slices) * p.m * p.n;
  void* partials = nullptr;
  if (cudaMallocAsync(&partials, bytes, stream) != cudaSuccess) {
    (void)cudaGetLastError();
    s.slices = 1;
    return launch_layouts<T, Tiles>(p, s, stream);
  }
  s.partials = static_cast<float*>(partials);
  cudaError_t status = launch_layouts<T, Tiles>(p, s, stream);
  if (status == cudaSuccess) {
    const std::int64_t blocks = std::min<std::int64_t>((p.m * p.n + 255) / 256, 4 * static_cast<std::int64_t>(sms));
    gemm_splitk_reduce_kernel<<<static_cast<unsigned>(blocks), 256, 0, stream>>>(p, s);
    status = cudaGetLastError();
  }
  const cudaError_t freed = cudaFreeAsync(partials, stream);
  return status != cudaSuccess ? status : freed;
}

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT::mma_sync_gemm
