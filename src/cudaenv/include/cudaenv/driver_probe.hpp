// Finds the CUDA driver and the GPUs this process can use. Everything that
// loads NVML or libcuda runs in a child process (`cudaenv __probe-driver`)
// with a time limit, so a hang, a crash or a broken driver becomes an answer
// ("no usable driver: ...") instead of taking the caller down.
#pragma once

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cudaenv/detection.hpp"

namespace cudaenv {

// Reads an environment variable; nullopt when unset (empty is a value).
using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;
EnvironmentLookup process_environment();

// Settings taken from the environment, validated.
struct ProbeSettings {
  std::chrono::milliseconds timeout{10'000};   // CUDAENV_DETECT_TIMEOUT (seconds)
  std::optional<std::string> override_cuda;    // CUDAENV_OVERRIDE_CUDA, else CONDA_OVERRIDE_CUDA
  std::string override_source;                 // which of the two
  std::optional<std::string> override_cuda_arch;  // CUDAENV_OVERRIDE_CUDA_ARCH, else CONDA_OVERRIDE_CUDA_ARCH
  std::string override_arch_source;            // which of the two
  std::optional<std::string> libcuda;          // CUDAENV_LIBCUDA

  // Throws std::invalid_argument with a message naming the variable.
  static ProbeSettings from_environment(const EnvironmentLookup& env);
};

// Fills detection.driver and detection.gpus; never throws for a machine
// without a (working) driver.
void detect_driver(Detection& detection, const ProbeSettings& settings);

// The child side: probes in this process and prints the protocol that
// detect_driver reads. Returns the exit code.
int run_driver_probe(const EnvironmentLookup& env);

// A name for a CUresult code ("CUDA_ERROR_NO_DEVICE") and what it means
// for detection.
std::string describe_cuda_error(int code);

}  // namespace cudaenv
