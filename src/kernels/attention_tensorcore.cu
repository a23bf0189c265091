// Tensor-core attention forward for capabilities from 8.0, FlashAttention-2
// style: a block holds 64 query rows (16 per warp) and walks the keys in
// tiles of 32. Per tile each warp computes S = Q K^T with WMMA, updates the
// running row max and sum (online softmax), rescales its output rows and
// adds P V with WMMA; no seq x seq matrix is stored. K and V tiles come in
// with cp.async when rows are 16-byte aligned, else element by element.
#include <cuda_pipeline.h>
#include <mma.h>

#include "device_common.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {
namespace {

using namespace detail;
using namespace nvcuda;

constexpr int kWarps = 4;
constexpr int kRows = 16 * kWarps;  // query rows per block
constexpr int kKeys = 32;           // keys per tile
constexpr int kThreads = 32 * kWarps;
constexpr int kScoreStride = kKeys + 4;  // floats
constexpr int kProbStride = kKeys + 8;   // halves

// Shared memory layout, in bytes; every region and row stays 32-byte aligned
// as WMMA loads require.
template <int HeadDim>
struct SharedLayout {
  static constexpr int row = HeadDim + 8;  // halves per Q/K/V row
  static constexpr int out_row = HeadDim + 4;  // floats per O row
  static constexpr int q = 0;
  static constexpr int k = q + kRows * row * 2;
  static constexpr int v = k + kKeys * row * 2;
  static constexpr int scores = v + kKeys * row * 2;  // per warp 16 x kScoreStride floats
  static constexpr int probs = scores + kWarps * 16 * kScoreStride * 4;  // per warp 16 x kProbStride halves
  static constexpr int out = probs + kWarps * 16 * kProbStride * 2;  // per warp 16 x out_row floats
  static constexpr int bytes = out + kWarps * 16 * out_row * 4;
};

// Rows [first, first + count) of Q, K or V (head_dim wide) into shared
// memory; rows at or past seq are zero.
template <int HeadDim>
__device__ void load_rows(std::uint16_t* dst, const std::uint16_t* src, std::int64_t first, int count,
                          const AttentionProblem& p, bool fast) {
  constexpr int chunks_per_row = HeadDim / 8;
  for (int chunk = threadIdx.x; chunk < count * chunks_per_row; chunk += kThreads) {
    const int r = chunk / chunks_per_row, d = (chunk % chunks_per_row) * 8;
    std::uint16_t* to = dst + r * SharedLayout<HeadDim>::row + d;
    const std::int64_t row = first + r;
    if (row < p.seq && fast) {
      __pipeline_memcpy_async(to, src + row * p.seq_stride + d, 16);
    } else {
      for (int e = 0; e < 8; ++e) to[e] = row < p.seq ? src[row * p.seq_stride + d + e] : 0;
    }
  }
}

template <typename T, int HeadDim>
__global__ void __launch_bounds__(kThreads) attention_kernel(AttentionProblem p, float scale_log2) {
#if defined(__CUDA_ARCH__) && __CUDA_ARCH__ < 800
  CUDAENV_KERNEL_WRONG_ARCH();
#else
  using Element = typename T::wmma_type;
  using L = SharedLayout<HeadDim>;
  extern __shared__ __align__(128) unsigned char shared_bytes[];
  auto* q_tile = reinterpret_cast<std::uint16_t*>(shared_bytes + L::q);
  auto* k_tile = reinterpret_cast<std::uint16_t*>(shared_bytes + L::k);
  auto* v_tile = reinterpret_cast<std::uint16_t*>(shared_bytes + L::v);
  const int warp = threadIdx.x / 32, lane = threadIdx.x % 32;
  auto* scores = reinterpret_cast<float*>(shared_bytes + L::scores) + warp * 16 * kScoreStride;
  auto* probs = reinterpret_cast<std::uint16_t*>(shared_bytes + L::probs) + warp * 16 * kProbStride;
  auto* out = reinterpret_cast<float*>(shared_bytes + L::out) + warp * 16 * L::out_row;

  const std::int64_t base = blockIdx.z * p.batch_stride + blockIdx.y * p.head_stride;
  const auto* q = static_cast<const std::uint16_t*>(p.q) + base;
  const auto* k = static_cast<const std::uint16_t*>(p.k) + base;
  const auto* v = static_cast<const std::uint16_t*>(p.v) + base;
  auto* o = static_cast<std::uint16_t*>(p.o) + base;
  // Every row starts 16-byte aligned when the pointers and strides allow.
  const bool fast = is_aligned(p.q, 16) && is_aligned(p.k, 16) && is_aligned(p.v, 16) && p.seq_stride % 8 == 0 &&
                    p.head_stride % 8 == 0 && p.batch_stride % 8 == 0;

  const std::int64_t block_row = static_cast<std::int64_t>(blockIdx.x) * kRows;
  const std::int64_t warp_row = block_row + warp * 16;
  // Each lane pair owns one of the warp's 16 rows; each lane half its columns.
  const int my_row = lane / 2, my_half = lane % 2;
  const std::int64_t row = warp_row + my_row;

  load_rows<HeadDim>(q_tile, q, block_row, kRows, p, fast);
  for (int i = lane; i < 16 * L::out_row; i += 32) out[i] = 0.0f;
  float running_max = -INFINITY, running_sum = 0.0f;

  const std::int64_t key_end = p.causal && block_row + kRows < p.seq ? block_row + kRows : p.seq;
  for (std::int64_t key0 = 0; key0 < key_end; key0 += kKeys) {
    load_rows<HeadDim>(k_tile, k, key0, kKeys, p, fast);
    load_rows<HeadDim>(v_tile, v, key0, kKeys, p, fast);
    __pipeline_commit();
    __pipeline_wait_prior(0);
    __syncthreads();

    if (warp_row < p.seq && !(p.causal && key0 > warp_row + 15)) {
      // S = Q K^T for this warp's 16 rows and the tile's 32 keys.
      const auto* q_rows = reinterpret_cast<const Element*>(q_tile) + warp * 16 * L::row;
#pragma unroll
      for (int j = 0; j < kKeys / 16; ++j) {
        wmma::fragment<wmma::accumulator, 16, 16, 16, float> s;
        wmma::fill_fragment(s, 0.0f);
#pragma unroll
        for (int d = 0; d < HeadDim; d += 16) {
          wmma::fragment<wmma::matrix_a, 16, 16, 16, Element, wmma::row_major> a;
          wmma::fragment<wmma::matrix_b, 16, 16, 16, Element, wmma::col_major> b;
          wmma::load_matrix_sync(a, q_rows + d, L::row);
          wmma::load_matrix_sync(b, reinterpret_cast<const Element*>(k_tile) + j * 16 * L::row + d, L::row);
          wmma::mma_sync(s, a, b, s);
        }
        wmma::store_matrix_sync(scores + j * 16, s, kScoreStride, wmma::mem_row_major);
      }
      __syncwarp();

      // Online softmax for my row over my 16 columns, combined with my partner.
      float x[16];
      float tile_max = -INFINITY;
#pragma unroll
      for (int c = 0; c < 16; ++c) {
        const std::int64_t key = key0 + my_half * 16 + c;
        const bool visible = row < p.seq && key < p.seq && !(p.causal && key > row);
        x[c] = visible ? scores[my_row * kScoreStride + my_half * 16 + c] * scale_log2 : -INFINITY;
        tile_max = fmaxf(tile_max, x[c]);
      }
      tile_max = fmaxf(tile_max, __shfl_xor_sync(0xffffffffu, tile_max, 1));
      const float new_max = fmaxf(running_max, tile_max);
      const bool any = new_max != -INFINITY;  // rows past seq, or nothing visible yet
      const float correction = any ? exp2f(running_max - new_max) : 1.0f;
      float tile_sum = 0.0f;
#pragma unroll
      for (int c = 0; c < 16; ++c) {
        const float prob = x[c] == -INFINITY ? 0.0f : exp2f(x[c] - new_max);
        tile_sum += prob;
        probs[my_row * kProbStride + my_half * 16 + c] = T::from_float(prob);
      }
      tile_sum += __shfl_xor_sync(0xffffffffu, tile_sum, 1);
      running_sum = running_sum * correction + tile_sum;
      running_max = new_max;
      for (int d = my_half * (HeadDim / 2); d < (my_half + 1) * (HeadDim / 2); ++d) {
        out[my_row * L::out_row + d] *= correction;
      }
      __syncwarp();

      // O += P V.
#pragma unroll
      for (int n = 0; n < HeadDim; n += 16) {
        wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
        wmma::load_matrix_sync(acc, out + n, L::out_row, wmma::mem_row_major);
#pragma unroll
        for (int kk = 0; kk < kKeys; kk += 16) {
          wmma::fragment<wmma::matrix_a, 16, 16, 16, Element, wmma::row_major> a;
          wmma::fragment<wmma::matrix_b, 16, 16, 16, Element, wmma::row_major> b;
          wmma::load_matrix_sync(a, reinterpret_cast<const Element*>(probs) + kk, kProbStride);
          wmma::load_matrix_sync(b, reinterpret_cast<const Element*>(v_tile) + kk * L::row + n, L::row);
          wmma::mma_sync(acc, a, b, acc);
        }
        wmma::store_matrix_sync(out + n, acc, L::out_row, wmma::mem_row_major);
      }
      __syncwarp();
    }
    __syncthreads();  // the next tile overwrites K and V
  }

  if (row < p.seq) {
    const float inverse = 1.0f / running_sum;
    for (int d = my_half * (HeadDim / 2); d < (my_half + 1) * (HeadDim / 2); ++d) {
      o[row * p.seq_stride + d] = T::from_float(out[my_row * L::out_row + d] * inverse);
    }
  }
#endif
}

template <typename T, int HeadDim>
cudaError_t launch(const AttentionProblem& p, float scale_log2, cudaStream_t stream) {
  constexpr int bytes = SharedLayout<HeadDim>::bytes;
  const cudaError_t set =
      cudaFuncSetAttribute(attention_kernel<T, HeadDim>, cudaFuncAttributeMaxDynamicSharedMemorySize, bytes);
  if (set != cudaSuccess) return set;
  const dim3 grid(static_cast<unsigned>((p.seq + kRows - 1) / kRows), static_cast<unsigned>(p.heads),
                  static_cast<unsigned>(p.batch));
  attention_kernel<T, HeadDim><<<grid, kThreads, bytes, stream>>>(p, scale_log2);
  return cudaGetLastError();
}

template <typename T>
cudaError_t launch(const AttentionProblem& p, float scale_log2, cudaStream_t stream) {
  return p.head_dim == 64 ? launch<T, 64>(p, scale_log2, stream) : launch<T, 128>(p, scale_log2, stream);
}

}  // namespace

cudaError_t attention(const AttentionProblem& p, cudaStream_t stream) {
  const float scale_log2 = softmax_scale_log2(p);
  return p.type == DataType::f16 ? launch<F16>(p, scale_log2, stream) : launch<BF16>(p, scale_log2, stream);
}

const detail::KernelShape attention_shapes[2] = {{"attention_tensorcore_d64", kThreads, SharedLayout<64>::bytes},
                                                 {"attention_tensorcore_d128", kThreads, SharedLayout<128>::bytes}};

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT

extern "C" const void* CUDAENV_KERNEL_ENTRY() { return cudaenv::kernels::CUDAENV_KERNEL_VARIANT::variant_table(); }
