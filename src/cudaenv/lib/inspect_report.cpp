#include "cudaenv/inspect_report.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <regex>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace cudaenv {
namespace {

using nlohmann::json;

json version_or_null(const std::optional<Version>& version) { return version ? json(version->str()) : json(nullptr); }

json floor_json(const DriverFloor& floor) {
  json reasons = json::array();
  for (const auto& reason : floor.reasons) {
    reasons.push_back({{"cuda", reason.cuda.str()},
                       {"driver", reason.driver ? json(reason.driver->str()) : json(nullptr)},
                       {"why", reason.why}});
  }
  const auto top = floor.highest();
  return {{"cuda", top ? json(top->cuda.str()) : json(nullptr)},
          {"driver", top && top->driver ? json(top->driver->str()) : json(nullptr)},
          {"reasons", std::move(reasons)}};
}

json verdict_json(const FileVerdict& verdict) {
  json containers = json::array();
  for (const auto& c : verdict.containers) {
    json kernels = json(nullptr);
    if (c.kernels.known) {
      kernels = json::array();
      for (const auto& name : c.kernels.names) kernels.push_back(demangled(name));
    }
    containers.push_back({{"index", c.index},
                          {"offset", c.container->offset},
                          {"member", c.container->member.empty() ? json(nullptr) : json(c.container->member)},
                          {"section", c.container->section},
                          {"runs", c.verdict.runs},
                          {"counts", c.counts},
                          {"how", c.verdict.how.empty() ? json(nullptr) : json(c.verdict.how)},
                          {"why", c.verdict.why.empty() ? json(nullptr) : json(c.verdict.why)},
                          {"kernels", std::move(kernels)}});
  }
  return {{"outcome", to_string(verdict.outcome)},
          {"runs", verdict.outcome == Outcome::runs},
          {"summary", verdict.summary()},
          {"problems", verdict.problems},
          {"notes", verdict.notes},
          {"containers", std::move(containers)}};
}

bool has_portable_ptx(const FatbinContainer& container) {
  return std::ranges::any_of(container.images, [](const FatbinImage& image) {
    return image.kind == FatbinImage::Kind::ptx && image.variant == 0;
  });
}

// --require-ptx: the containers with kernels that no newer GPU could JIT.
std::vector<std::string> without_portable_ptx(const InspectedFile& file, KernelCache& cache) {
  const bool relocatable_ptx = std::ranges::any_of(file.containers, [](const FatbinContainer& c) {
    return c.relocatable() && has_portable_ptx(c);
  });
  std::vector<std::string> missing;
  int index = 0;
  for (const auto& container : file.containers) {
    ++index;
    if (!loaded_on_its_own(file, container)) continue;
    if (has_portable_ptx(container) || (file.linked && relocatable_ptx)) continue;
    const auto& kernels = cache.of(container);
    if (kernels.known && kernels.names.empty()) continue;
    missing.push_back(container_name(container, index));
  }
  return missing;
}

std::string describe_target(const CheckTarget& target) {
  return target.driver_cuda ? fmt::format("{} with a driver for CUDA {}", target.capability.str(),
                                          target.driver_cuda->str())
                            : fmt::format("{} with any driver new enough", target.capability.str());
}

}  // namespace

std::optional<std::uint64_t> parse_size(const std::string& text) {
  static const std::regex pattern("^([0-9]+(?:\\.[0-9]+)?) *(B|KB|MB|GB|KiB|MiB|GiB|k|K|M|G)?$");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) return std::nullopt;
  // 400 digits is not a size anyone means, and std::stod would throw.
  if (m[1].length() > 24) return std::nullopt;
  const double value = std::stod(m[1].str());
  const std::string unit = m[2].str();
  double scale = 1;
  if (unit == "KB" || unit == "k") scale = 1e3;
  if (unit == "MB" || unit == "M") scale = 1e6;
  if (unit == "GB" || unit == "G") scale = 1e9;
  if (unit == "KiB" || unit == "K") scale = 1024.0;
  if (unit == "MiB") scale = 1024.0 * 1024;
  if (unit == "GiB") scale = 1024.0 * 1024 * 1024;
  if (!(value * scale < 9.2e18)) return std::nullopt;
  return static_cast<std::uint64_t>(std::llround(value * scale));
}

namespace {

FileReport report_of(const InspectedFile& file, const InspectRequest& request, bool as_json, bool stream_images);

}  // namespace

