// Tensor-core attention forward for capabilities from 8.0, FlashAttention-2
// style, in the PTX of mma_ptx.cuh. A block of 4 warps holds 128 query rows
// (32 per warp) and walks the keys in tiles of 64 (d64) or 32 (d128); the
// sizes and every index function are in attention_tiles.hpp, which the host
// model in tests/kernels/attention_model_test.cpp runs too.
// Per key tile each warp computes S = Q K^T into registers (mma.sync
// m16n8k16, K fragments by ldmatrix), updates the running row max and sum
// in registers (quad shuffles, exp2 with the scale folded in), reuses the S
// accumulators as the A operand of O += P V (V fragments by ldmatrix.trans)
// and keeps O in registers to the end: only Q, K and V pass through shared
// memory. K and V are double-buffered and copied with cp.async: V of the
// next tile is issued before this tile's Q K^T, K of the tile after next
// before this tile's P V. Only the key tiles that need a mask (keys past
// seq, the causal diagonal) run the masked loop. Inputs whose rows are not
// 16-byte aligned (or a scale that is not positive and finite) take the
// SIMT kernel (attention_simt.cuh), one warp per row.
#include <type_traits>

#include "attention_simt.cuh"
#include "attention_tiles.hpp"
#include "device_common.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {
namespace {

using namespace detail;
using namespace attention_tiles;

constexpr int kThreads = Tiles<64>::kThreads;
static_assert(Tiles<128>::kThreads == kThreads, "one block size for both head dims");

// Rows [first, first + Rows) of a [seq][HeadDim] matrix into a swizzled
// shared tile; rows at or past seq are zero-filled (and read nothing: their
// source is the tile's first row, which exists).
template <int Rows, int HeadDim>
__device__ __forceinline__ void copy_tile(std::uint32_t tile, const std::uint16_t* src, int first, int seq,
                                          std::int64_t stride) {
  const std::uint16_t* rows = src + static_cast<std::int64_t>(first) * stride;
  const int inside = seq - first < Rows ? seq - first : Rows;  // first < seq: at least 1
#pragma unroll
  for (int i = 0; i < copy_chunks_per_thread<HeadDim>(Rows); ++i) {
    const Coord c = copy_chunk<HeadDim>(static_cast<int>(threadIdx.x), i);
    const bool in = c.row < inside;
    ptx::cp_async_16(tile + 2 * tiles::tile_offset(Rows, c.row, c.col), rows + (in ? c.row : 0) * stride + c.col,
                     in ? 16 : 0);
  }
}

// 2^x as the one MUFU.EX2 it is (exp2f adds a range fix-up of a compare
// and two multiplies per element for results below 2^-126, which P can
// flush to 0); ex2.approx(-inf) is +0, as masked scores need.
__device__ __forceinline__ float exp2_approx(float x) {
  float y;
  asm("ex2.approx.ftz.f32 %0, %1;\n" : "=f"(y) : "f"(x));
  return y;
}

// What each thread carries from tile to tile: O, and per row (atom a, half
// h: rows g and g + 8 of the atom) the running max of the raw scores and
// this thread's share of the running sum.
template <int HeadDim>
struct Accumulators {
  using L = Tiles<HeadDim>;
  float o[L::kAtoms][L::kOutTiles][4];
  float max[L::kAtoms][2];
  float sum[L::kAtoms][2];
};

// S = Q K^T for the warp's 32 rows and the tile's keys.
template <typename T, int HeadDim>
__device__ __forceinline__ void scores(float (&s)[Tiles<HeadDim>::kAtoms][Tiles<HeadDim>::kScoreTiles][4],
                                       std::uint32_t smem, int stage, int q_lane, int k_lane) {
  using L = Tiles<HeadDim>;
#pragma unroll
  for (int a = 0; a < L::kAtoms; ++a)
#pragma unroll
    for (int n = 0; n < L::kScoreTiles; ++n)
#pragma unroll
      for (int i = 0; i < 4; ++i) s[a][n][i] = 0.0f;
  // At d128 the k16 steps stay a loop: unrolled, ptxas issues the Q and K
  // loads of all eight steps ahead and spills next to the 128 registers of
  // O on some architectures.
  constexpr int kUnroll = HeadDim == 128 ? 1 : L::kDepthSteps;
#pragma unroll kUnroll
  for (int step = 0; step < L::kDepthSteps; ++step) {
    std::uint32_t q[L::kAtoms][4];
#pragma unroll
    for (int a = 0; a < L::kAtoms; ++a) ptx::ldmatrix_x4(q[a], smem + 2 * q_fragment_offset<HeadDim>(q_lane, a, step));
#pragma unroll
    for (int pair = 0; pair < L::kKeys / 16; ++pair) {
      std::uint32_t k[4];
      ptx::ldmatrix_x4(k, smem + 2 * k_fragment_offset<HeadDim>(k_lane, stage, pair, step));
#pragma unroll
      for (int a = 0; a < L::kAtoms; ++a) {
        T::mma(s[a][2 * pair], q[a], k);
        T::mma(s[a][2 * pair + 1], q[a], k + 2);
      }
    }
  }
}

// The online softmax over one tile: mask (Masked tiles only), new row max
// (this thread's elements, then the quad's), P = exp2(S * scale_log2 -
// max * scale_log2) in place of S, O and the sum rescaled by the change of
// the max.
template <bool Masked, int HeadDim>
__device__ __forceinline__ void softmax(float (&s)[Tiles<HeadDim>::kAtoms][Tiles<HeadDim>::kScoreTiles][4],
                                        Accumulators<HeadDim>& acc, float scale_log2, int warp_first_row, int key0,
                                        int seq, bool causal, int lane) {
  using L = Tiles<HeadDim>;
#pragma unroll
  for (int a = 0; a < L::kAtoms; ++a) {
    float max[2] = {acc.max[a][0], acc.max[a][1]};
    int limit[2] = {0, 0};  // visible keys of the row, less this lane's first column
    if constexpr (Masked) {
#pragma unroll
      for (int h = 0; h < 2; ++h) {
        const Coord c = tiles::mma_c_element(lane, 2 * h);
        limit[h] = visible_keys(warp_first_row + a * 16 + c.row, key0, seq, causal, L::kKeys) - c.col;
      }
    }
#pragma unroll
    for (int n = 0; n < L::kScoreTiles; ++n)
#pragma unroll
      for (int i = 0; i < 4; ++i) {
        // Element i's key lies mma_c_element(lane, i).col - mma_c_element(lane, 0).col = i % 2 columns on.
        if constexpr (Masked) {
          if (n * 8 + i % 2 >= limit[i / 2]) s[a][n][i] = -INFINITY;
        }
        max[i / 2] = fmaxf(max[i / 2], s[a][n][i]);
      }
#pragma unroll
    for (int h = 0; h < 2; ++h) {
      max[h] = fmaxf(max[h], __shfl_xor_sync(0xffffffffu, max[h], 1));
      max[h] = fmaxf(max[h], __shfl_xor_sync(0xffffffffu, max[h], 2));
      // A row with nothing visible yet keeps max -inf: subtract 0, not -inf.
      const float offset = max[h] == -INFINITY ? 0.0f : max[h] * scale_log2;
      const float correction = exp2_approx(acc.max[a][h] * scale_log2 - offset);
      acc.max[a][h] = max[h];
      float sum = 0.0f;
#pragma unroll
      for (int n = 0; n < L::kScoreTiles; ++n)
#pragma unroll
        for (int e = 0; e < 2; ++e) {
          float& x = s[a][n][2 * h + e];
          x = exp2_approx(fmaf(x, scale_log2, -offset));
          sum += x;
        }
      acc.sum[a][h] = acc.sum[a][h] * correction + sum;
#pragma unroll
      for (int n = 0; n < L::kOutTiles; ++n) {
        acc.o[a][n][2 * h] *= correction;
        acc.o[a][n][2 * h + 1] *= correction;
      }
    }
  }
}

// O += P V, P straight from the S accumulators (attention_tiles::score_tile).
template <typename T, int HeadDim>
__device__ __forceinline__ void accumulate(const float (&s)[Tiles<HeadDim>::kAtoms][Tiles<HeadDim>::kScoreTiles][4],
                                           Accumulators<HeadDim>& acc, std::uint32_t smem, int stage, int v_lane) {
  using L = Tiles<HeadDim>;
#pragma unroll
  for (int step = 0; step < L::kKeySteps; ++step) {
    std::uint32_t p[L::kAtoms][4];
#pragma unroll
    for (int a = 0; a < L::kAtoms; ++a)
#pragma unroll
      for (int r = 0; r < 4; ++r) {
        const int n = score_tile(step, r);
        p[a][r] = T::pack(s[a][n][score_element(r, 0)], s[a][n][score_element(r, 1)]);
      }
#pragma unroll
    for (int pair = 0; pair < HeadDim / 16; ++pair) {
      std::uint32_t v[4];
      ptx::ldmatrix_x4_trans(v, smem + 2 * v_fragment_offset<HeadDim>(v_lane, stage, step, pair));
#pragma unroll
      for (int a = 0; a < L::kAtoms; ++a) {
        T::mma(acc.o[a][2 * pair], p[a], v);
        T::mma(acc.o[a][2 * pair + 1], p[a], v + 2);
      }
    }
  }
}

template <typename T, int HeadDim>
__global__ void __launch_bounds__(kThreads) attention_kernel(AttentionProblem p, float scale_log2) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 800
  CUDAENV_KERNEL_WRONG_ARCH();
#else
  using L = Tiles<HeadDim>;
  extern __shared__ __align__(128) unsigned char shared_bytes[];
  const std::uint32_t smem = ptx::shared_address(shared_bytes);
  const int warp = static_cast<int>(threadIdx.x) / 32, lane = static_cast<int>(threadIdx.x) % 32;

