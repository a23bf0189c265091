// CudaEnv's CUDA facts: modules/data/cuda.json, embedded at build time so the
// helper and the CMake modules answer from the same file.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cudaenv/version.hpp"

namespace cudaenv {

struct CapabilityFacts {
  std::string key;          // "8.6", "9.0a", "10.0f"
  std::string generation;   // "Ampere"
  std::string gpus;         // example products
  std::optional<Version> first_toolkit;
  std::optional<Version> last_toolkit;
  bool tegra = false;
  std::optional<Version> min_ptx_isa;
  std::vector<Version> runs_on;  // family (f) targets: the capabilities they run on
  std::optional<int> max_shared_per_block_kb;  // opt-in shared memory per block, where known
};

struct ToolkitFacts {
  Version version;
  std::vector<Version> sass;        // baseline SASS targets
  Version ptx_isa;                  // PTX ISA this release emits
  std::optional<DriverRelease> driver_min;               // full support
  std::optional<DriverRelease> driver_min_minor_compat;  // minor-version compatibility
  int gcc_min = 0, gcc_max = 0, clang_min = 0, clang_max = 0;
};

// What some property of a file's GPU code needs of the driver (cuda.json's
// driver_floors): the CUDA version and driver release, or none known.
struct DriverFloorFact {
  std::optional<Version> cuda;
  std::optional<DriverRelease> driver;
  std::string source;
};

class Facts {
 public:
  // Parses the JSON text of cuda.json; throws std::runtime_error naming
  // what is wrong.
  static Facts parse(std::string_view json);
  // The copy embedded in this build.
  static const Facts& embedded();

  const CapabilityFacts* capability(std::string_view key) const;
  const ToolkitFacts* toolkit(Version version) const;
  // The newest release at or below `version` (for toolkits newer than the file).
  const ToolkitFacts* toolkit_at_or_below(Version version) const;
  // The oldest release whose PTX ISA is at least `isa`: the CUDA version a
  // driver needs to JIT that PTX.
  std::optional<Version> toolkit_for_ptx_isa(Version isa) const;
  // Every capability, by key ("8.6", "9.0a"), in key order.
  const std::map<std::string, CapabilityFacts, std::less<>>& capabilities() const { return capabilities_; }
  // "lz4", "zstd"; nullptr for a compression the file does not list.
  const DriverFloorFact* compression_floor(std::string_view compression) const;
  // Libraries whose SONAME major is the CUDA major ("libcudart", "libcublas").
  const std::vector<std::string>& libraries_of_the_cuda_major() const { return cuda_major_libraries_; }
  // The oldest toolkit whose headers compile against this glibc; nullopt
  // when no glibc release up to `glibc` constrains it.
  std::optional<Version> toolkit_for_glibc(Version glibc) const;
  // A cubin ELF ABI ("code version" 1.8); nullptr: no floor known.
  const DriverFloorFact* code_version_floor(Version code_version) const;

 private:
  std::map<std::string, CapabilityFacts, std::less<>> capabilities_;
  std::map<Version, ToolkitFacts> toolkits_;
  std::map<std::string, DriverFloorFact, std::less<>> compression_floors_;
  std::map<Version, DriverFloorFact> code_version_floors_;
  std::vector<std::string> cuda_major_libraries_;
  std::map<Version, Version> glibc_floors_;  // glibc -> first toolkit that compiles with it
};

}  // namespace cudaenv
