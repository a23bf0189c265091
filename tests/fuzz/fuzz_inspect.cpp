// libFuzzer target for the binary and package readers: any bytes, as a file
// inspect might be given. Everything inspect would do with the result runs
// too: the checks and requirements (reading kernel names), the output
// formats, decompressing every compressed image, and every member of a
// package (zip, tar, compressed streams, nested archives).
#include <cstddef>
#include <cstdint>
#include <exception>
#include <vector>

#include <nlohmann/json.hpp>

#include "cudaenv/detection.hpp"
#include "cudaenv/inspect.hpp"
#include "cudaenv/inspect_report.hpp"
#include "cudaenv/package.hpp"

namespace {

void judge(const cudaenv::InspectedFile& file) {
  for (const auto& container : file.containers) {
    for (const auto& image : container.images) {
      try {
        (void)cudaenv::decompress_payload(image, std::uint64_t{1} << 20);
      } catch (const std::exception&) {
      }
    }
  }
  static const cudaenv::InspectRequest request = [] {
    cudaenv::InspectRequest r;
    r.checks = {cudaenv::CheckTarget::parse("8.9@12.4"), cudaenv::CheckTarget::parse("9.0")};
    r.required = {cudaenv::CheckTarget::parse("8.0")};
    r.require_ptx = true;
    r.driver = cudaenv::Version{12, 4};
    return r;
  }();
  (void)cudaenv::report_file(file, request, false);
  (void)cudaenv::json_text(cudaenv::report_file(file, request, true).json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // libelf takes a mutable buffer: give it a copy.
  std::vector<std::byte> bytes(reinterpret_cast<const std::byte*>(data), reinterpret_cast<const std::byte*>(data) + size);
  cudaenv::ReadOptions options;
  options.verify_zstd_cubins = true;
  const auto file = cudaenv::inspect_bytes(cudaenv::Bytes(bytes), "fuzz-input", options);
  judge(file);
  if (file.not_binary) {
    // Members are held in memory: keep what a fuzzer can make them claim small.
    cudaenv::PackageLimits limits;
    limits.max_member = std::uint64_t{16} << 20;
    cudaenv::inspect_package(cudaenv::Bytes(bytes), "fuzz-input", options, limits,
                             [](cudaenv::InspectedFile&& member) { judge(member); });
  }
  return 0;
}
