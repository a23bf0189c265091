// Will this code run on that GPU with that driver? The rules, from NVIDIA's
// CUDA C++ Programming Guide and the nvcc documentation: SASS binary
// compatibility (R1: same major, equal or newer minor), arch-specific (R3:
// exactly that GPU) and family (R4: the same family) targets, PTX JIT (R2)
// limited by the driver's PTX ISA (R6).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cudaenv/facts.hpp"
#include "cudaenv/version.hpp"

namespace cudaenv {

// One code object: SASS (sm_86, sm_90a) or PTX (compute_120).
struct CodeImage {
  enum class Kind { sass, ptx };
  Kind kind = Kind::sass;
  Version capability;
  char variant = 0;  // 0, 'a' or 'f'
  std::optional<Version> ptx_isa;  // PTX only: the ISA it needs, when known

  std::string name() const;  // "sm_90a", "compute_120"
};

// One entry of a CMake CUDA_ARCHITECTURES list ("86-real", "90a-real",
// "120", "120-virtual") as the images it produces.
std::optional<std::vector<CodeImage>> images_from_architecture(std::string_view entry);
// A whole list (';' or ',' separated); throws std::invalid_argument naming
// the bad entry.
std::vector<CodeImage> images_from_architectures(std::string_view list);

struct RunVerdict {
  bool runs = false;
  std::string how;  // "SASS sm_86", "JIT from compute_80"
  std::string why;  // why not, when it does not run
};

// Can a GPU of `capability` run `image`? `driver_cuda` is the CUDA version
// the driver supports (nullopt: unknown, PTX then needs the ISA's toolkit).
RunVerdict judge_image(const CodeImage& image, Version capability, std::optional<Version> driver_cuda,
                       const Facts& facts = Facts::embedded());

// The image the driver would pick among `images` (SASS before PTX, newest
// first), or why none fits.
RunVerdict judge_images(const std::vector<CodeImage>& images, Version capability,
                        std::optional<Version> driver_cuda, const Facts& facts = Facts::embedded());

}  // namespace cudaenv
