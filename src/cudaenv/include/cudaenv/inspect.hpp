// `cudaenv inspect`: the GPU code inside executables, shared libraries,
// objects, static archives (every member), bare .fatbin and .cubin files,
// and whether a GPU with a given driver can run it.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cudaenv/compatibility.hpp"
#include "cudaenv/fatbin.hpp"

namespace cudaenv {

struct InspectedFile {
  std::string path;
  std::string error;  // unreadable or malformed: the whole file is in doubt
  std::vector<FatbinContainer> containers;
  std::shared_ptr<const void> storage;  // keeps the bytes the images point into
};

// Reads a file from disk (mapped, not copied).
InspectedFile inspect_file(const std::string& path, const ReadOptions& options = {});
// Reads bytes already in memory; `name` is used in messages.
InspectedFile inspect_bytes(Bytes bytes, const std::string& name, const ReadOptions& options = {});

// One --check: a GPU capability and, optionally, the CUDA version its driver
// supports ("8.9@12.4").
struct CheckTarget {
  Version capability;
  std::optional<Version> driver_cuda;
  std::string text;  // as given
  // Accepts 8.9, 89, sm_89, each optionally @X.Y; throws std::invalid_argument.
  static CheckTarget parse(const std::string& text);
};

struct ContainerVerdict {
  const FatbinContainer* container = nullptr;
  RunVerdict verdict;
};

struct FileVerdict {
  bool runs = false;
  bool has_gpu_code = false;
  std::vector<ContainerVerdict> containers;
  std::string summary() const;  // "runs: SASS sm_86" / "will not run: ..."
};

// Every container must have code the GPU can use: kernels live in the
// container they were compiled into.
FileVerdict check_file(const InspectedFile& file, const CheckTarget& target, const Facts& facts = Facts::embedded());

// The images of one container as the run rules see them (LTO-IR, which no
// driver loads, is left out).
std::vector<CodeImage> runnable_images(const FatbinContainer& container);

std::string inspect_to_text(std::span<const InspectedFile> files);
nlohmann::json inspect_to_json(const std::vector<InspectedFile>& files);

}  // namespace cudaenv
