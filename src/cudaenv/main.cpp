// cudaenv: what CUDA can do on this machine. `detect` reports the driver,
// GPUs and toolkit; `doctor` says what will and will not work, and why.
#include <cstdio>
#include <exception>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cudaenv/compatibility.hpp"
#include "cudaenv/detection.hpp"
#include "cudaenv/doctor.hpp"
#include "cudaenv/driver_probe.hpp"
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

int run_detect(const std::string& format) {
  const auto env = process_environment();
  const auto detection = detect_all(env);
  if (format == "json") {
    fmt::print("{}\n", to_json(detection).dump(2));
  } else if (format == "cmake") {
    fmt::print("{}", to_cmake(detection));
  } else {
    fmt::print("{}", to_text(detection));
  }
  return 0;
}

int run_doctor(const std::string& format, const std::string& architectures, bool build_only) {
  const auto env = process_environment();
  DoctorInput input;
  if (!architectures.empty()) input.architectures = images_from_architectures(architectures);
  input.detection = detect_all(env);
  input.host_compiler = detect_host_compiler(env);
  input.build_only = build_only;
  const auto verdicts = diagnose(input);
  if (format == "json") {
    auto out = verdicts_to_json(verdicts);
    out["detection"] = to_json(input.detection);
    fmt::print("{}\n", out.dump(2));
  } else if (format == "cmake") {
    fmt::print("{}", verdicts_to_cmake(verdicts));
  } else {
    fmt::print("{}\n{}", to_text(input.detection), verdicts_to_text(verdicts));
  }
  return all_work(verdicts) ? 0 : 1;
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

  std::string doctor_format = "text";
  std::string architectures;
  bool build_only = false;
  auto* doctor = app.add_subcommand("doctor", "Say what will and will not work here, with reasons and fixes");
  doctor->add_option("--format", doctor_format, "Output format")->check(CLI::IsMember({"text", "json", "cmake"}));
  doctor->add_option("--architectures", architectures,
                     "The build's CUDA_ARCHITECTURES list (86-real;90a-real;120), to check each GPU");
  doctor->add_flag("--build-only", build_only, "This machine only builds: do not require a driver");

  // Name an unknown command rather than CLI11's "A subcommand is required".
  const auto known = app.get_subcommands([&](CLI::App* sub) { return argc > 1 && sub->get_name() == argv[1]; });
  if (argc > 1 && argv[1][0] != '-' && known.empty()) {
    fmt::print(stderr, "cudaenv: unknown command '{}'; the commands are detect and doctor.\n"
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
    if (*detect) return run_detect(format);
    if (*doctor) return run_doctor(doctor_format, architectures, build_only);
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "cudaenv: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cudaenv: internal error: {}\n", e.what());
    return 3;
  }
  return 2;
}
