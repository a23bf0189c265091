// libFuzzer target for the binary and package readers: any bytes, as a file
// inspect might be given. Everything inspect would do with the result runs
// too: the checks and requirements (reading kernel names), the output
// formats, decompressing every compressed image, and every member of a
// package (zip, tar, compressed streams, nested archives), all under one
// budget (limits.hpp) as for a named file. The same bytes also go to the
// text parsers a hostile file or command line reaches: a saved detection
// (JSON), versions, sizes, --check targets, --limit, CMake bracket text.
#include <cstddef>
#include <cstdint>
#include <exception>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cudaenv/cmake_text.hpp"
#include "cudaenv/detection.hpp"
#include "cudaenv/inspect.hpp"
#include "cudaenv/inspect_report.hpp"
#include "cudaenv/limits.hpp"
#include "cudaenv/package.hpp"
#include "cudaenv/version.hpp"

namespace {

// Small enough that no input can make one run slow or large (the fuzz row
// runs with -rss_limit_mb and -timeout).
cudaenv::Limits fuzz_limits() {
  cudaenv::Limits limits;
  limits.decompressed = std::uint64_t{64} << 20;
  limits.member = std::uint64_t{16} << 20;
  limits.image = std::uint64_t{16} << 20;
  return limits;
}

void judge(const cudaenv::InspectedFile& file, cudaenv::Budget& budget) {
  for (const auto& container : file.containers) {
    for (const auto& image : container.images) {
      try {
        (void)cudaenv::decompress_payload(image, std::uint64_t{1} << 20, &budget);
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

void parse_texts(const std::string& text) {
  (void)cudaenv::Version::parse(text);
  (void)cudaenv::DriverRelease::parse(text);
  (void)cudaenv::parse_size(text);
  (void)cudaenv::cmake_bracket(text);
  (void)cudaenv::printable(text);
  cudaenv::Limits limits;
  (void)limits.set(text);
  try {
    (void)cudaenv::CheckTarget::parse(text);
  } catch (const std::invalid_argument&) {
  }
  try {
    (void)cudaenv::detection_from_json(nlohmann::json::parse(text));
  } catch (const std::exception&) {  // parse errors and "not a saved detection"
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // libelf takes a mutable buffer: give it a copy.
  std::vector<std::byte> bytes(reinterpret_cast<const std::byte*>(data), reinterpret_cast<const std::byte*>(data) + size);
  cudaenv::Budget budget(fuzz_limits());
  cudaenv::ReadOptions options;
  options.verify_zstd_cubins = true;
  options.budget = &budget;
  const auto file = cudaenv::inspect_bytes(cudaenv::Bytes(bytes), "fuzz-input", options);
  judge(file, budget);
  if (file.not_binary) {
    cudaenv::inspect_package(cudaenv::Bytes(bytes), "fuzz-input", options,
                             [&](cudaenv::InspectedFile&& member) { judge(member, budget); });
  }
  if (size <= 4096) parse_texts(std::string(reinterpret_cast<const char*>(data), size));
  return 0;
}