  // The last row blocks first: under a causal mask they have the most keys.
  // Row and key indices fit an int (the launcher sends longer sequences to
  // the fallback); only pointer offsets are 64-bit.
  const int first_row = static_cast<int>(gridDim.x - 1 - blockIdx.x) * L::kRows;
  const int warp_first_row = first_row + warp * L::kRowsPerWarp;
  const std::int64_t base = blockIdx.z * p.batch_stride + blockIdx.y * p.head_stride;
  const auto* q = static_cast<const std::uint16_t*>(p.q) + base;
  const auto* k = static_cast<const std::uint16_t*>(p.k) + base;
  const auto* v = static_cast<const std::uint16_t*>(p.v) + base;
  auto* o = static_cast<std::uint16_t*>(p.o) + base;
  const int seq = static_cast<int>(p.seq);
  const std::int64_t stride = p.seq_stride;
  const bool causal = p.causal;
  const KeyTiles range = key_tiles(seq, first_row, causal, L::kRows, L::kKeys);
  const int q_lane = q_lane_offset<HeadDim>(warp, lane), k_lane = k_lane_offset<HeadDim>(lane),
            v_lane = v_lane_offset<HeadDim>(lane);

  // Groups in flight: Q, K0, V0, K1; from then on each tile commits one V
  // and one K group (empty past the last tile), so "all but the newest 2"
  // is always the group the next step needs (at the first tile: Q and K0).
  copy_tile<L::kRows, HeadDim>(smem + 2 * L::kQ, q, first_row, seq, stride);
  ptx::cp_async_commit();
  copy_tile<L::kKeys, HeadDim>(smem + 2 * L::k_stage(0), k, 0, seq, stride);
  ptx::cp_async_commit();
  copy_tile<L::kKeys, HeadDim>(smem + 2 * L::v_stage(0), v, 0, seq, stride);
  ptx::cp_async_commit();
  if (range.total > 1) copy_tile<L::kKeys, HeadDim>(smem + 2 * L::k_stage(1), k, L::kKeys, seq, stride);
  ptx::cp_async_commit();

