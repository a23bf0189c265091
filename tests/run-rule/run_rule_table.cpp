// Prints the C++ run rule for SASS as a table, one line per image and GPU:
// "<image> <gpu capability> yes|no", for every SASS image the facts name
// (plain, a, f), a family image for every capability without one (a family
// the facts do not know), and every GPU capability the facts know. The
// test tests/run-rule/same-rule.cmake compares it with CudaEnvKernels'
// rule: the kernel library's dispatch and the helper must agree.
#include <cstdio>
#include <string>
#include <vector>

#include "cudaenv/compatibility.hpp"
#include "cudaenv/facts.hpp"

int main() {
  using namespace cudaenv;
  const Facts& facts = Facts::embedded();
  std::vector<Version> gpus;
  std::vector<CodeImage> images;
  for (const auto& [key, cap] : facts.capabilities()) {
    const char last = key.back();
    const char variant = (last == 'a' || last == 'f') ? last : 0;
    const Version capability = Version::parse(variant ? key.substr(0, key.size() - 1) : key).value();
    images.push_back({CodeImage::Kind::sass, capability, variant, std::nullopt});
    if (!variant) {
      gpus.push_back(capability);
      if (!facts.capability(key + "f")) images.push_back({CodeImage::Kind::sass, capability, 'f', std::nullopt});
    }
  }
  for (const auto& image : images) {
    for (const auto gpu : gpus) {
      const bool runs = judge_image(image, gpu, std::nullopt, facts).runs;
      std::printf("%s %s %s\n", image.name().c_str(), gpu.str().c_str(), runs ? "yes" : "no");
    }
  }
  return 0;
}
