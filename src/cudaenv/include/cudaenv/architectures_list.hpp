#pragma once
// `cudaenv architectures`: the architecture list CudaEnv would choose, by
// running the modules' own resolver (cmake -P CudaEnvArchitecturesList.cmake),
// so that the rule exists once, in CMake.
#include <string>
#include <vector>

namespace cudaenv {

// Replaces this process with `cmake -P <script> -- <args>`; returns only
// when that cannot start (the exit code to use, after saying why on stderr).
int exec_architectures_list(const std::vector<std::string>& args);

}  // namespace cudaenv
