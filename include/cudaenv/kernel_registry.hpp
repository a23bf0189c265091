// The registry CudaEnvKernels.cmake generates for a kernel library: the
// variants the build compiled, their code images and the GPUs each image
// runs on; and the rule that picks one for a device. Host-only, no CUDA
// headers, so it can be tested on machines without a GPU.
#pragma once

#include <cstddef>
#include <string>

namespace cudaenv::kernel_registry {

// Best first: code for exactly this GPU, then SASS, then PTX to JIT.
enum class CodeKind { ArchSpecific, Sass, Ptx };

struct Image {
  CodeKind kind;
  const char* name;       // "90a", "86", "compute_90"
  int number;             // 90, 86 (capability major * 10 + minor)
  const int* runs_on;     // capabilities the SASS runs on (from cuda.json); PTX: none
  std::size_t runs_on_count;
};

struct Variant {
  const char* tag;
  const Image* images;
  std::size_t image_count;
  const void* (*entry)();  // the variant's kernel table
};

struct Registry {
  const char* library;
  const Variant* variants;
  std::size_t variant_count;
};

struct Choice {
  const Variant* variant = nullptr;
  const Image* image = nullptr;
  explicit operator bool() const { return variant != nullptr; }
};

inline bool image_runs_on(const Image& image, int capability) {
  if (image.kind == CodeKind::Ptx) return capability >= image.number;
  for (std::size_t i = 0; i < image.runs_on_count; ++i) {
    if (image.runs_on[i] == capability) return true;
  }
  return false;
}

// The variant and image the driver will run on a GPU of <capability>
// (major * 10 + minor): arch-specific code first, then SASS (a later
// variant before an earlier one, then the newest SASS), then PTX.
// accept(variant) can reject variants (shape or alignment limits).
template <typename Accept>
Choice choose(const Registry& registry, int capability, Accept accept) {
  Choice best;
  int best_rank = -1;
  for (std::size_t v = 0; v < registry.variant_count; ++v) {
    const Variant& variant = registry.variants[v];
    if (!accept(variant)) continue;
    for (std::size_t i = 0; i < variant.image_count; ++i) {
      const Image& image = variant.images[i];
      if (!image_runs_on(image, capability)) continue;
      const int kind_rank = image.kind == CodeKind::ArchSpecific ? 2 : image.kind == CodeKind::Sass ? 1 : 0;
      const int rank = (kind_rank * 1000 + static_cast<int>(v)) * 1000 + image.number;
      if (rank > best_rank) {
        best_rank = rank;
        best = Choice{&variant, &image};
      }
    }
  }
  return best;
}

inline Choice choose(const Registry& registry, int capability) {
  return choose(registry, capability, [](const Variant&) { return true; });
}

// "simt: 75 86 90; tensorcore: 86 90 compute_90": for messages.
inline std::string built_code(const Registry& registry) {
  std::string text;
  for (std::size_t v = 0; v < registry.variant_count; ++v) {
    const Variant& variant = registry.variants[v];
    if (!text.empty()) text += "; ";
    text += variant.tag;
    text += ":";
    for (std::size_t i = 0; i < variant.image_count; ++i) {
      text += " ";
      text += variant.images[i].name;
    }
  }
  return text;
}

}  // namespace cudaenv::kernel_registry