  Accumulators<HeadDim> acc;
#pragma unroll
  for (int a = 0; a < L::kAtoms; ++a) {
#pragma unroll
    for (int n = 0; n < L::kOutTiles; ++n)
#pragma unroll
      for (int i = 0; i < 4; ++i) acc.o[a][n][i] = 0.0f;
#pragma unroll
    for (int h = 0; h < 2; ++h) acc.max[a][h] = -INFINITY, acc.sum[a][h] = 0.0f;
  }

  // One key tile: wait for K, issue the next V, S and softmax; wait for V,
  // issue the K after next, O += P V.
  auto tile = [&](auto masked, int j) {
    constexpr bool kMasked = decltype(masked)::value;
    const int stage = j % 2;
    const int key0 = j * L::kKeys;
    ptx::cp_async_wait<2>();
    __syncthreads();  // K_j is in; every warp is done with V_{j-1}'s stage
    if (j + 1 < range.total)
      copy_tile<L::kKeys, HeadDim>(smem + 2 * L::v_stage(1 - stage), v, key0 + L::kKeys, seq, stride);
    ptx::cp_async_commit();
    const bool computes = warp_computes(warp_first_row, key0, seq, causal, L::kRowsPerWarp);
    float s[L::kAtoms][L::kScoreTiles][4];
    if (computes) {
      scores<T, HeadDim>(s, smem, stage, q_lane, k_lane);
      softmax<kMasked, HeadDim>(s, acc, scale_log2, warp_first_row, key0, seq, causal, lane);
    }
    ptx::cp_async_wait<2>();
    __syncthreads();  // V_j is in; every warp is done with K_j's stage
    if (j + 2 < range.total)
      copy_tile<L::kKeys, HeadDim>(smem + 2 * L::k_stage(stage), k, key0 + 2 * L::kKeys, seq, stride);
    ptx::cp_async_commit();
    if (computes) accumulate<T, HeadDim>(s, acc, smem, stage, v_lane);
  };
  for (int j = 0; j < range.full; ++j) tile(std::false_type{}, j);
  for (int j = range.full; j < range.total; ++j) tile(std::true_type{}, j);

