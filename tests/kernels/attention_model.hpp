// A host model of the tensor-core attention (src/kernels/attention_tensorcore.cu):
// its tile loops as plain C++, lane by lane, calling the same constants and
// index functions as the kernel (attention_tiles.hpp, tile_layout.hpp).
// ldmatrix and mma.sync are emulated from the PTX ISA's fragment maps
// (tiles::ldmatrix_element, mma_*_element); cp.async groups land in shared
// memory only when a wait_group lets them, and a read of shared memory with
// a copy still in flight to it fails (a missing wait or barrier). Used by
// attention_model_test.cpp.
#pragma once

#include <array>
#include <catch2/catch_test_macros.hpp>
#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <vector>

#include "attention_tiles.hpp"
#include "cudaenv/kernels/kernels.hpp"
#include "kernel_checks.hpp"
#include "tile_layout.hpp"

namespace cudaenv::kernels::attention_model {

namespace at = attention_tiles;
namespace tl = tiles;

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

inline float round_to(float x, DataType type) { return checks::from_bits(checks::to_bits(x, type), type); }

// Shared memory of one block, as element values, with the cp.async groups
// in flight: a copy lands at the wait_group that completes its group.
struct SharedMemory {
  std::vector<float> value;
  std::vector<int> pending;  // copies in flight to each element
  struct Copy {
    int to;
    const float* from;  // nullptr: zero fill
  };
  std::deque<std::vector<Copy>> groups;
  std::vector<Copy> open;

  explicit SharedMemory(int elements) : value(static_cast<std::size_t>(elements), kNaN), pending(value.size(), 0) {}

  void cp_async_16(int to, const float* from) {
    REQUIRE(to % 8 == 0);
    REQUIRE(to + 8 <= static_cast<int>(value.size()));
    for (int e = 0; e < 8; ++e) {
      // Two copies in flight to one element: a write-after-write race.
      REQUIRE(pending[static_cast<std::size_t>(to + e)] == 0);
      ++pending[static_cast<std::size_t>(to + e)];
    }
    open.push_back({to, from});
  }
  void commit() {
    groups.push_back(std::move(open));
    open.clear();
  }
  void wait(int newest_left) {
    while (static_cast<int>(groups.size()) > newest_left) {
      for (const Copy& c : groups.front())
        for (int e = 0; e < 8; ++e) {
          value[static_cast<std::size_t>(c.to + e)] = c.from ? c.from[e] : 0.0f;
          --pending[static_cast<std::size_t>(c.to + e)];
        }
      groups.pop_front();
    }
  }
  // A read: nothing may be in flight to it (the copy could land under it).
  float read(int at) const {
    REQUIRE(pending[static_cast<std::size_t>(at)] == 0);
    return value[static_cast<std::size_t>(at)];
  }
};

using Fragment = std::array<std::array<float, 8>, 32>;  // per lane, up to 8 elements
using Accum = std::array<std::array<float, 4>, 32>;     // per lane, 4 fp32

// ldmatrix.x4[.trans]: lanes 8j..8j+7 address matrix j's rows; register j
// of each lane gets ldmatrix_element's (row, col) of matrix j, low then high.
inline Fragment ldmatrix_x4(const SharedMemory& smem, const std::array<int, 32>& address, bool trans) {
  Fragment out{};
  for (int lane = 0; lane < 32; ++lane)
    for (int j = 0; j < 4; ++j)
      for (int h = 0; h < 2; ++h) {
        const tl::Coord e = tl::ldmatrix_element(lane, h, trans);
        out[lane][2 * j + h] = smem.read(address[8 * j + e.row] + e.col);
      }
  return out;
}

// mma.sync m16n8k16: A = elements 0..7 of a, B = elements <b_first>..+3 of
// b (registers 0-1 or 2-3 of an x4), C += A B in fp32.
inline void mma(Accum& c, const Fragment& a, const Fragment& b, int b_first) {
  float A[16][16], B[16][8];
  for (int lane = 0; lane < 32; ++lane) {
    for (int i = 0; i < 8; ++i) {
      const tl::Coord e = tl::mma_a_element(lane, i);
      A[e.row][e.col] = a[lane][i];
    }
    for (int i = 0; i < 4; ++i) {
      const tl::Coord e = tl::mma_b_element(lane, i);
      B[e.row][e.col] = b[lane][b_first + i];
    }
  }
  for (int lane = 0; lane < 32; ++lane)
    for (int i = 0; i < 4; ++i) {
      const tl::Coord e = tl::mma_c_element(lane, i);
      float sum = c[lane][i];
      for (int k = 0; k < 16; ++k) sum += A[e.row][k] * B[k][e.col];
      c[lane][i] = sum;
    }
}

// One head's problem as the kernel sees it: rows of <stride> elements.
struct Head {
  DataType type;
  int seq;
  bool causal;
  float scale_log2;
  const float *q, *k, *v;
  float* o;
  std::int64_t stride;
};

// The kernel's copy_tile.
template <int Rows, int D>
void copy_tile(SharedMemory& smem, int tile, const float* src, int first, int seq, std::int64_t stride) {
  const int inside = seq - first < Rows ? seq - first : Rows;
  for (int thread = 0; thread < at::Tiles<D>::kThreads; ++thread)
    for (int i = 0; i < at::copy_chunks_per_thread<D>(Rows); ++i) {
      const tl::Coord c = at::copy_chunk<D>(thread, i);
      const bool in = c.row < inside;
      smem.cp_async_16(tile + tl::tile_offset(Rows, c.row, c.col),
                       in ? src + (static_cast<std::int64_t>(first) + c.row) * stride + c.col : nullptr);
    }
}

template <int D>
struct Warp {
  using L = at::Tiles<D>;
  int warp;
  std::array<int, 32> q_lane{}, k_lane{}, v_lane{};
  std::array<std::array<Accum, L::kOutTiles>, L::kAtoms> o{};
  float max[32][L::kAtoms][2];
  float sum[32][L::kAtoms][2];
  std::array<std::array<Accum, L::kScoreTiles>, L::kAtoms> s{};

