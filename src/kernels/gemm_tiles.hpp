// The tensor-core GEMM's tile shapes and schedule as named constants and
// plain functions, shared by the kernels (gemm_mma_sync.cuh), the benchmark
// sweep and the host tests (tests/kernels/gemm_model_test.cpp), which check
// them without a GPU.
#pragma once

#include <cstdint>

#include "tile_layout.hpp"

namespace cudaenv::kernels::gemm_tiles {

// A CTA computes BM x BN of C, walking K in steps of BK through <Stages>
// shared-memory buffers; its warps split the tile WarpsM x WarpsN.
template <int BM_, int BN_, int WarpsM_, int WarpsN_, int Stages_>
struct Tiles {
  static constexpr int BM = BM_, BN = BN_, BK = 64;  // BK: one 128-byte swizzled row of 16-bit elements
  static constexpr int WarpsM = WarpsM_, WarpsN = WarpsN_, Stages = Stages_;
  static constexpr int Threads = 32 * WarpsM * WarpsN;
  static constexpr int WM = BM / WarpsM, WN = BN / WarpsN;  // one warp's tile of C
  static constexpr int MI = WM / 16, NI = WN / 8;           // m16n8k16 tiles per warp
  static constexpr int KSteps = BK / 16;
  static constexpr int StageElements = BM * BK + BK * BN;
  static constexpr int SharedBytes = Stages * StageElements * 2;
  // Per warp and k16 step: MI ldmatrix.x4 for A, NI / 2 for B, MI * NI mma.
  static constexpr int MmaPerLdmatrix = (MI * NI) / (MI + NI / 2);
};

// 128 x 256, 8 warps of 64 x 64, 3 stages: 144 KiB, for GPUs that give a
// block at least that (8.0, 8.7, 9.0, 10.x, 11.0), as CUTLASS's Sm80 default.
using LargeTiles = Tiles<128, 256, 2, 4, 3>;
// 128 x 128, 4 warps of 64 x 64, 3 stages: 96 KiB, within the 99 KiB of
// 8.6, 8.9 and 12.x.
using MediumTiles = Tiles<128, 128, 2, 2, 3>;

// The shared memory a block may opt in to on the GPUs the variant serves.
constexpr int kSharedOptIn80 = 163 * 1024;   // 8.0, 8.7
constexpr int kSharedOptIn86 = 99 * 1024;    // 8.6, 8.9, 12.x
constexpr int kSharedOptIn90 = 227 * 1024;   // 9.0, 10.x, 11.0

// How a CTA's threads copy a Rows x Cols tile (Cols a multiple of 64)
// from global memory: 16-byte chunks, CopyRowsPerPass rows per pass, each
// thread always the same chunk column and rows CopyRowsPerPass apart, so a
// pointer and a bound per thread serve every pass and every k step.
template <int Rows, int Cols, int Threads>
struct TileCopy {
  static constexpr int ChunksPerRow = Cols / 8;
  static constexpr int RowsPerPass = Threads / ChunksPerRow;
  static constexpr int Passes = Rows / RowsPerPass;
  static_assert(Cols % tiles::kPanelColumns == 0, "tiles are whole 64-column panels");
  static_assert(Threads % ChunksPerRow == 0 && Rows % RowsPerPass == 0, "every thread copies whole passes");
  static_assert(RowsPerPass % 8 == 0, "passes keep a thread's swizzled chunk the same");
  static CUDAENV_TILE_FN int row(int thread, int pass) { return thread / ChunksPerRow + pass * RowsPerPass; }
  static CUDAENV_TILE_FN int col(int thread) { return thread % ChunksPerRow * 8; }
};

// The bytes a 16-byte chunk copies when <cols_left> elements of its row are
// inside the matrix (cp.async zero-fills the rest; 0: nothing is read).
CUDAENV_TILE_FN int chunk_source_bytes(int cols_left) {
  return cols_left >= 8 ? 16 : (cols_left > 0 ? 2 * cols_left : 0);
}

// Split-K: how many slices of K the grid is cut into so that a problem of
// few output tiles still fills the GPU (twice its SMs in CTAs), with at
// least 4 k steps of BK per slice and at most 16 slices.
CUDAENV_TILE_FN int splitk_slices(std::int64_t output_tiles, int sms, std::int64_t k_tiles) {
  if (output_tiles >= sms || k_tiles < 8) return 1;
  std::int64_t slices = (2 * static_cast<std::int64_t>(sms) + output_tiles - 1) / output_tiles;
  if (slices > k_tiles / 4) slices = k_tiles / 4;
  if (slices > 16) slices = 16;
  return slices < 1 ? 1 : static_cast<int>(slices);
}

// The k steps of slice <slice> when <k_tiles> are cut into <slices>: the
// first <k_tiles % slices> slices take one more.
struct KRange {
  std::int64_t first, count;
};
CUDAENV_TILE_FN KRange slice_k_tiles(std::int64_t k_tiles, int slices, int slice) {
  const std::int64_t base = k_tiles / slices, extra = k_tiles % slices;
  const std::int64_t first = slice * base + (slice < extra ? slice : extra);
  return {first, base + (slice < extra ? 1 : 0)};
}

// Groups of 8 tile rows for L2 reuse (tiles::grouped_tile).
constexpr int kRasterGroup = 8;

}  // namespace cudaenv::kernels::gemm_tiles
