// Tensor-core GEMM for capabilities from 8.0: the mma.sync pipeline of
// gemm_mma_sync.cuh with the medium tiles (they fit every GPU from 8.0 and
// keep two CTAs per SM where shared memory allows), split-K when the output
// has too few tiles to fill the GPU, and the SIMT kernel for operands that
// are not 16-byte aligned or whose leading dimension is not a multiple of 8.
// Other tiles (gemm_tiles::LargeTiles, ...) are compiled into the benchmark
// sweep only, until a GPU run shows one is faster where it fits: each costs
// a ptxas run per architecture in every build.
#include "gemm_mma_sync.cuh"
#include "gemm_simt.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {
namespace {

using gemm_tiles::MediumTiles;

template <typename T>
cudaError_t run(const GemmProblem& p, cudaStream_t stream) {
  if (!mma_sync_gemm::fits_copies(p)) return simt_gemm::launch<T>(p, stream);
  int device = 0, sms = 0;
  cudaError_t status = cudaGetDevice(&device);
  if (status == cudaSuccess) status = cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device);
  if (status != cudaSuccess) return status;
  return mma_sync_gemm::run<T, MediumTiles>(p, sms, stream);
}

}  // namespace

cudaError_t gemm(const GemmProblem& p, cudaStream_t stream) {
  return p.type == DataType::f16 ? run<detail::F16>(p, stream) : run<detail::BF16>(p, stream);
}

const detail::KernelShape gemm_shape{"gemm_tensorcore", MediumTiles::Threads, MediumTiles::SharedBytes};

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT
