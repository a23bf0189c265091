#include "cudaenv/toolkit_probe.hpp"

#include <unistd.h>

#include <algorithm>

#include <regex>
#include <sstream>

#include <fmt/format.h>

#include "cudaenv/subprocess.hpp"

namespace cudaenv {
namespace {

bool executable(const std::string& path) { return !path.empty() && access(path.c_str(), X_OK) == 0; }

std::string find_on_path(const std::string& name, const EnvironmentLookup& env) {
  if (name.find('/') != std::string::npos) return executable(name) ? name : std::string();
  std::stringstream path(env("PATH").value_or(""));
  for (std::string dir; std::getline(path, dir, ':');) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/" + name;
    if (executable(candidate)) return candidate;
  }
  return {};
}

}  // namespace

std::optional<std::string> parse_nvcc_release(const std::string& output) {
  static const std::regex release("release [0-9]+\\.[0-9]+, V([0-9]+\\.[0-9]+\\.[0-9]+)");
  std::smatch match;
  if (std::regex_search(output, match, release)) return match[1].str();
  return std::nullopt;
}

std::vector<Version> parse_gpu_code_list(const std::string& output) {
  static const std::regex code("sm_([0-9]+)([0-9])\\b");
  std::vector<Version> versions;
  for (auto it = std::sregex_iterator(output.begin(), output.end(), code); it != std::sregex_iterator(); ++it) {
    if ((*it)[1].length() > 4) continue;  // not an architecture nvcc could name
    versions.push_back({std::stoi((*it)[1].str()), std::stoi((*it)[2].str())});
  }
  std::ranges::sort(versions);
  return versions;
}

ToolkitInfo detect_toolkit(const EnvironmentLookup& env) {
  ToolkitInfo info;
  std::vector<std::string> candidates;
  for (const char* root : {"CUDAToolkit_ROOT", "CUDA_PATH"}) {
    if (auto value = env(root); value && !value->empty()) candidates.push_back(*value + "/bin/nvcc");
  }
  candidates.push_back(find_on_path("nvcc", env));
  candidates.push_back("/usr/local/cuda/bin/nvcc");
  for (const auto& candidate : candidates) {
    if (executable(candidate)) {
      info.nvcc = candidate;
      break;
    }
  }
  if (info.nvcc.empty()) {
    info.error = "no CUDA toolkit: nvcc is not in $CUDAToolkit_ROOT, $CUDA_PATH, PATH or /usr/local/cuda";
    return info;
  }
  ProcessOptions options;
  options.timeout = std::chrono::seconds(30);
  const auto version = run_process({info.nvcc, "--version"}, options);
  const auto release = parse_nvcc_release(version.out);
  if (!release) {
    info.error = fmt::format("{} --version did not report a CUDA release", info.nvcc);
    return info;
  }
  info.full_version = *release;
  info.version = Version::parse(*release);
  info.supported = parse_gpu_code_list(run_process({info.nvcc, "--list-gpu-code"}, options).out);
  info.found = true;
  return info;
}

std::optional<std::pair<std::string, int>> parse_compiler_version(const std::string& output) {
  static const std::regex clang("clang version ([0-9]+)\\.");
  static const std::regex gcc("^\\S*(?:g\\+\\+|gcc|c\\+\\+)\\S* \\([^)]*\\) ([0-9]+)\\.");
  std::smatch match;
  if (std::regex_search(output, match, clang) && match[1].length() <= 4) {
    return std::pair{std::string("clang"), std::stoi(match[1].str())};
  }
  if (std::regex_search(output, match, gcc) && match[1].length() <= 4) {
    return std::pair{std::string("gcc"), std::stoi(match[1].str())};
  }
  return std::nullopt;
}

HostCompiler detect_host_compiler(const EnvironmentLookup& env) {
  HostCompiler compiler;
  const auto chosen = env("CUDAHOSTCXX");
  compiler.path = find_on_path(chosen && !chosen->empty() ? *chosen : "g++", env);
  if (compiler.path.empty()) {
    compiler.error = chosen ? fmt::format("CUDAHOSTCXX={} is not an executable", *chosen)
                            : std::string("no g++ on PATH (nvcc's default host compiler)");
    return compiler;
  }
  ProcessOptions options;
  options.timeout = std::chrono::seconds(10);
  const auto run = run_process({compiler.path, "--version"}, options);
  const auto parsed = parse_compiler_version(run.out);
  if (!parsed) {
    compiler.error = fmt::format("cannot tell which compiler {} is from its --version", compiler.path);
    return compiler;
  }
  compiler.found = true;
  compiler.kind = parsed->first;
  compiler.major = parsed->second;
  return compiler;
}

}  // namespace cudaenv
