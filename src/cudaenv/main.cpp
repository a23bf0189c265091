// cudaenv: what CUDA can do on this machine. `detect` reports the driver,
// GPUs and toolkit; `doctor` says what will and will not work, and why;
// `inspect` reads the GPU code in binaries and says where it runs.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cudaenv/compatibility.hpp"
#include "cudaenv/detection.hpp"
#include "cudaenv/doctor.hpp"
#include "cudaenv/driver_probe.hpp"
#include "cudaenv/inspect.hpp"
#include "cudaenv/toolkit_probe.hpp"

#ifndef CUDAENV_VERSION
#define CUDAENV_VERSION "unknown"
#endif

namespace {

using namespace cudaenv;

Detection detect_all(const EnvironmentLookup& env) {
  const auto settings = ProbeSettings::from_environment(env);
  Detection detection;
  detect_driver(detection, settings);
  detection.toolkit = detect_toolkit(env);
  return detection;
}

int run_detect(const std::string& format, const std::string& save_path) {
  const auto env = process_environment();
  const auto detection = detect_all(env);
  if (!save_path.empty()) {
    std::ofstream save(save_path, std::ios::binary | std::ios::trunc);
    save << json_text(to_json(detection)) << "\n";
    if (!save.good()) {
      fmt::print(stderr, "cudaenv detect: cannot write --save {}: {}\n", save_path, std::strerror(errno));
      return 2;
    }
  }
  if (format == "json") {
    fmt::print("{}\n", json_text(to_json(detection)));
  } else if (format == "cmake") {
    fmt::print("{}", to_cmake(detection));
  } else {
    fmt::print("{}", to_text(detection));
  }
  return 0;
}

// A detection saved by `detect --save`, so the doctor need not probe again.
Detection load_detection(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw std::invalid_argument(fmt::format("doctor --detection {}: cannot read it ({}); pass a file written by "
                                            "'cudaenv detect --save <file>', or leave the option out to probe",
                                            path, std::strerror(errno)));
  }
  try {
    return detection_from_json(nlohmann::json::parse(in));
  } catch (const std::exception& e) {
    throw std::invalid_argument(fmt::format("doctor --detection {}: not a saved detection ({}); write it with "
                                            "'cudaenv detect --save <file>'", path, e.what()));
  }
}

int run_doctor(const std::string& format, const std::string& architectures, bool build_only,
               const std::string& detection_path) {
  const auto env = process_environment();
  DoctorInput input;
  if (!architectures.empty()) input.architectures = images_from_architectures(architectures);
  input.detection = detection_path.empty() ? detect_all(env) : load_detection(detection_path);
  input.host_compiler = detect_host_compiler(env);
  input.build_only = build_only;
  const auto verdicts = diagnose(input);
  if (format == "json") {
    auto out = verdicts_to_json(verdicts);
    out["detection"] = to_json(input.detection);
    fmt::print("{}\n", json_text(out));
  } else if (format == "cmake") {
    fmt::print("{}", verdicts_to_cmake(verdicts));
  } else {
    fmt::print("{}\n{}", to_text(input.detection), verdicts_to_text(verdicts));
  }
  return all_work(verdicts) ? 0 : 1;
}