  explicit Warp(int w) : warp(w) {
    for (int lane = 0; lane < 32; ++lane) {
      q_lane[lane] = at::q_lane_offset<D>(warp, lane);
      k_lane[lane] = at::k_lane_offset<D>(lane);
      v_lane[lane] = at::v_lane_offset<D>(lane);
      for (int a = 0; a < L::kAtoms; ++a)
        for (int h = 0; h < 2; ++h) max[lane][a][h] = -INFINITY, sum[lane][a][h] = 0.0f;
    }
    for (auto& atom : o)
      for (auto& tile : atom)
        for (auto& lane : tile) lane.fill(0.0f);
  }

  void scores(const SharedMemory& smem, int stage) {
    for (auto& atom : s)
      for (auto& tile : atom)
        for (auto& lane : tile) lane.fill(0.0f);
    std::array<int, 32> address{};
    for (int step = 0; step < L::kDepthSteps; ++step) {
      std::array<Fragment, L::kAtoms> q;
      for (int a = 0; a < L::kAtoms; ++a) {
        for (int lane = 0; lane < 32; ++lane) address[lane] = at::q_fragment_offset<D>(q_lane[lane], a, step);
        q[a] = ldmatrix_x4(smem, address, false);
      }
      for (int pair = 0; pair < L::kKeys / 16; ++pair) {
        for (int lane = 0; lane < 32; ++lane) address[lane] = at::k_fragment_offset<D>(k_lane[lane], stage, pair, step);
        const Fragment k = ldmatrix_x4(smem, address, false);
        for (int a = 0; a < L::kAtoms; ++a) {
          mma(s[a][2 * pair], q[a], k, 0);
          mma(s[a][2 * pair + 1], q[a], k, 4);
        }
      }
    }
  }

