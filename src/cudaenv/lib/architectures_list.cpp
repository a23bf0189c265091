#include "cudaenv/architectures_list.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "cudaenv/subprocess.hpp"

#ifndef CUDAENV_LIST_SCRIPT_FROM_BINDIR
#define CUDAENV_LIST_SCRIPT_FROM_BINDIR "../lib/cmake/CudaEnv/CudaEnvArchitecturesList.cmake"
#endif
#ifndef CUDAENV_LIST_SCRIPT_IN_SOURCE
#define CUDAENV_LIST_SCRIPT_IN_SOURCE ""
#endif

namespace cudaenv {

namespace {

// The script beside an installed helper, else the one in the sources it
// was built from.
std::string find_list_script() {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path self = self_executable();
  if (!self.empty()) {
    const fs::path installed = self.parent_path() / CUDAENV_LIST_SCRIPT_FROM_BINDIR;
    if (fs::is_regular_file(installed, ec)) return installed.lexically_normal().string();
  }
  const fs::path source = CUDAENV_LIST_SCRIPT_IN_SOURCE;
  if (!source.empty() && fs::is_regular_file(source, ec)) return source.string();
  return {};
}

}  // namespace

int exec_architectures_list(const std::vector<std::string>& args) {
  const std::string script = find_list_script();
  if (script.empty()) {
    fmt::print(stderr, "cudaenv: CudaEnvArchitecturesList.cmake is neither beside this helper ({}) nor in its sources\n",
               CUDAENV_LIST_SCRIPT_FROM_BINDIR);
    return 2;
  }
  const char* cmake_env = std::getenv("CUDAENV_CMAKE");
  const std::string cmake = cmake_env && *cmake_env ? cmake_env : "cmake";
  std::vector<std::string> words{cmake, "-P", script, "--"};
  words.insert(words.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  fmt::print(stderr, "cudaenv: cannot run '{}' ({}); the list is computed by CMake: put cmake on PATH or set CUDAENV_CMAKE\n",
             cmake, std::strerror(errno));
  return 2;
}

}  // namespace cudaenv
