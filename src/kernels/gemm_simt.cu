// SIMT GEMM for every capability from 7.5 (gemm_simt.cuh).
#include "gemm_simt.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {

cudaError_t gemm(const GemmProblem& p, cudaStream_t stream) {
  return p.type == DataType::f16 ? simt_gemm::launch<detail::F16>(p, stream) : simt_gemm::launch<detail::BF16>(p, stream);
}

const detail::KernelShape gemm_shape{"gemm_simt", simt_gemm::kThreads, 0};

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT
