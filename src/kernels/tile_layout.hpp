// Where every element of a tensor-core tile lives, as constexpr functions
// the kernels call and the host tests check (tests/kernels/tile_layout_test):
// the m16n8k16 fragment maps of the PTX ISA, what ldmatrix hands each lane,
// the lane addresses that make the two agree, the 128-byte XOR swizzle of
// shared-memory tiles and the order CTAs walk the output tiles in.
// No CUDA header is needed: this compiles as plain C++ too.
#pragma once

#if defined(__CUDACC__)
#define CUDAENV_TILE_FN __host__ __device__ constexpr inline
#else
#define CUDAENV_TILE_FN constexpr inline
#endif

namespace cudaenv::kernels::tiles {

struct Coord {
  int row, col;
  CUDAENV_TILE_FN bool operator==(const Coord& other) const { return row == other.row && col == other.col; }
};

// ---- mma.sync.aligned.m16n8k16 fragments (PTX ISA, "Matrix Fragments for
// mma.m16n8k16 with floating point type"). g = lane / 4, t = lane % 4.

// A (16 x 16, row): element <i> (0..7, two per 32-bit register) of <lane>.
CUDAENV_TILE_FN Coord mma_a_element(int lane, int i) {
  return {lane / 4 + 8 * ((i / 2) % 2), 2 * (lane % 4) + i % 2 + 8 * (i / 4)};
}
// B (16 x 8, col): element <i> (0..3) of <lane> as (k, n).
CUDAENV_TILE_FN Coord mma_b_element(int lane, int i) { return {2 * (lane % 4) + i % 2 + 8 * (i / 2), lane / 4}; }
// C and D (16 x 8, fp32): element <i> (0..3) of <lane>.
CUDAENV_TILE_FN Coord mma_c_element(int lane, int i) { return {lane / 4 + 8 * (i / 2), 2 * (lane % 4) + i % 2}; }

// ---- ldmatrix.sync.aligned.m8n8.x4[.trans].b16: lanes 8j..8j+7 give the
// addresses of rows 0..7 of matrix j; register j of <lane> receives, as its
// low (h = 0) and high (h = 1) half, matrix j's element at (row, col) below.
CUDAENV_TILE_FN Coord ldmatrix_element(int lane, int h, bool trans) {
  return trans ? Coord{2 * (lane % 4) + h, lane / 4} : Coord{lane / 4, 2 * (lane % 4) + h};
}

// Which element of a tile stored in shared memory the address of <lane>
// points at, for the four ways an mma operand is fetched with one x4:
// - A 16x16 stored m-major (row-major A: rows m, columns k), no .trans;
// - A 16x16 stored k-major (column-major A: rows k, columns m), .trans;
// - B 16 (k) x 16 (n: two n8 tiles) stored n-major (rows n, columns k),
//   no .trans: registers 0, 1 are the first n8 tile, 2, 3 the second;
// - B stored k-major (rows k, columns n), .trans, registers as above.
// Coordinates are (row, col) of the stored tile.
CUDAENV_TILE_FN Coord ldsm_a_m_major(int lane) { return {lane % 16, 8 * (lane / 16)}; }
CUDAENV_TILE_FN Coord ldsm_a_k_major(int lane) { return {lane % 8 + 8 * (lane / 16), 8 * ((lane / 8) % 2)}; }
CUDAENV_TILE_FN Coord ldsm_b_n_major(int lane) { return {lane % 8 + 8 * (lane / 16), 8 * ((lane / 8) % 2)}; }
CUDAENV_TILE_FN Coord ldsm_b_k_major(int lane) { return {lane % 8 + 8 * ((lane / 8) % 2), 8 * (lane / 16)}; }

// ---- Shared-memory tiles: rows of 64 16-bit elements (128 bytes, eight
// 16-byte chunks); chunk c of row r is stored at chunk c ^ (r % 8), so the
// eight rows an ldmatrix reads, and the eight chunks of one row cp.async
// writes, fall in eight different bank groups. A tile wider than 64 is
// stored as panels of 64 columns, one after the other.
constexpr int kPanelColumns = 64;

CUDAENV_TILE_FN int swizzled_chunk(int row, int chunk) { return chunk ^ (row % 8); }

// Offset in elements of (row, col) in a tile of <rows> rows.
CUDAENV_TILE_FN int tile_offset(int rows, int row, int col) {
  const int panel = col / kPanelColumns, in_panel = col % kPanelColumns;
  return panel * rows * kPanelColumns + row * kPanelColumns + swizzled_chunk(row, in_panel / 8) * 8 + in_panel % 8;
}

// ---- Output tiles in groups of <group> tile rows, so CTAs running at the
// same time share A rows and B columns in L2: CTA <index> of a grid of
// tiles_m x tiles_n computes the tile returned.
CUDAENV_TILE_FN Coord grouped_tile(int index, int tiles_m, int tiles_n, int group) {
  const int per_group = group * tiles_n;
  const int first_m = index / per_group * group;
  const int rows = tiles_m - first_m < group ? tiles_m - first_m : group;
  const int in_group = index % per_group;
  return {first_m + in_group % rows, in_group / rows};
}

}  // namespace cudaenv::kernels::tiles
