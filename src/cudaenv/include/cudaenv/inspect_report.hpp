// What `cudaenv inspect` says about one file: its verdict for each --check
// and each --require of a release check first, then its minimum driver and
// its image table (or the same in JSON).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "cudaenv/inspect.hpp"
#include "cudaenv/verdict.hpp"

namespace cudaenv {

struct InspectRequest {
  std::vector<CheckTarget> checks;    // --check: partial passes unless `strict`
  std::vector<CheckTarget> required;  // --require: every file must run on each (strict)
  bool strict = false;
  bool require_ptx = false;           // every container with kernels carries portable PTX
  std::optional<Version> driver;      // --driver: the oldest driver to support
  bool with_ptx = false;              // print the PTX text
};

struct FileReport {
  std::string text;
  nlohmann::json json;
  bool unreadable = false;  // an error, or code that cannot be judged
  bool failed = false;      // a check or requirement not met
  bool partial = false;     // passed a --check only partly (not strict)
  std::vector<std::string> errors;  // for stderr, once each
};

// `stream_images`: the JSON's "images" is file_to_json's placeholder (see
// inspect.hpp), for a writer that prints the images one by one.
FileReport report_file(const InspectedFile& file, const InspectRequest& request, bool as_json,
                       bool stream_images = false);

// "100MB", "1.5 GiB", "2048" (bytes); nullopt when not a size.
std::optional<std::uint64_t> parse_size(const std::string& text);

}  // namespace cudaenv