FileReport report_file(const InspectedFile& file, const InspectRequest& request, bool as_json,
                       bool stream_images) {
  FileReport report;
  try {
    report = report_of(file, request, as_json, stream_images);
  } catch (const LimitExceeded& e) {
    report = FileReport{};
    report.unreadable = true;
    report.errors.push_back(fmt::format("{}: {}", file.path, e.what()));
    if (as_json) {
      InspectedFile failed;
      failed.path = file.path;
      failed.error = e.what();
      report.json = file_to_json(failed);
    }
  }
  // Bytes that changed under the reader void everything said about them.
  if (file.changed_while_read()) {
    report = FileReport{};
    report.unreadable = true;
    const std::string error = "it shrank while it was read (overwritten?); nothing can be said about it";
    report.errors.push_back(fmt::format("{}: {}", file.path, error));
    if (as_json) {
      InspectedFile failed;
      failed.path = file.path;
      failed.error = error;
      report.json = file_to_json(failed);
    }
  }
  return report;
}

namespace {

FileReport report_of(const InspectedFile& file, const InspectRequest& request, bool as_json, bool stream_images) {
  FileReport report;
  if (as_json) report.json = file_to_json(file, !stream_images);
  if (!file.error.empty()) {
    report.unreadable = true;
    report.errors.push_back(fmt::format("{}: {}", file.path, file.error));
    return report;
  }
  std::string lines;
  KernelCache kernels(file.budget.get());
  // Verdicts first.
  for (const auto& check : request.checks) {
    const auto verdict = check_file(file, check, Facts::embedded(), &kernels);
    const bool passes = verdict.passes(request.strict);
    report.unreadable |= verdict.outcome == Outcome::cannot_tell;
    report.failed |= !passes && verdict.outcome != Outcome::cannot_tell;
    report.partial |= passes && verdict.outcome == Outcome::partial;
    lines += fmt::format("  check {} ({}): {}\n", check.text, describe_target(check), verdict.summary());
    for (const auto& note : verdict.notes) lines += fmt::format("    note: {}\n", note);
    if (as_json) {
      auto entry = verdict_json(verdict);
      entry["check"] = check.text;
      entry["capability"] = check.capability.str();
      entry["driver_cuda"] = version_or_null(check.driver_cuda);
      report.json["checks"].push_back(std::move(entry));
    }
  }
  json requirements = json::array();
  const auto require = [&](const std::string& what, bool met, const std::string& detail) {
    report.failed |= !met;
    lines += fmt::format("  require {}: {}{}\n", what, met ? "met" : "NOT MET", detail.empty() ? "" : ": " + detail);
    requirements.push_back({{"require", what}, {"met", met}, {"detail", detail}});
  };
  for (const auto& target : request.required) {
    const auto verdict = check_file(file, target, Facts::embedded(), &kernels);
    report.unreadable |= verdict.outcome == Outcome::cannot_tell;
    require(target.text, verdict.outcome == Outcome::runs, verdict.summary());
  }
  const auto floor = minimum_driver(file);
  if (request.driver) {
    const auto top = floor.highest();
    require(fmt::format("driver {}", request.driver->str()), !top || top->cuda <= *request.driver,
            top && top->cuda > *request.driver ? fmt::format("needs {}", floor.text()) : "");
  }
  if (request.require_ptx && !file.containers.empty()) {
    const auto missing = without_portable_ptx(file, kernels);
    require("ptx", missing.empty(),
            missing.empty() ? "" : fmt::format("no portable PTX (for GPUs newer than its SASS) in {}",
                                               fmt::join(missing, ", ")));
  }
  if (!file.containers.empty() && !floor.reasons.empty()) lines += fmt::format("  minimum driver: {}\n", floor.text());
  if (!file.note.empty()) lines += fmt::format("  note: {}\n", file.note);

  // A "cannot tell" verdict already said what the reader cannot see.
  const bool said_unseen = !file.unseen.empty() && !(request.checks.empty() && request.required.empty());
  report.text = file.path + "\n" + lines +
                (said_unseen ? std::string() : images_to_text(file));
  if (as_json) {
    if (!request.required.empty() || request.driver || request.require_ptx) report.json["requirements"] = requirements;
    report.json["minimum_driver"] = floor_json(floor);
  }
  if (request.with_ptx) {
    for (const auto& container : file.containers) {
      for (const auto& image : container.images) {
        if (image.kind != FatbinImage::Kind::ptx) continue;
        std::string ptx;
        try {
          ptx = ptx_text(image, file.budget.get());
        } catch (const std::exception& e) {
          report.unreadable = true;
          report.errors.push_back(fmt::format("{}: {}", file.path, e.what()));
          continue;
        }
        if (as_json) {
          report.json["ptx"].push_back({{"name", image.name()}, {"member", container.member}, {"text", ptx}});
        } else {
          report.text += fmt::format("// ----- {}{} {} (PTX ISA {}) -----\n{}\n", file.path,
                                     container.member.empty() ? "" : "(" + container.member + ")", image.name(),
                                     image.ptx_isa ? image.ptx_isa->str() : "?", ptx);
        }
      }
    }
  }
  return report;
}

}  // namespace

}  // namespace cudaenv