  // O / sum, staged as 16-bit pairs in the warp's own Q rows (no other warp
  // reads them), then written out 16 bytes at a time.
  ptx::cp_async_wait<0>();
  __syncwarp();
  auto* staged = reinterpret_cast<std::uint32_t*>(shared_bytes);
  const int out_lane = out_lane_offset<HeadDim>(warp, lane);
#pragma unroll
  for (int a = 0; a < L::kAtoms; ++a)
#pragma unroll
    for (int h = 0; h < 2; ++h) {
      float sum = acc.sum[a][h];
      sum += __shfl_xor_sync(0xffffffffu, sum, 1);
      sum += __shfl_xor_sync(0xffffffffu, sum, 2);
      const float inverse = sum > 0.0f ? __fdividef(1.0f, sum) : 0.0f;  // sum >= 1 once a key is seen
#pragma unroll
      for (int n = 0; n < L::kOutTiles; ++n) {
        staged[out_stage_offset<HeadDim>(out_lane, a, n, h) / 2] =
            T::pack(acc.o[a][n][2 * h] * inverse, acc.o[a][n][2 * h + 1] * inverse);
      }
    }
  __syncwarp();
  const auto* rows = reinterpret_cast<const uint4*>(shared_bytes);
#pragma unroll
  for (int i = 0; i < kOutChunksPerLane<HeadDim>; ++i) {
    const Coord c = out_chunk<HeadDim>(lane, i);
    const int row = warp_first_row + c.row;
    if (row < seq) {
      const uint4 chunk = rows[(L::kQ + tiles::tile_offset(L::kRows, warp * L::kRowsPerWarp + c.row, c.col)) / 8];
      *reinterpret_cast<uint4*>(o + static_cast<std::int64_t>(row) * stride + c.col) = chunk;
    }
  }
#endif
}

template <typename T, int HeadDim>
cudaError_t launch(const AttentionProblem& p, float scale_log2, cudaStream_t stream) {
  constexpr int bytes = Tiles<HeadDim>::kBytes;
  const cudaError_t set =
      cudaFuncSetAttribute(attention_kernel<T, HeadDim>, cudaFuncAttributeMaxDynamicSharedMemorySize, bytes);
  if (set != cudaSuccess) return set;
  const dim3 grid(static_cast<unsigned>((p.seq + Tiles<HeadDim>::kRows - 1) / Tiles<HeadDim>::kRows),
                  static_cast<unsigned>(p.heads), static_cast<unsigned>(p.batch));
  attention_kernel<T, HeadDim><<<grid, kThreads, bytes, stream>>>(p, scale_log2);
  return cudaGetLastError();
}

// The fast kernel's row and key indices are ints (a tile past the end
// included).
constexpr std::int64_t kMaxFastSeq = (std::int64_t{1} << 31) - 1024;

template <typename T>
cudaError_t launch(const AttentionProblem& p, float scale_log2, cudaStream_t stream) {
  // 16-byte copies need 16-byte aligned rows; the folded scale needs a
  // positive one (the max of S * scale is then scale * the max of S).
  const bool fast = is_aligned(p.q, 16) && is_aligned(p.k, 16) && is_aligned(p.v, 16) && is_aligned(p.o, 16) &&
                    p.seq_stride % 8 == 0 && p.head_stride % 8 == 0 && p.batch_stride % 8 == 0 && scale_log2 > 0.0f &&
                    std::isfinite(scale_log2) && p.seq <= kMaxFastSeq;
  if (fast) return p.head_dim == 64 ? launch<T, 64>(p, scale_log2, stream) : launch<T, 128>(p, scale_log2, stream);
  return simt_attention::launch<T>(p, scale_log2, stream);
}

}  // namespace

cudaError_t attention(const AttentionProblem& p, cudaStream_t stream) {
  const float scale_log2 = softmax_scale_log2(p);
  return p.type == DataType::f16 ? launch<F16>(p, scale_log2, stream) : launch<BF16>(p, scale_log2, stream);
}

const detail::KernelShape attention_shapes[2] = {{"attention_tensorcore_d64", kThreads, Tiles<64>::kBytes},
                                                 {"attention_tensorcore_d128", kThreads, Tiles<128>::kBytes}};

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT

extern "C" const void* CUDAENV_KERNEL_ENTRY() { return cudaenv::kernels::CUDAENV_KERNEL_VARIANT::variant_table(); }
