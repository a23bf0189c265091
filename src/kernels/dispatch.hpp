// The dispatcher's choice for a capability, exposed for the tests (which
// run it on fake devices without a GPU).
#pragma once

#include <cudaenv/kernel_registry.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace cudaenv::kernels::detail {

struct VariantTable;

const kernel_registry::Registry& registry();

using AcceptVariant = std::function<bool(const kernel_registry::Variant&)>;

// The tags of the variants that run on a GPU of <capability>, best first
// (the first is what choose() picks); accept() as in choose().
std::vector<std::string> runnable_variants(const kernel_registry::Registry& registry, int capability,
                                           const AcceptVariant& accept);

// The variant named <tag> on a GPU of <capability> (<device> names it in
// messages); an empty Choice and the reason in <error> when it cannot run.
kernel_registry::Choice choose_named(const kernel_registry::Registry& registry, std::string_view tag, int capability,
                                     const AcceptVariant& accept, const std::string& device, std::string& error);

// Whether every kernel of a variant fits the shared memory a block may use.
bool fits_shared_memory(const VariantTable& table, int shared_bytes_per_block);

// The message when nothing in the build runs on a GPU of <capability>.
std::string no_kernel_message(const kernel_registry::Registry& registry, int capability, const std::string& device);

}  // namespace cudaenv::kernels::detail
