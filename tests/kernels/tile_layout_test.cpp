// The tensor-core kernels' element maps checked on the host
// (src/kernels/tile_layout.hpp, gemm_tiles.hpp): every lane's ldmatrix
// address hands it exactly the elements its mma fragment must hold, the
// swizzle is a bijection without bank conflicts for every tile the kernels
// use, every CTA tile and k step is computed once, and the tile constants
// fit the GPUs they are meant for.
#include <catch2/catch_test_macros.hpp>

#include <functional>
#include <set>
#include <string>
#include <vector>

#include "gemm_tiles.hpp"
#include "tile_layout.hpp"

using namespace cudaenv::kernels;
using tiles::Coord;

namespace {

// The stored (row, col) that register <reg>, half <h> of <lane> receives
// from an ldmatrix.x4 whose lanes give the addresses <address>.
Coord delivered(const std::function<Coord(int)>& address, int lane, int reg, int h, bool trans) {
  const Coord in_matrix = tiles::ldmatrix_element(lane, h, trans);
  const Coord row_start = address(8 * reg + in_matrix.row);
  return {row_start.row, row_start.col + in_matrix.col};
}

}  // namespace

TEST_CASE("ldmatrix addresses deliver the m16n8k16 A fragment", "[tiles]") {
  for (int lane = 0; lane < 32; ++lane) {
    for (int reg = 0; reg < 4; ++reg) {
      for (int h = 0; h < 2; ++h) {
        const Coord want = tiles::mma_a_element(lane, 2 * reg + h);  // (m, k)
        // Row-major A: stored (m, k), read as stored.
        CHECK(delivered(tiles::ldsm_a_m_major, lane, reg, h, false) == want);
        // Column-major A: stored (k, m), read with .trans.
        const Coord k_major = delivered(tiles::ldsm_a_k_major, lane, reg, h, true);
        CHECK(Coord{k_major.col, k_major.row} == want);
      }
    }
  }
}

TEST_CASE("ldmatrix addresses deliver two m16n8k16 B fragments", "[tiles]") {
  for (int lane = 0; lane < 32; ++lane) {
    for (int reg = 0; reg < 4; ++reg) {
      for (int h = 0; h < 2; ++h) {
        Coord want = tiles::mma_b_element(lane, 2 * (reg % 2) + h);  // (k, n) in the n8 tile reg / 2
        want.col += 8 * (reg / 2);
        // Row-major B: stored (k, n), read with .trans.
        CHECK(delivered(tiles::ldsm_b_k_major, lane, reg, h, true) == want);
        // Column-major B (or K in attention): stored (n, k), read as stored.
        const Coord n_major = delivered(tiles::ldsm_b_n_major, lane, reg, h, false);
        CHECK(Coord{n_major.col, n_major.row} == want);
      }
    }
  }
}

TEST_CASE("fragment maps cover each tile element once", "[tiles]") {
  std::set<std::pair<int, int>> a, b, c;
  for (int lane = 0; lane < 32; ++lane) {
    for (int i = 0; i < 8; ++i) a.insert({tiles::mma_a_element(lane, i).row, tiles::mma_a_element(lane, i).col});
    for (int i = 0; i < 4; ++i) b.insert({tiles::mma_b_element(lane, i).row, tiles::mma_b_element(lane, i).col});
    for (int i = 0; i < 4; ++i) c.insert({tiles::mma_c_element(lane, i).row, tiles::mma_c_element(lane, i).col});
  }
  CHECK(a.size() == 256);
  CHECK(b.size() == 128);
  CHECK(c.size() == 128);
}

namespace {

// Every element of a rows x cols tile has its own offset inside the tile.
void check_bijection(int rows, int cols) {
  std::vector<int> seen(static_cast<std::size_t>(rows) * cols, 0);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const int offset = tiles::tile_offset(rows, r, c);
      REQUIRE(offset >= 0);
      REQUIRE(offset < rows * cols);
      ++seen[static_cast<std::size_t>(offset)];
    }
  }
  for (int count : seen) REQUIRE(count == 1);
}

// The 16-byte bank group (of eight per 128 bytes) of a chunk's offset.
int bank_group(int offset) { return (offset * 2 / 16) % 8; }

// Eight ldmatrix row addresses (one phase) fall in eight bank groups.
void check_ldmatrix_phases(int rows, int cols, const std::function<Coord(int)>& address, int row0, int col0) {
  for (int phase = 0; phase < 4; ++phase) {
    std::set<int> groups;
    for (int lane = 8 * phase; lane < 8 * phase + 8; ++lane) {
      const Coord at = address(lane);
      groups.insert(bank_group(tiles::tile_offset(rows, row0 + at.row, col0 + at.col)));
    }
    REQUIRE(groups.size() == 8);
  }
}

// A warp's cp.async chunks: each eight consecutive lanes in eight groups.
template <int Rows, int Cols, int Threads>
void check_copies() {
  using Copy = gemm_tiles::TileCopy<Rows, Cols, Threads>;
  std::vector<int> covered(static_cast<std::size_t>(Rows) * Cols, 0);
  for (int pass = 0; pass < Copy::Passes; ++pass) {
    for (int first = 0; first < Threads; first += 8) {
      std::set<int> groups;
      for (int thread = first; thread < first + 8; ++thread) {
        const int r = Copy::row(thread, pass), c = Copy::col(thread);
        groups.insert(bank_group(tiles::tile_offset(Rows, r, c)));
        for (int e = 0; e < 8; ++e) ++covered[static_cast<std::size_t>(r) * Cols + c + e];
      }
      REQUIRE(groups.size() == 8);
    }
  }
  for (int count : covered) REQUIRE(count == 1);  // every element copied once
}