int run_inspect(const std::vector<std::string>& paths, const std::string& format,
                const std::vector<std::string>& check_texts, bool with_ptx, const ReadOptions& options) {
  std::vector<CheckTarget> checks;
  for (const auto& text : check_texts) checks.push_back(CheckTarget::parse(text));
  std::vector<InspectedFile> files;
  for (const auto& path : paths) files.push_back(inspect_file(path, options));

  bool unreadable = false, failed = false;
  const bool as_json = format == "json";
  nlohmann::json json = as_json ? inspect_to_json(files) : nlohmann::json();
  std::string text;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& file = files[i];
    // Each file's table, then its checks and PTX.
    if (!as_json) text += inspect_to_text(std::span(&file, 1));
    if (!file.error.empty()) {
      unreadable = true;
      fmt::print(stderr, "cudaenv inspect: {}: {}\n", file.path, file.error);
      continue;
    }
    for (const auto& check : checks) {
      const auto verdict = check_file(file, check);
      failed = failed || !verdict.runs;
      const auto driver = check.driver_cuda ? fmt::format("a driver for CUDA {}", check.driver_cuda->str())
                                            : std::string("any driver new enough");
      if (as_json) json["files"][i]["checks"].push_back({{"check", check.text},
                                            {"capability", check.capability.str()},
                                            {"driver_cuda", check.driver_cuda ? nlohmann::json(check.driver_cuda->str())
                                                                              : nlohmann::json(nullptr)},
                                            {"runs", verdict.runs},
                                            {"summary", verdict.summary()}});
      text += fmt::format("  check {} ({} with {}): {}\n", check.text, check.capability.str(), driver, verdict.summary());
    }
    if (!with_ptx) continue;
    for (const auto& container : file.containers) {
      for (const auto& image : container.images) {
        if (image.kind != FatbinImage::Kind::ptx) continue;
        std::string ptx;
        try {
          ptx = ptx_text(image);
        } catch (const std::exception& e) {
          unreadable = true;
          fmt::print(stderr, "cudaenv inspect: {}: {}\n", file.path, e.what());
          continue;
        }
        if (as_json) {
          json["files"][i]["ptx"].push_back({{"name", image.name()}, {"member", container.member}, {"text", ptx}});
        } else {
          text += fmt::format("// ----- {}{} {} (PTX ISA {}) -----\n{}\n", file.path,
                              container.member.empty() ? "" : "(" + container.member + ")", image.name(),
                              image.ptx_isa ? image.ptx_isa->str() : "?", ptx);
        }
      }
    }
  }
  if (as_json) {
    fmt::print("{}\n", json_text(json));
  } else {
    fmt::print("{}", text);
  }
  return unreadable ? 2 : failed ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // The driver probe child: no argument parsing, no output but the protocol.
  if (argc == 2 && std::string(argv[1]) == "__probe-driver") return run_driver_probe(process_environment());

  CLI::App app{"cudaenv: the CUDA driver, GPUs and toolkit of this machine, and what will run on them"};
  app.set_version_flag("--version", CUDAENV_VERSION);
  app.require_subcommand(1);

  std::string format = "text";
  auto* detect = app.add_subcommand("detect", "Report the driver, the GPUs this process sees, and the toolkit");
  detect->add_option("--format", format, "Output format")->check(CLI::IsMember({"text", "json", "cmake"}));
  std::string save_path;
  detect->add_option("--save", save_path, "Also write the answer as JSON to this file (for doctor --detection)");

  std::string doctor_format = "text";
  std::string architectures;
  bool build_only = false;
  auto* doctor = app.add_subcommand("doctor", "Say what will and will not work here, with reasons and fixes");
  doctor->add_option("--format", doctor_format, "Output format")->check(CLI::IsMember({"text", "json", "cmake"}));
  doctor->add_option("--architectures", architectures,
                     "The build's CUDA_ARCHITECTURES list (86-real;90a-real;120), to check each GPU");
  doctor->add_flag("--build-only", build_only, "This machine only builds: do not require a driver");
  std::string detection_path;
  doctor->add_option("--detection", detection_path,
                     "Judge a detection saved by 'detect --save' instead of probing the driver again");

  std::vector<std::string> inspect_paths, checks;
  std::string inspect_format = "text";
  bool with_ptx = false;
  auto* inspect = app.add_subcommand("inspect", "List the GPU code in binaries and check where it runs");
  inspect->add_option("files", inspect_paths, "Executables, shared libraries, objects, static archives, .fatbin, .cubin")
      ->required();
  inspect->add_option("--format", inspect_format, "Output format")->check(CLI::IsMember({"text", "json"}));
  inspect->add_option("--check", checks,
                      "A GPU to check, as <capability>[@<driver CUDA version>], e.g. 8.9@12.4 (repeatable)");
  inspect->add_flag("--ptx", with_ptx, "Also print the PTX text (decompressed)");
  ReadOptions read_options;
  inspect->add_flag("--verify-cubins", read_options.verify_zstd_cubins,
                    "Also cross-check zstd-compressed cubins against their entries (slower)");

  // Name an unknown command rather than CLI11's "A subcommand is required".
  const auto known = app.get_subcommands([&](CLI::App* sub) { return argc > 1 && sub->get_name() == argv[1]; });
  if (argc > 1 && argv[1][0] != '-' && known.empty()) {
    fmt::print(stderr, "cudaenv: unknown command '{}'; the commands are detect, doctor and inspect.\n"
               "Run 'cudaenv --help' for the commands and options.\n", argv[1]);
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    fmt::print(stderr, "cudaenv: {}\nRun 'cudaenv --help' for the commands and options.\n", e.what());
    return 2;
  }

  try {
    if (*detect) return run_detect(format, save_path);
    if (*inspect) return run_inspect(inspect_paths, inspect_format, checks, with_ptx, read_options);
    if (*doctor) return run_doctor(doctor_format, architectures, build_only, detection_path);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "cudaenv: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cudaenv: internal error: {}\n", e.what());
    return 3;
  }
  return 2;
}
