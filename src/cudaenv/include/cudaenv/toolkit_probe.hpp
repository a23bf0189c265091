// Finds the CUDA toolkit (nvcc) and the host compiler nvcc would use.
#pragma once

#include <optional>
#include <string>

#include "cudaenv/detection.hpp"
#include "cudaenv/driver_probe.hpp"

namespace cudaenv {

// Looks for nvcc in $CUDAToolkit_ROOT, $CUDA_PATH, PATH, /usr/local/cuda;
// asks it for its version and SASS targets.
ToolkitInfo detect_toolkit(const EnvironmentLookup& env);

// Parsers for nvcc's answers, exposed for tests.
std::optional<std::string> parse_nvcc_release(const std::string& version_output);  // "13.0.88"
std::vector<Version> parse_gpu_code_list(const std::string& list_output);           // sm_75 ... -> 7.5 ...

struct HostCompiler {
  bool found = false;
  std::string path;
  std::string kind;  // "gcc" or "clang"
  int major = 0;
  std::string error;
};

// The compiler nvcc uses for host code: $CUDAHOSTCXX, else g++ on PATH.
HostCompiler detect_host_compiler(const EnvironmentLookup& env);
// Parses `<cxx> --version` output into kind and major; nullopt if unknown.
std::optional<std::pair<std::string, int>> parse_compiler_version(const std::string& version_output);

}  // namespace cudaenv
