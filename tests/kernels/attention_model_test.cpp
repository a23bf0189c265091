// The tensor-core attention (src/kernels/attention_tensorcore.cu) without a
// GPU: (a) P reuses the S accumulators as its A fragment, element for
// element; (b) every fragment address is the tile offset of its element and
// no shared-memory access has a bank conflict; (c) the kernel's tile loops,
// run on the host by the lane-by-lane model in attention_model.hpp, match
// reference_attention on tiny odd shapes.
#include "attention_model.hpp"

#include <array>
#include <catch2/catch_test_macros.hpp>
#include <cmath>
#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "attention_tiles.hpp"
#include "cudaenv/kernels/kernels.hpp"
#include "kernel_checks.hpp"
#include "tile_layout.hpp"

using namespace cudaenv::kernels;
using namespace cudaenv::kernels::attention_model;
namespace at = cudaenv::kernels::attention_tiles;
namespace tl = cudaenv::kernels::tiles;

namespace {

// ------------------------------------------------------------ (a) P = C as A

TEST_CASE("attention: the S accumulators of two n8 tiles are the A fragment of P V, element for element") {
  for (int lane = 0; lane < 32; ++lane)
    for (int step = 0; step < 4; ++step)
      for (int reg = 0; reg < 4; ++reg)
        for (int h = 0; h < 2; ++h) {
          // A element 2 reg + h of P V's k16 step <step>: (row, key - 16 step).
          const tl::Coord a = tl::mma_a_element(lane, 2 * reg + h);
          // The S element the kernel packs there: (row, key - 8 tile).
          const int tile = at::score_tile(step, reg);
          const tl::Coord c = tl::mma_c_element(lane, at::score_element(reg, h));
          CHECK(a.row == c.row);
          CHECK(16 * step + a.col == 8 * tile + c.col);
        }
}

// ------------------------------------------------- (b) addresses and banks

// The 16-byte bank group (of 8 per 128 bytes) an element offset lies in;
// the dynamic shared memory starts 128-byte aligned.
int bank_group(int element) { return (element / 8) % 8; }

template <int D>
void check_fragment_addresses() {
  using L = at::Tiles<D>;
  INFO("head_dim " << D);
  // The per-lane-base-XOR-constant forms equal the tile offset of the
  // (row, col) each ldmatrix lane must address.
  for (int lane = 0; lane < 32; ++lane) {
    for (int warp = 0; warp < L::kWarps; ++warp)
      for (int atom = 0; atom < L::kAtoms; ++atom)
        for (int step = 0; step < L::kDepthSteps; ++step) {
          const tl::Coord c = tl::ldsm_a_m_major(lane);
          CHECK(at::q_fragment_offset<D>(at::q_lane_offset<D>(warp, lane), atom, step) ==
                L::kQ + tl::tile_offset(L::kRows, warp * L::kRowsPerWarp + atom * 16 + c.row, step * 16 + c.col));
        }
    for (int stage = 0; stage < L::kStages; ++stage) {
      for (int pair = 0; pair < L::kKeys / 16; ++pair)
        for (int step = 0; step < L::kDepthSteps; ++step) {
          const tl::Coord c = tl::ldsm_b_n_major(lane);
          CHECK(at::k_fragment_offset<D>(at::k_lane_offset<D>(lane), stage, pair, step) ==
                L::k_stage(stage) + tl::tile_offset(L::kKeys, pair * 16 + c.row, step * 16 + c.col));
        }
      for (int step = 0; step < L::kKeySteps; ++step)
        for (int pair = 0; pair < D / 16; ++pair) {
          const tl::Coord c = tl::ldsm_b_k_major(lane);
          CHECK(at::v_fragment_offset<D>(at::v_lane_offset<D>(lane), stage, step, pair) ==
                L::v_stage(stage) + tl::tile_offset(L::kKeys, step * 16 + c.row, pair * 16 + c.col));
        }
    }
    for (int warp = 0; warp < L::kWarps; ++warp)
      for (int atom = 0; atom < L::kAtoms; ++atom)
        for (int tile = 0; tile < L::kOutTiles; ++tile)
          for (int half = 0; half < 2; ++half) {
            const tl::Coord c = tl::mma_c_element(lane, 2 * half);
            CHECK(at::out_stage_offset<D>(at::out_lane_offset<D>(warp, lane), atom, tile, half) ==
                  L::kQ + tl::tile_offset(L::kRows, warp * L::kRowsPerWarp + atom * 16 + c.row, tile * 8 + c.col));
          }
  }
}

// Each ldmatrix phase (matrix j: the addresses of lanes 8j..8j+7) hits 8
// distinct bank groups, and every address is a whole 16-byte chunk.
void check_ldmatrix_phases(const std::array<int, 32>& address, const std::string& what) {
  INFO(what);
  for (int j = 0; j < 4; ++j) {
    std::set<int> groups;
    for (int r = 0; r < 8; ++r) {
      CHECK(address[8 * j + r] % 8 == 0);
      groups.insert(bank_group(address[8 * j + r]));
    }
    CHECK(groups.size() == 8);
  }
}

template <int D>
void check_conflict_free() {
  using L = at::Tiles<D>;
  INFO("head_dim " << D);
  std::array<int, 32> address{};
  for (int warp = 0; warp < L::kWarps; ++warp)
    for (int atom = 0; atom < L::kAtoms; ++atom)
      for (int step = 0; step < L::kDepthSteps; ++step) {
        for (int lane = 0; lane < 32; ++lane)
          address[lane] = at::q_fragment_offset<D>(at::q_lane_offset<D>(warp, lane), atom, step);
        check_ldmatrix_phases(address, "Q");
      }
  for (int stage = 0; stage < L::kStages; ++stage) {
    for (int pair = 0; pair < L::kKeys / 16; ++pair)
      for (int step = 0; step < L::kDepthSteps; ++step) {
        for (int lane = 0; lane < 32; ++lane)
          address[lane] = at::k_fragment_offset<D>(at::k_lane_offset<D>(lane), stage, pair, step);
        check_ldmatrix_phases(address, "K");
      }
    for (int step = 0; step < L::kKeySteps; ++step)
      for (int pair = 0; pair < D / 16; ++pair) {
        for (int lane = 0; lane < 32; ++lane)
          address[lane] = at::v_fragment_offset<D>(at::v_lane_offset<D>(lane), stage, step, pair);
        check_ldmatrix_phases(address, "V");
      }
  }
  // cp.async: a warp's 32 16-byte stores go in 4 phases of 8 lanes; each
  // phase's 8 chunks in distinct bank groups (Q tile and K/V tiles).
  for (int rows : {L::kRows, L::kKeys})
    for (int i = 0; i < at::copy_chunks_per_thread<D>(rows); ++i)
      for (int warp = 0; warp < L::kWarps; ++warp)
        for (int phase = 0; phase < 4; ++phase) {
          std::set<int> groups;
          for (int l = 0; l < 8; ++l) {
            const tl::Coord c = at::copy_chunk<D>(32 * warp + 8 * phase + l, i);
            groups.insert(bank_group(tl::tile_offset(rows, c.row, c.col)));
          }
          CHECK(groups.size() == 8);
        }
  // The output staging: 32 lanes store 32-bit words to 32 distinct banks;
  // the 16-byte reads back, 8 lanes a phase, hit distinct bank groups.
  for (int warp = 0; warp < L::kWarps; ++warp) {
    for (int atom = 0; atom < L::kAtoms; ++atom)
      for (int tile = 0; tile < L::kOutTiles; ++tile)
        for (int half = 0; half < 2; ++half) {
          std::set<int> banks;
          for (int lane = 0; lane < 32; ++lane) {
            const int offset = at::out_stage_offset<D>(at::out_lane_offset<D>(warp, lane), atom, tile, half);
            CHECK(offset % 2 == 0);
            banks.insert((offset / 2) % 32);
          }
          CHECK(banks.size() == 32);
        }
    for (int i = 0; i < at::kOutChunksPerLane<D>; ++i)
      for (int phase = 0; phase < 4; ++phase) {
        std::set<int> groups;
        for (int l = 0; l < 8; ++l) {
          const tl::Coord c = at::out_chunk<D>(8 * phase + l, i);
          groups.insert(bank_group(tl::tile_offset(L::kRows, warp * L::kRowsPerWarp + c.row, c.col)));
        }
        CHECK(groups.size() == 8);
      }
  }
}

TEST_CASE("attention: every fragment address is the tile offset of its element, and no access has a bank conflict") {
  check_fragment_addresses<64>();
  check_fragment_addresses<128>();
  check_conflict_free<64>();
  check_conflict_free<128>();
}

TEST_CASE("attention: shapes fit the 99 KB GPUs and the copies cover every tile exactly once") {
  STATIC_REQUIRE(at::Tiles<64>::kBytes <= at::kSharedLimit);
  STATIC_REQUIRE(at::Tiles<128>::kBytes <= at::kSharedLimit);
  for (int d : {64, 128}) {
    const int rows_q = d == 64 ? at::Tiles<64>::kRows : at::Tiles<128>::kRows;
    const int keys = d == 64 ? at::Tiles<64>::kKeys : at::Tiles<128>::kKeys;
    for (int rows : {rows_q, keys}) {
      std::set<std::pair<int, int>> seen;
      const int per_thread = d == 64 ? at::copy_chunks_per_thread<64>(rows) : at::copy_chunks_per_thread<128>(rows);
      for (int t = 0; t < 128; ++t)
        for (int i = 0; i < per_thread; ++i) {
          const tl::Coord c = d == 64 ? at::copy_chunk<64>(t, i) : at::copy_chunk<128>(t, i);
          seen.insert({c.row, c.col});
        }
      CHECK(static_cast<int>(seen.size()) == rows * d / 8);
      CHECK(per_thread * 128 == rows * d / 8);
    }
  }
}

// ------------------------------------------------------ (c) the tile loops

struct ModelCase {
  int seq;
  bool causal;
  float scale = 0.0f;  // 0: 1/sqrt(d)
  float gain = 1.0f;   // on q and k
};

template <int D>
void check_model(DataType type, const ModelCase& mc, std::mt19937& rng) {
  using L = at::Tiles<D>;
  const int seq = mc.seq;
  const std::int64_t stride = D + 8;  // a gap of NaN after each row
  INFO("d" << D << (type == DataType::f16 ? " f16" : " bf16") << " seq " << seq << (mc.causal ? " causal" : "")
           << " scale " << mc.scale << " gain " << mc.gain);
  // The head's rows with their gaps, plus a row of NaN past seq.
  const std::size_t padded = static_cast<std::size_t>((seq + 1) * stride);
  std::vector<float> q(padded, kNaN), k(padded, kNaN), v(padded, kNaN), o(padded, kNaN);
  std::vector<float> qc(static_cast<std::size_t>(seq * D)), kc(qc.size()), vc(qc.size()), want(qc.size());
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  for (int r = 0; r < seq; ++r)
    for (int d = 0; d < D; ++d) {
      const std::size_t p = static_cast<std::size_t>(r * stride + d), c = static_cast<std::size_t>(r * D + d);
      qc[c] = q[p] = round_to(mc.gain * uniform(rng), type);
      kc[c] = k[p] = round_to(mc.gain * uniform(rng), type);
      vc[c] = v[p] = round_to(uniform(rng), type);
    }
  reference_attention(1, 1, seq, D, qc.data(), kc.data(), vc.data(), want.data(), mc.causal, mc.scale);

  const float scale = mc.scale != 0.0f ? mc.scale : 1.0f / std::sqrt(static_cast<float>(D));
  const Head head{type, seq, mc.causal, scale * 1.4426950408889634f, q.data(), k.data(), v.data(), o.data(), stride};
  const int blocks = (seq + L::kRows - 1) / L::kRows;
  for (int block = 0; block < blocks; ++block) run_block<D>(head, block, blocks);

  const checks::Tolerance tol = checks::attention_tolerance(type);
  double diff2 = 0.0, ref2 = 0.0;
  int bad = 0;
  for (int r = 0; r < seq; ++r)
    for (int d = 0; d < D; ++d) {
      const double got = o[static_cast<std::size_t>(r * stride + d)], ref = want[static_cast<std::size_t>(r * D + d)];
      diff2 += (got - ref) * (got - ref), ref2 += ref * ref;
      if (!(std::fabs(got - ref) <= tol.atol + tol.rtol * std::fabs(ref))) {
        if (bad++ < 5) UNSCOPED_INFO("row " << r << " col " << d << ": got " << got << ", want " << ref);
      }
    }
  CHECK(bad == 0);
  CHECK(std::sqrt(diff2 / ref2) <= tol.norm);
  // Gaps and the row past seq stay untouched.
  for (std::size_t p = 0; p < padded; ++p) {
    const bool element = p / stride < static_cast<std::size_t>(seq) && p % stride < static_cast<std::size_t>(D);
    if (!element) REQUIRE(std::isnan(o[p]));
  }
}

TEST_CASE("attention: the kernel's tile loops, run on the host, match the reference on odd shapes") {
  std::mt19937 rng(20261207);
  // seq 1: one row; 45: one partial block and partial key tiles; 150: two
  // blocks, the second with warps past seq, several diagonal tiles.
  const ModelCase cases[] = {{1, false}, {1, true}, {45, false}, {45, true}, {150, false}, {150, true}};
  for (DataType type : {DataType::f16, DataType::bf16})
    for (const ModelCase& mc : cases) {
      check_model<64>(type, mc, rng);
      check_model<128>(type, mc, rng);
    }
  // Logits past 100: the running max must be taken off before exp2.
  check_model<64>(DataType::f16, {100, true, 1.0f, 4.0f}, rng);
  check_model<128>(DataType::bf16, {100, false, 1.0f, 4.0f}, rng);
}

TEST_CASE("attention: key tile ranges on hand-computed cases") {
  // Not causal: every tile but a partial last one is unmasked.
  CHECK(at::key_tiles(150, 0, false, 128, 64).full == 2);
  CHECK(at::key_tiles(150, 0, false, 128, 64).total == 3);
  CHECK(at::key_tiles(128, 0, false, 128, 64).full == 2);
  CHECK(at::key_tiles(128, 0, false, 128, 64).total == 2);
  // Causal, rows 128..255 of 300: keys 0..128 are seen by every row (2 full
  // tiles of 64), keys up to 255 by some (tiles 2 and 3).
  CHECK(at::key_tiles(300, 128, true, 128, 64).full == 2);
  CHECK(at::key_tiles(300, 128, true, 128, 64).total == 4);
  // Causal, first block: only row 0's key 0 is seen by all; tile 0 masked.
  CHECK(at::key_tiles(300, 0, true, 128, 32).full == 0);
  CHECK(at::key_tiles(300, 0, true, 128, 32).total == 4);
  CHECK(at::visible_keys(5, 0, 300, true, 32) == 6);
  CHECK(at::visible_keys(5, 32, 300, true, 32) == 0);
  CHECK(at::visible_keys(100, 64, 70, false, 32) == 6);
}

}  // namespace