  // The kernel's softmax<Masked>, lane by lane; shuffles read the partner
  // lane's value from before the exchange.
  void softmax(bool masked, const Head& head, int warp_first_row, int key0) {
    for (int a = 0; a < L::kAtoms; ++a) {
      float m[32][2];
      for (int lane = 0; lane < 32; ++lane) {
        int limit[2] = {0, 0};
        if (masked)
          for (int h = 0; h < 2; ++h) {
            const tl::Coord c = tl::mma_c_element(lane, 2 * h);
            limit[h] = at::visible_keys(warp_first_row + a * 16 + c.row, key0, head.seq, head.causal, L::kKeys) - c.col;
          }
        m[lane][0] = max[lane][a][0], m[lane][1] = max[lane][a][1];
        for (int n = 0; n < L::kScoreTiles; ++n)
          for (int i = 0; i < 4; ++i) {
            float& x = s[a][n][lane][i];
            if (masked && n * 8 + i % 2 >= limit[i / 2]) x = -INFINITY;
            m[lane][i / 2] = std::fmax(m[lane][i / 2], x);
          }
      }
      for (int xor_mask : {1, 2}) {
        float before[32][2];
        std::copy(&m[0][0], &m[0][0] + 64, &before[0][0]);
        for (int lane = 0; lane < 32; ++lane)
          for (int h = 0; h < 2; ++h) m[lane][h] = std::fmax(before[lane][h], before[lane ^ xor_mask][h]);
      }
      for (int lane = 0; lane < 32; ++lane)
        for (int h = 0; h < 2; ++h) {
          const float offset = m[lane][h] == -INFINITY ? 0.0f : m[lane][h] * head.scale_log2;
          const float correction = std::exp2(max[lane][a][h] * head.scale_log2 - offset);
          max[lane][a][h] = m[lane][h];
          float tile_sum = 0.0f;
          for (int n = 0; n < L::kScoreTiles; ++n)
            for (int e = 0; e < 2; ++e) {
              float& x = s[a][n][lane][2 * h + e];
              x = std::exp2(std::fma(x, head.scale_log2, -offset));
              tile_sum += x;
            }
          sum[lane][a][h] = sum[lane][a][h] * correction + tile_sum;
          for (int n = 0; n < L::kOutTiles; ++n) {
            o[a][n][lane][2 * h] *= correction;
            o[a][n][lane][2 * h + 1] *= correction;
          }
        }
    }
  }

