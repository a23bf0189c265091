// The dispatcher's choice for a capability, exposed for the tests (which
// run it on fake devices without a GPU).
#pragma once

#include <cudaenv/kernel_registry.hpp>

#include <string>

namespace cudaenv::kernels::detail {

struct VariantTable;

const kernel_registry::Registry& registry();

// Whether every kernel of a variant fits the shared memory a block may use.
bool fits_shared_memory(const VariantTable& table, int shared_bytes_per_block);

// The message when nothing in the build runs on a GPU of <capability>.
std::string no_kernel_message(const kernel_registry::Registry& registry, int capability, const std::string& device);

}  // namespace cudaenv::kernels::detail