template <typename Tiles>
void check_tiles() {
  INFO("tiles " << Tiles::BM << "x" << Tiles::BN << "x" << Tiles::BK << ", " << Tiles::Stages << " stages");
  STATIC_REQUIRE(Tiles::WM == 64);
  STATIC_REQUIRE(Tiles::WN == 64);
  STATIC_REQUIRE(Tiles::MmaPerLdmatrix >= 4);
  check_bijection(Tiles::BM, Tiles::BK);
  check_bijection(Tiles::BK, Tiles::BM);
  check_bijection(Tiles::BK, Tiles::BN);
  check_bijection(Tiles::BN, Tiles::BK);
  check_copies<Tiles::BM, Tiles::BK, Tiles::Threads>();
  check_copies<Tiles::BK, Tiles::BM, Tiles::Threads>();
  check_copies<Tiles::BK, Tiles::BN, Tiles::Threads>();
  check_copies<Tiles::BN, Tiles::BK, Tiles::Threads>();
  for (int ks = 0; ks < Tiles::KSteps; ++ks) {
    for (int m = 0; m < Tiles::BM; m += 16) {
      check_ldmatrix_phases(Tiles::BM, Tiles::BK, tiles::ldsm_a_m_major, m, 16 * ks);
      check_ldmatrix_phases(Tiles::BK, Tiles::BM, tiles::ldsm_a_k_major, 16 * ks, m);
    }
    for (int n = 0; n < Tiles::BN; n += 16) {
      check_ldmatrix_phases(Tiles::BK, Tiles::BN, tiles::ldsm_b_k_major, 16 * ks, n);
      check_ldmatrix_phases(Tiles::BN, Tiles::BK, tiles::ldsm_b_n_major, n, 16 * ks);
    }
  }
}

}  // namespace

TEST_CASE("the GEMM tiles: swizzle bijective and conflict-free, copies cover each element once", "[tiles]") {
  check_tiles<gemm_tiles::MediumTiles>();
  check_tiles<gemm_tiles::LargeTiles>();
}

TEST_CASE("the GEMM tiles fit the GPUs they are chosen for", "[tiles]") {
  STATIC_REQUIRE(gemm_tiles::MediumTiles::SharedBytes <= gemm_tiles::kSharedOptIn86);
  STATIC_REQUIRE(gemm_tiles::LargeTiles::SharedBytes <= gemm_tiles::kSharedOptIn80);
  STATIC_REQUIRE(gemm_tiles::LargeTiles::SharedBytes > gemm_tiles::kSharedOptIn86);
  // Two medium CTAs per SM where a GPU has 227 KiB (9.0).
  STATIC_REQUIRE(2 * gemm_tiles::MediumTiles::SharedBytes <= gemm_tiles::kSharedOptIn90);
}

TEST_CASE("grouped rasterisation visits every output tile once", "[tiles]") {
  for (int tiles_m : {1, 3, 8, 9, 17}) {
    for (int tiles_n : {1, 2, 7, 32}) {
      std::set<std::pair<int, int>> seen;
      for (int index = 0; index < tiles_m * tiles_n; ++index) {
        const Coord t = tiles::grouped_tile(index, tiles_m, tiles_n, gemm_tiles::kRasterGroup);
        REQUIRE(t.row >= 0);
        REQUIRE(t.row < tiles_m);
        REQUIRE(t.col >= 0);
        REQUIRE(t.col < tiles_n);
        seen.insert({t.row, t.col});
      }
      REQUIRE(seen.size() == static_cast<std::size_t>(tiles_m * tiles_n));
    }
  }
  // Consecutive CTAs share B columns: the first 8 walk down one tile column.
  for (int index = 0; index < 8; ++index) CHECK(tiles::grouped_tile(index, 32, 32, 8).col == 0);
}

TEST_CASE("split-K: slices fill the GPU and cut K into contiguous ranges", "[tiles]") {
  // 16 x 4096 x 4096 on 132 SMs with medium tiles: 32 output tiles, 64 k steps.
  CHECK(gemm_tiles::splitk_slices(32, 132, 64) == 9);
  CHECK(gemm_tiles::splitk_slices(1024, 132, 64) == 1);  // enough tiles already
  CHECK(gemm_tiles::splitk_slices(4, 132, 7) == 1);      // too little K
  CHECK(gemm_tiles::splitk_slices(1, 132, 4096) == 16);  // at most 16
  CHECK(gemm_tiles::splitk_slices(2, 132, 12) == 3);     // at least 4 k steps each
  for (int k_tiles : {1, 4, 7, 64, 65}) {
    for (int slices = 1; slices <= 16 && slices <= k_tiles; ++slices) {
      std::int64_t next = 0;
      for (int slice = 0; slice < slices; ++slice) {
        const gemm_tiles::KRange r = gemm_tiles::slice_k_tiles(k_tiles, slices, slice);
        REQUIRE(r.first == next);
        REQUIRE(r.count >= 1);
        next += r.count;
      }
      REQUIRE(next == k_tiles);
    }
  }
}
