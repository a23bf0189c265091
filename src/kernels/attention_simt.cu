// SIMT attention forward for every capability from 7.5 (attention_simt.cuh).
#include "attention_simt.cuh"

namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT {

cudaError_t attention(const AttentionProblem& p, cudaStream_t stream) {
  const float scale_log2 = softmax_scale_log2(p);
  return p.type == DataType::f16 ? simt_attention::launch<detail::F16>(p, scale_log2, stream)
                                 : simt_attention::launch<detail::BF16>(p, scale_log2, stream);
}

const detail::KernelShape attention_shapes[2] = {{"attention_simt_d64", simt_attention::kThreads, 0},
                                                 {"attention_simt_d128", simt_attention::kThreads, 0}};

}  // namespace cudaenv::kernels::CUDAENV_KERNEL_VARIANT

extern "C" const void* CUDAENV_KERNEL_ENTRY() { return cudaenv::kernels::CUDAENV_KERNEL_VARIANT::variant_table(); }
