// libFuzzer target for the binary reader: any bytes, as a file inspect might
// be given. Everything inspect would do with the result runs too: the
// checks, the output formats, decompressing every compressed image.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <vector>

#include <nlohmann/json.hpp>

#include "cudaenv/detection.hpp"
#include "cudaenv/inspect.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // libelf takes a mutable buffer: give it a copy.
  std::vector<std::byte> bytes(reinterpret_cast<const std::byte*>(data), reinterpret_cast<const std::byte*>(data) + size);
  cudaenv::ReadOptions options;
  options.verify_zstd_cubins = true;
  const auto file = cudaenv::inspect_bytes(cudaenv::Bytes(bytes), "fuzz-input", options);
  for (const auto& container : file.containers) {
    for (const auto& image : container.images) {
      try {
        (void)cudaenv::decompress_payload(image, std::uint64_t{1} << 20);
      } catch (const std::exception&) {
      }
    }
  }
  (void)cudaenv::check_file(file, cudaenv::CheckTarget::parse("8.9@12.4"));
  (void)cudaenv::inspect_to_text(std::span(&file, 1));
  (void)cudaenv::json_text(cudaenv::inspect_to_json({file}));
  return 0;
}
