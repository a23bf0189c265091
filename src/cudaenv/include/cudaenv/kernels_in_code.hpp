// The kernels a piece of GPU code defines: entry functions in a cubin's
// symbol table (STT_FUNC with STO_CUDA_ENTRY), `.entry` directives in PTX.
// nvcc's device-link step adds containers whose cubins define none; the run
// rules ignore such containers, and name the kernels of the ones that fail.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cudaenv/fatbin.hpp"

namespace cudaenv {

struct KernelList {
  bool known = false;              // false: the code could not be read
  std::vector<std::string> names;  // mangled, as the symbol table has them
  std::string error;               // why not known
};

// Entry functions of one cubin (a whole ELF image in memory).
KernelList cubin_kernels(std::string_view elf);
// `.entry` names of PTX text.
KernelList ptx_kernels(std::string_view ptx);
// The kernels of a container: SASS before PTX, smallest first, the first
// image that names any (every image of an honest container comes from the
// same source; a kernel-less decoy beside the real image changes nothing).
// Decompression is charged to `budget` when given.
KernelList container_kernels(const FatbinContainer& container, Budget* budget = nullptr);

// Each container's kernels read once, however many GPUs are checked.
class KernelCache {
 public:
  explicit KernelCache(Budget* budget = nullptr) : budget_(budget) {}
  const KernelList& of(const FatbinContainer& container);

 private:
  Budget* budget_ = nullptr;
  std::map<const FatbinContainer*, KernelList> lists_;
};

}  // namespace cudaenv
