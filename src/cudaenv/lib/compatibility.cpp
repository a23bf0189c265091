#include "cudaenv/compatibility.hpp"

#include <algorithm>
#include <regex>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace cudaenv {
namespace {

// Rule R4: a family (f) target runs on the members the facts file lists, or,
// for a family it does not know, on the same major with an equal or higher minor.
bool in_family(const CodeImage& image, Version gpu, const Facts& facts) {
  if (const auto* cap = facts.capability(image.capability.str() + "f")) {
    return std::ranges::find(cap->runs_on, gpu) != cap->runs_on.end();
  }
  return gpu.major == image.capability.major && gpu.minor >= image.capability.minor;
}

bool is_tegra(Version capability, const Facts& facts) {
  const auto* cap = facts.capability(capability.str());
  return cap && cap->tegra;
}

RunVerdict judge_sass(const CodeImage& image, Version gpu, const Facts& facts) {
  const std::string name = image.name();
  if (image.variant == 'a') {
    if (gpu == image.capability) return {true, "SASS " + name, ""};
    return {false, "", fmt::format("{} runs only on {} (arch-specific)", name, image.capability.str())};
  }
  if (image.variant == 'f') {
    if (in_family(image, gpu, facts)) return {true, "SASS " + name, ""};
    return {false, "", fmt::format("{} runs only on its family, not on {}", name, gpu.str())};
  }
  if (gpu == image.capability) return {true, "SASS " + name, ""};
  if (gpu.major != image.capability.major || gpu.minor < image.capability.minor) {
    if (image.capability.minor == 9) return {false, "", fmt::format("{} runs only on {}", name, image.capability.str())};
    return {false, "", fmt::format("{} runs only on {}.{} to {}.9", name, image.capability.major,
                                   image.capability.minor, image.capability.major)};
  }
  // Newer minor of the same major: binary compatible on desktop GPUs only.
  if (is_tegra(gpu, facts) || is_tegra(image.capability, facts)) {
    return {false, "", fmt::format("{} does not run on {}: SASS is not binary compatible between "
                                   "Tegra and desktop GPUs or across Tegra minors", name, gpu.str())};
  }
  return {true, "SASS " + name, ""};
}

RunVerdict judge_ptx(const CodeImage& image, Version gpu, std::optional<Version> driver_cuda, const Facts& facts) {
  const std::string name = image.name();
  if (image.variant == 'a' && gpu != image.capability) {
    return {false, "", fmt::format("{} JIT-compiles only for {} (arch-specific)", name, image.capability.str())};
  }
  if (image.variant == 'f' && !in_family(image, gpu, facts)) {
    return {false, "", fmt::format("{} JIT-compiles only for its family, not {}", name, gpu.str())};
  }
  if (gpu < image.capability) {
    return {false, "", fmt::format("{} needs a GPU of capability {} or newer", name, image.capability.str())};
  }
  if (image.ptx_isa) {
    const auto needed = facts.toolkit_for_ptx_isa(*image.ptx_isa);
    if (!needed) {
      return {false, "", fmt::format("{} is PTX ISA {}, newer than any CUDA release CudaEnv knows", name,
                                     image.ptx_isa->str())};
    }
    if (!driver_cuda) {
      return {true, fmt::format("JIT from {} (needs a driver for CUDA {} or newer)", name, needed->str()), ""};
    }
    if (*driver_cuda < *needed) {
      return {false, "", fmt::format("{} is PTX ISA {}, which needs a driver for CUDA {}; this driver "
                                     "supports CUDA {}", name, image.ptx_isa->str(), needed->str(),
                                     driver_cuda->str())};
    }
  }
  return {true, "JIT from " + name, ""};
}

}  // namespace

std::string CodeImage::name() const {
  const int number = capability.sm_number();
  std::string suffix = variant ? std::string(1, variant) : std::string();
  return fmt::format("{}_{}{}", kind == Kind::sass ? "sm" : "compute", number, suffix);
}

std::optional<std::vector<CodeImage>> images_from_architecture(std::string_view entry) {
  static const std::regex pattern("^([0-9]+)([0-9])([af]?)(-real|-virtual)?$");
  std::cmatch match;
  if (!std::regex_match(entry.begin(), entry.end(), match, pattern)) return std::nullopt;
  // Too many digits for a capability is not an architecture either.
  if (match[1].length() > 4) return std::nullopt;
  const Version capability{std::stoi(match[1].str()), std::stoi(match[2].str())};
  const char variant = match[3].length() ? match[3].str()[0] : 0;
  const std::string kind = match[4].str();
  std::vector<CodeImage> images;
  if (kind != "-virtual") images.push_back({CodeImage::Kind::sass, capability, variant, std::nullopt});
  if (kind != "-real") images.push_back({CodeImage::Kind::ptx, capability, variant, std::nullopt});
  return images;
}

std::vector<CodeImage> images_from_architectures(std::string_view list) {
  std::vector<CodeImage> images;
  std::size_t start = 0;
  while (start <= list.size()) {
    const auto end = std::min(list.find_first_of(";,", start), list.size());
    const auto entry = list.substr(start, end - start);
    if (!entry.empty()) {
      auto parsed = images_from_architecture(entry);
      if (!parsed) {
        throw std::invalid_argument(fmt::format(
            "'{}' is not a CUDA_ARCHITECTURES entry (expected 86-real, 90a-real, 120 or 120-virtual)", entry));
      }
      images.insert(images.end(), parsed->begin(), parsed->end());
    }
    start = end + 1;
  }
  return images;
}

RunVerdict judge_image(const CodeImage& image, Version capability, std::optional<Version> driver_cuda,
                       const Facts& facts) {
  return image.kind == CodeImage::Kind::sass ? judge_sass(image, capability, facts)
                                             : judge_ptx(image, capability, driver_cuda, facts);
}

RunVerdict judge_images(const std::vector<CodeImage>& images, Version capability,
                        std::optional<Version> driver_cuda, const Facts& facts) {
  // The driver prefers SASS, then JIT-compiles PTX; newest code first.
  auto ordered = images;
  std::ranges::stable_sort(ordered, [](const CodeImage& a, const CodeImage& b) {
    if (a.kind != b.kind) return a.kind == CodeImage::Kind::sass;
    return b.capability < a.capability;
  });
  std::vector<std::string> reasons;
  for (const auto& image : ordered) {
    auto verdict = judge_image(image, capability, driver_cuda, facts);
    if (verdict.runs) return verdict;
    reasons.push_back(std::move(verdict.why));
  }
  if (reasons.empty()) return {false, "", "there is no GPU code at all"};
  return {false, "", fmt::format("no code for {}: {}", capability.str(), fmt::join(reasons, "; "))};
}

}  // namespace cudaenv
