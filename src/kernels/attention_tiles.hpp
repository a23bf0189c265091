// The tiles of the FlashAttention-2 style tensor-core attention
// (attention_tensorcore.cu), as named constants and constexpr index
// functions that the kernel calls and the host model in
// tests/kernels/attention_model_test.cpp calls too: the tile sizes per head
// dimension, the shared-memory layout, which thread copies which 16-byte
// chunk, which lane's ldmatrix address points where, which key tiles need
// a mask, and how the score accumulators become the A operand of P V.
// No CUDA header is needed: this compiles as plain C++ too.
#pragma once

#include <cstdint>

#include "tile_layout.hpp"

namespace cudaenv::kernels::attention_tiles {

using tiles::Coord;

// A block of 4 warps holds kRows query rows, 32 per warp (two m16 atoms,
// so every K and V fragment loaded feeds two mma), and walks the keys in
// tiles of kKeys. Q, K and V live in shared memory as rows of HeadDim
// 16-bit elements, 64-column panels with the 128-byte XOR swizzle
// (tiles::tile_offset); K and V have two stages each, so the copy of the
// next tile runs under the current tile's mma.
template <int HeadDim>
struct Tiles {
  static_assert(HeadDim == 64 || HeadDim == 128, "head_dim 64 or 128");
  static constexpr int kHeadDim = HeadDim;
  static constexpr int kWarps = 4;
  static constexpr int kThreads = 32 * kWarps;
  static constexpr int kRowsPerWarp = 32;
  static constexpr int kAtoms = kRowsPerWarp / 16;     // m16 row atoms per warp
  static constexpr int kRows = kWarps * kRowsPerWarp;  // Br
  // Bc: at d128 O takes 128 fp32 registers per thread, so S gets 32 (Bc
  // 32; Bc 64 spills at 255 registers), as FlashAttention-2 runs d128 on
  // 8.6 / 8.9; d64 affords Bc 64.
  static constexpr int kKeys = HeadDim == 128 ? 32 : 64;
  static constexpr int kDepthSteps = HeadDim / 16;   // k16 steps of S = Q K^T
  static constexpr int kKeySteps = kKeys / 16;       // k16 steps of O += P V
  static constexpr int kScoreTiles = kKeys / 8;      // n8 tiles of S per atom
  static constexpr int kOutTiles = HeadDim / 8;      // n8 tiles of O per atom
  static constexpr int kChunksPerRow = HeadDim / 8;  // 16-byte chunks
  static constexpr int kStages = 2;

  // Shared memory, in 16-bit elements: Q, then K stages, then V stages.
  static constexpr int kQElements = kRows * HeadDim;
  static constexpr int kKVElements = kKeys * HeadDim;
  static constexpr int kQ = 0;
  static constexpr int kK = kQ + kQElements;
  static constexpr int kV = kK + kStages * kKVElements;
  static constexpr int kElements = kV + kStages * kKVElements;
  static constexpr int kBytes = 2 * kElements;

