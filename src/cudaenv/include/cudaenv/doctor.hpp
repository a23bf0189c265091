// `cudaenv doctor`: what will and will not work on this machine, each
// verdict with its reason and a fix.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cudaenv/compatibility.hpp"
#include "cudaenv/detection.hpp"
#include "cudaenv/facts.hpp"
#include "cudaenv/toolkit_probe.hpp"

namespace cudaenv {

struct Verdict {
  enum class Status { ok, limited, fails, skipped };
  Status status = Status::ok;
  std::string topic;    // "toolkit vs driver", "host compiler", "GPU 0 (NVIDIA H100, 9.0)"
  std::string summary;  // one line, plain words
  std::string reason;   // why (empty for plain ok)
  std::string fix;      // what to do (empty when nothing is needed)
};

struct DoctorInput {
  Detection detection;
  HostCompiler host_compiler;
  std::optional<Version> host_glibc;  // this machine's C library (gnu_get_libc_version)
  std::optional<std::vector<CodeImage>> architectures;  // what this build selects
  bool build_only = false;  // judge building, not running, on this machine
};

std::vector<Verdict> diagnose(const DoctorInput& input, const Facts& facts = Facts::embedded());
bool all_work(const std::vector<Verdict>& verdicts);  // no verdict fails

std::string verdicts_to_text(const std::vector<Verdict>& verdicts);
nlohmann::json verdicts_to_json(const std::vector<Verdict>& verdicts);
std::string verdicts_to_cmake(const std::vector<Verdict>& verdicts);
// The verdicts, with the detection they judged, in one of `cudaenv
// doctor`'s formats: "text", "json" or "cmake"; throws
// std::invalid_argument for any other.
std::string render_verdicts(const std::vector<Verdict>& verdicts, const Detection& detection,
                            std::string_view format);

}  // namespace cudaenv