  void accumulate(const SharedMemory& smem, int stage, DataType type) {
    std::array<int, 32> address{};
    for (int step = 0; step < L::kKeySteps; ++step) {
      std::array<Fragment, L::kAtoms> p{};
      for (int a = 0; a < L::kAtoms; ++a)
        for (int lane = 0; lane < 32; ++lane)
          for (int r = 0; r < 4; ++r)
            for (int h = 0; h < 2; ++h)
              p[a][lane][2 * r + h] = round_to(s[a][at::score_tile(step, r)][lane][at::score_element(r, h)], type);
      for (int pair = 0; pair < D / 16; ++pair) {
        for (int lane = 0; lane < 32; ++lane) address[lane] = at::v_fragment_offset<D>(v_lane[lane], stage, step, pair);
        const Fragment v = ldmatrix_x4(smem, address, true);
        for (int a = 0; a < L::kAtoms; ++a) {
          mma(o[a][2 * pair], p[a], v, 0);
          mma(o[a][2 * pair + 1], p[a], v, 4);
        }
      }
    }
  }
};

// One block of the kernel: blockIdx.x <block> of <blocks>.
template <int D>
void run_block(const Head& head, int block, int blocks) {
  using L = at::Tiles<D>;
  SharedMemory smem(L::kElements);
  const int first_row = (blocks - 1 - block) * L::kRows;
  const at::KeyTiles range = at::key_tiles(head.seq, first_row, head.causal, L::kRows, L::kKeys);
  REQUIRE(range.full <= range.total);
  REQUIRE(range.total >= 1);

  copy_tile<L::kRows, D>(smem, L::kQ, head.q, first_row, head.seq, head.stride);
  smem.commit();
  copy_tile<L::kKeys, D>(smem, L::k_stage(0), head.k, 0, head.seq, head.stride);
  smem.commit();
  copy_tile<L::kKeys, D>(smem, L::v_stage(0), head.v, 0, head.seq, head.stride);
  smem.commit();
  if (range.total > 1) copy_tile<L::kKeys, D>(smem, L::k_stage(1), head.k, L::kKeys, head.seq, head.stride);
  smem.commit();

  std::vector<Warp<D>> warps;
  for (int w = 0; w < L::kWarps; ++w) warps.emplace_back(w);

  // Between two barriers, every thread's copies are issued before any
  // warp's reads are emulated: a read of a stage with a copy in flight to it
  // fails, whatever order the warps would really run in.
  for (int j = 0; j < range.total; ++j) {
    const bool masked = j >= range.full;
    const int stage = j % 2, key0 = j * L::kKeys;
    smem.wait(2);  // + __syncthreads
    if (j + 1 < range.total)
      copy_tile<L::kKeys, D>(smem, L::v_stage(1 - stage), head.v, key0 + L::kKeys, head.seq, head.stride);
    smem.commit();
    std::vector<bool> computes(L::kWarps);
    for (auto& w : warps) {
      const int warp_first_row = first_row + w.warp * L::kRowsPerWarp;
      computes[w.warp] = at::warp_computes(warp_first_row, key0, head.seq, head.causal, L::kRowsPerWarp);
      if (!masked) {
        // An unmasked tile: every row of the block sees every key of it.
        for (int r = 0; r < L::kRows; ++r)
          for (int key = key0; key < key0 + L::kKeys; ++key)
            REQUIRE(at::visible(first_row + r, key, head.seq, head.causal));
      }
      if (computes[w.warp]) {
        w.scores(smem, stage);
        w.softmax(masked, head, warp_first_row, key0);
      } else {
        // A skipped tile: none of the warp's rows sees any of its keys, or
        // the rows lie past seq.
        for (int r = 0; r < L::kRowsPerWarp; ++r)
          for (int key = key0; key < key0 + L::kKeys; ++key)
            REQUIRE((warp_first_row + r >= head.seq || !at::visible(warp_first_row + r, key, head.seq, head.causal)));
      }
    }
    smem.wait(2);  // + __syncthreads
    if (j + 2 < range.total)
      copy_tile<L::kKeys, D>(smem, L::k_stage(stage), head.k, key0 + 2 * L::kKeys, head.seq, head.stride);
    smem.commit();
    for (auto& w : warps)
      if (computes[w.warp]) w.accumulate(smem, stage, head.type);
  }
  // Keys no loop visited are invisible to every row of the block.
  for (int r = first_row; r < first_row + L::kRows && r < head.seq; ++r)
    for (int key = range.total * L::kKeys; key < head.seq; ++key)
      REQUIRE_FALSE(at::visible(r, key, head.seq, head.causal));

  // Epilogue: O / sum staged in the warp's own Q rows, then copied out.
  smem.wait(0);
  for (auto& w : warps) {
    const int warp_first_row = first_row + w.warp * L::kRowsPerWarp;
    for (int a = 0; a < L::kAtoms; ++a)
      for (int h = 0; h < 2; ++h) {
        float total[32];
        for (int lane = 0; lane < 32; ++lane) total[lane] = w.sum[lane][a][h];
        for (int xor_mask : {1, 2}) {
          float before[32];
          std::copy(total, total + 32, before);
          for (int lane = 0; lane < 32; ++lane) total[lane] = before[lane] + before[lane ^ xor_mask];
        }
        for (int lane = 0; lane < 32; ++lane) {
          const float inverse = total[lane] > 0.0f ? 1.0f / total[lane] : 0.0f;
          const int out_lane = at::out_lane_offset<D>(w.warp, lane);
          for (int n = 0; n < L::kOutTiles; ++n) {
            const int at_ = at::out_stage_offset<D>(out_lane, a, n, h);
            // Only the warp's own rows: no other warp reads them.
            const int row = at_ % (L::kRows * tl::kPanelColumns) / tl::kPanelColumns;
            REQUIRE(row / L::kRowsPerWarp == w.warp);
            smem.value[static_cast<std::size_t>(at_)] = round_to(w.o[a][n][lane][2 * h] * inverse, head.type);
            smem.value[static_cast<std::size_t>(at_ + 1)] = round_to(w.o[a][n][lane][2 * h + 1] * inverse, head.type);
          }
        }
      }
    for (int lane = 0; lane < 32; ++lane)
      for (int i = 0; i < at::kOutChunksPerLane<D>; ++i) {
        const tl::Coord c = at::out_chunk<D>(lane, i);
        const int row = warp_first_row + c.row;
        if (row >= head.seq) continue;
        const int from = L::kQ + tl::tile_offset(L::kRows, w.warp * L::kRowsPerWarp + c.row, c.col);
        for (int e = 0; e < 8; ++e)
          head.o[static_cast<std::int64_t>(row) * head.stride + c.col + e] = smem.read(from + e);
      }
  }
}

}  // namespace cudaenv::kernels::attention_model
