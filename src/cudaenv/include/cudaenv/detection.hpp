// What `cudaenv detect` found: the driver, the GPUs the process sees, the
// toolkit, and the conda/pixi virtual-package view of them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cudaenv/version.hpp"

namespace cudaenv {

struct GpuInfo {
  int index = 0;
  std::string name;
  Version capability;
  std::uint64_t memory_bytes = 0;  // 0: unknown
  std::string uuid;                // "GPU-..." or "MIG-..."; empty: unknown
  bool integrated = false;         // Jetson / Tegra
  bool mig = false;
};

struct DriverInfo {
  bool found = false;                  // a usable driver answered
  std::string version;                 // "580.95.05" (NVML); empty: unknown
  std::optional<Version> cuda_version; // the CUDA version it supports
  std::string source;                  // who answered: "libcuda", "NVML", "CUDAENV_OVERRIDE_CUDA", ...
  std::string library;                 // the driver library loaded
  std::string error;                   // "no usable driver: ..." when !found
};

struct ToolkitInfo {
  bool found = false;
  std::string nvcc;                    // path
  std::optional<Version> version;      // 13.0
  std::string full_version;            // "13.0.88"
  std::vector<Version> supported;      // nvcc --list-gpu-code
  std::string error;
};

struct Detection {
  DriverInfo driver;
  std::vector<GpuInfo> gpus;
  bool gpus_probed = true;  // false when an override skipped the driver probe
  ToolkitInfo toolkit;

  // CUDAENV_OVERRIDE_CUDA_ARCH / CONDA_OVERRIDE_CUDA_ARCH: replaces
  // __cuda_arch, as conda and pixi honour it ("" means absent).
  std::optional<std::string> conda_cuda_arch_override;
  std::string conda_cuda_arch_source;

  // conda/pixi virtual packages: __cuda (driver CUDA version, CEP 30) and
  // __cuda_arch (lowest GPU capability, CEP 46); empty when absent.
  std::string conda_cuda() const;
  std::string conda_cuda_arch() const;
};

nlohmann::json to_json(const Detection& detection);
// One GPU as JSON, the one mapping used by the detection, saved answers and
// the driver probe's child; gpu_from_json is its inverse and throws
// std::invalid_argument naming the field that is wrong.
nlohmann::json to_json(const GpuInfo& gpu);
GpuInfo gpu_from_json(const nlohmann::json& value);
// The inverse of to_json, for an answer saved earlier (`detect --save`);
// throws std::invalid_argument naming the field that is missing or wrong.
Detection detection_from_json(const nlohmann::json& value);
// JSON text of any of cudaenv's answers. Names come from drivers and binary
// files, so bytes that are not UTF-8 are replaced, never fatal.
std::string json_text(const nlohmann::json& value);
std::string to_text(const Detection& detection);
// `set(...)` lines for CMake's include(): CUDAENV_DRIVER_FOUND and friends.
std::string to_cmake(const Detection& detection);
// NAME=value lines a shell can `export` or a CI step can append to
// $GITHUB_ENV: conda/pixi's CONDA_OVERRIDE_CUDA and CONDA_OVERRIDE_CUDA_ARCH
// (so a GPU-less builder resolves packages as this machine would) and
// CudaEnv's own CUDAENV_OVERRIDE_CUDA / CUDAENV_OVERRIDE_CUDA_ARCH.
std::string to_env(const Detection& detection);
// The answer in one of `cudaenv detect`'s formats: "text", "json", "cmake"
// or "env"; throws std::invalid_argument for any other.
std::string render_detection(const Detection& detection, std::string_view format);

}  // namespace cudaenv