  static CUDAENV_TILE_FN int k_stage(int stage) { return kK + stage * kKVElements; }
  static CUDAENV_TILE_FN int v_stage(int stage) { return kV + stage * kKVElements; }
};

// The opt-in shared memory of a block on 8.6 / 8.9 / 12.x, the smallest of
// the GPUs this variant serves.
constexpr int kSharedLimit = 101376;
static_assert(Tiles<64>::kBytes <= kSharedLimit && Tiles<128>::kBytes <= kSharedLimit, "fits 99 KB");

// ---- Copies: chunk <i> of thread <thread> when a tile of rows of <HeadDim>
// elements is copied 16 bytes at a time; eight threads in a row share one
// tile row, so each phase of a warp's copy stores one row's eight chunks.
template <int HeadDim>
CUDAENV_TILE_FN Coord copy_chunk(int thread, int i) {
  const int c = thread + Tiles<HeadDim>::kThreads * i;
  return {c / Tiles<HeadDim>::kChunksPerRow, (c % Tiles<HeadDim>::kChunksPerRow) * 8};
}
template <int HeadDim>
CUDAENV_TILE_FN int copy_chunks_per_thread(int rows) {
  return rows * Tiles<HeadDim>::kChunksPerRow / Tiles<HeadDim>::kThreads;
}

// ---- ldmatrix lane addresses, as element offsets in shared memory.
// Q (rows m, columns d) is the A operand stored m-major; K ([keys][d]) is
// the B operand of Q K^T stored n-major (no .trans): registers 0-1 are key
// n8 tile 2 * pair, 2-3 tile 2 * pair + 1; V ([keys][d]) is the B operand
// of P V stored k-major (.trans): registers 0-1 are d n8 tile 2 * pair,
// 2-3 tile 2 * pair + 1.
//
// Each is written as one offset per lane (*_lane_offset, computed once),
// XOR the swizzle bits of the 16-column step (swizzle_xor: a step of 16
// columns flips chunk bits 1-2, and a lane's row % 8 never changes with
// the step), plus a constant: so the kernel keeps three base registers
// instead of one address per fragment. The host test checks every one
// against tiles::tile_offset of the fragment's (row, col).
CUDAENV_TILE_FN int swizzle_xor(int step16) { return (16 * step16) % tiles::kPanelColumns; }
CUDAENV_TILE_FN int panel_of(int step16) { return 16 * step16 / tiles::kPanelColumns; }

template <int HeadDim>
CUDAENV_TILE_FN int q_lane_offset(int warp, int lane) {
  const Coord c = tiles::ldsm_a_m_major(lane);
  return Tiles<HeadDim>::kQ +
         tiles::tile_offset(Tiles<HeadDim>::kRows, warp * Tiles<HeadDim>::kRowsPerWarp + c.row, c.col);
}
template <int HeadDim>
CUDAENV_TILE_FN int q_fragment_offset(int lane_offset, int atom, int step) {
  return (lane_offset ^ swizzle_xor(step)) + atom * 16 * tiles::kPanelColumns +
         panel_of(step) * Tiles<HeadDim>::kRows * tiles::kPanelColumns;
}
template <int HeadDim>
CUDAENV_TILE_FN int k_lane_offset(int lane) {
  const Coord c = tiles::ldsm_b_n_major(lane);
  return tiles::tile_offset(Tiles<HeadDim>::kKeys, c.row, c.col);
}
template <int HeadDim>
CUDAENV_TILE_FN int k_fragment_offset(int lane_offset, int stage, int pair, int step) {
  return Tiles<HeadDim>::k_stage(stage) + (lane_offset ^ swizzle_xor(step)) + pair * 16 * tiles::kPanelColumns +
         panel_of(step) * Tiles<HeadDim>::kKeys * tiles::kPanelColumns;
}
template <int HeadDim>
CUDAENV_TILE_FN int v_lane_offset(int lane) {
  const Coord c = tiles::ldsm_b_k_major(lane);
  return tiles::tile_offset(Tiles<HeadDim>::kKeys, c.row, c.col);
}
template <int HeadDim>
CUDAENV_TILE_FN int v_fragment_offset(int lane_offset, int stage, int step, int pair) {
  return Tiles<HeadDim>::v_stage(stage) + (lane_offset ^ swizzle_xor(pair)) + step * 16 * tiles::kPanelColumns +
         panel_of(pair) * Tiles<HeadDim>::kKeys * tiles::kPanelColumns;
}

// ---- Which key tiles a block of query rows visits. Tiles [0, full) need
// no mask at all; tiles [full, total) do (keys past seq, or, causal, keys
// past some row of the block): the kernel runs the two ranges as two loops.
struct KeyTiles {
  int full, total;
};
CUDAENV_TILE_FN KeyTiles key_tiles(std::int64_t seq, std::int64_t first_row, bool causal, int rows, int keys) {
  const std::int64_t last_key = causal && first_row + rows < seq ? first_row + rows : seq;  // exclusive
  const std::int64_t unmasked = causal && first_row + 1 < seq ? first_row + 1 : seq;        // keys every row sees
  return {static_cast<int>(unmasked / keys), static_cast<int>((last_key + keys - 1) / keys)};
}
CUDAENV_TILE_FN bool visible(std::int64_t row, std::int64_t key, std::int64_t seq, bool causal) {
  return key < seq && !(causal && key > row);
}
// How many of the keys key0, key0 + 1, ... of a tile of <keys> query row
// <row> sees: key0 + i is visible exactly when i < visible_keys (so a
// masked tile compares small ints, one per element, no 64-bit math).
CUDAENV_TILE_FN int visible_keys(std::int64_t row, std::int64_t key0, std::int64_t seq, bool causal, int keys) {
  std::int64_t n = seq - key0;
  if (causal && row + 1 - key0 < n) n = row + 1 - key0;
  return n < 0 ? 0 : n > keys ? keys : static_cast<int>(n);
}
// A warp skips the mma of a tile none of its rows sees (causal, past its
// last row) and every tile when its rows all lie past seq.
CUDAENV_TILE_FN bool warp_computes(std::int64_t warp_first_row, std::int64_t key0, std::int64_t seq, bool causal,
                                   int rows_per_warp) {
  return warp_first_row < seq && !(causal && key0 > warp_first_row + rows_per_warp - 1);
}

// ---- P from the S accumulators: register <reg> (0..3) of the A fragment
// of P V's k16 step <step> holds, as its low (h = 0) and high (h = 1) half,
// element score_element(reg, h) of S's n8 tile score_tile(step, reg).
CUDAENV_TILE_FN int score_tile(int step, int reg) { return 2 * step + reg / 2; }
CUDAENV_TILE_FN int score_element(int reg, int h) { return 2 * (reg % 2) + h; }

// ---- The output: element pair <half> (elements 2 half, 2 half + 1) of n8
// tile <tile> of atom <atom> is staged, as one 32-bit word, in the warp's
// own rows of the Q region (one offset per lane, XOR the tile's chunk, plus
// a constant, as above); then lane <lane> copies chunk <i> of the warp's
// 32 rows, out_chunk(lane, i), to global memory.
template <int HeadDim>
CUDAENV_TILE_FN int out_lane_offset(int warp, int lane) {
  const Coord c = tiles::mma_c_element(lane, 0);
  return Tiles<HeadDim>::kQ +
         tiles::tile_offset(Tiles<HeadDim>::kRows, warp * Tiles<HeadDim>::kRowsPerWarp + c.row, c.col);
}
template <int HeadDim>
CUDAENV_TILE_FN int out_stage_offset(int lane_offset, int atom, int tile, int half) {
  return (lane_offset ^ (8 * (tile % 8))) + (atom * 16 + half * 8) * tiles::kPanelColumns +
         tile / 8 * Tiles<HeadDim>::kRows * tiles::kPanelColumns;
}
template <int HeadDim>
CUDAENV_TILE_FN Coord out_chunk(int lane, int i) {
  const int c = lane + 32 * i;
  return {c / Tiles<HeadDim>::kChunksPerRow, (c % Tiles<HeadDim>::kChunksPerRow) * 8};
}
template <int HeadDim>
constexpr int kOutChunksPerLane = Tiles<HeadDim>::kRowsPerWarp* Tiles<HeadDim>::kChunksPerRow / 32;

}  // namespace cudaenv::kernels::attention_tiles
