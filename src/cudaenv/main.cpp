// cudaenv: what CUDA can do on this machine. `detect` reports the driver,
// GPUs and toolkit; `doctor` says what will and will not work, and why;
// `inspect` reads the GPU code in binaries and says where it runs.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <gnu/libc-version.h>
#endif

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <fstream>
#include <string>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cudaenv/architectures_list.hpp"
#include "cudaenv/compatibility.hpp"
#include "cudaenv/detection.hpp"
#include "cudaenv/doctor.hpp"
#include "cudaenv/driver_probe.hpp"
#include "cudaenv/inspect.hpp"
#include "cudaenv/inspect_report.hpp"
#include "cudaenv/limits.hpp"
#include "cudaenv/package.hpp"
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

struct DetectOptions {
  std::string format = "text";
  std::string save_path;
};

// Writes `text` to `path` whole or not at all: a temporary file beside it,
// written, flushed to disk and checked, then renamed over it. A full disk or
// a concurrent writer can never leave a short or mixed file behind. Only a
// regular file (or nothing) is replaced: /dev/full is not a place to save.
std::string save_atomically(const std::string& path, const std::string& text) {
  struct stat status {};
  if (lstat(path.c_str(), &status) == 0 && !S_ISREG(status.st_mode)) {
    return "it exists and is not a regular file; give a file name";
  }
  std::string temporary = path + ".tmp-XXXXXX";
  const int fd = mkstemp(temporary.data());
  if (fd < 0) return fmt::format("cannot create a file beside it: {}", std::strerror(errno));
  std::size_t done = 0;
  int error = 0;
  while (done < text.size()) {
    const auto n = write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = n < 0 ? errno : ENOSPC;
      break;
    }
    done += static_cast<std::size_t>(n);
  }
  if (error == 0 && fsync(fd) != 0) error = errno;
  if (close(fd) != 0 && error == 0) error = errno;
  struct stat written {};
  if (error == 0 && (stat(temporary.c_str(), &written) != 0 || static_cast<std::size_t>(written.st_size) != text.size())) {
    error = EIO;
  }
  if (error == 0 && rename(temporary.c_str(), path.c_str()) != 0) error = errno;
  if (error != 0) {
    unlink(temporary.c_str());
    return std::strerror(error);
  }
  return {};
}

int run_detect(const DetectOptions& options) {
  const auto env = process_environment();
  const auto detection = detect_all(env);
  if (!options.save_path.empty()) {
    if (auto error = save_atomically(options.save_path, json_text(to_json(detection)) + "\n"); !error.empty()) {
      fmt::print(stderr, "cudaenv detect: cannot write --save {}: {}\n", printable(options.save_path), error);
      return 2;
    }
  }
  fmt::print("{}", render_detection(detection, options.format));
  return 0;
}

// A detection saved by `detect --save`, so the doctor need not probe again.
// Opened like inspect's files: never a FIFO or a device, and read to a bound.
Detection load_detection(const std::string& path) {
  const auto fail = [&](const std::string& why) {
    return std::invalid_argument(fmt::format("doctor --detection {}: cannot read it ({}); pass a file written by "
                                             "'cudaenv detect --save <file>', or leave the option out to probe",
                                             printable(path), why));
  };
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) throw fail(std::strerror(errno));
  struct stat status {};
  if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    close(fd);
    throw fail("not a regular file");
  }
  constexpr std::size_t kMax = 16 << 20;
  std::string text;
  char block[65536];
  while (true) {
    const auto n = read(fd, block, sizeof block);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const int error = errno;
      close(fd);
      throw fail(std::strerror(error));
    }
    if (n == 0) break;
    text.append(block, static_cast<std::size_t>(n));
    if (text.size() > kMax) {
      close(fd);
      throw fail("larger than 16 MiB: not a saved detection");
    }
  }
  close(fd);
  try {
    return detection_from_json(nlohmann::json::parse(text));
  } catch (const std::exception& e) {
    throw std::invalid_argument(fmt::format("doctor --detection {}: not a saved detection ({}); write it again with "
                                            "'cudaenv detect --save <file>' (in a CMake build tree, configure "
                                            "with -DCUDAENV_REDETECT=ON), or leave the option out to probe",
                                            printable(path), e.what()));
  }
}

struct DoctorOptions {
  std::string format = "text";
  std::string architectures;  // the build's CUDA_ARCHITECTURES
  bool build_only = false;
  std::string detection_path;  // a saved detection instead of probing
};

int run_doctor(const DoctorOptions& options) {
  const auto env = process_environment();
  DoctorInput input;
  if (!options.architectures.empty()) input.architectures = images_from_architectures(options.architectures);
  input.detection = options.detection_path.empty() ? detect_all(env) : load_detection(options.detection_path);
  input.host_compiler = detect_host_compiler(env);
#ifdef __GLIBC__
  input.host_glibc = Version::parse(gnu_get_libc_version());
#endif
  input.build_only = options.build_only;
  const auto verdicts = diagnose(input);
  fmt::print("{}", render_verdicts(verdicts, input.detection, options.format));
  return all_work(verdicts) ? 0 : 1;
}

struct InspectOptions {
  std::vector<std::string> paths, checks, required;
  std::string format = "text";
  std::string max_size, driver;
  std::vector<std::string> limits;
  InspectRequest request;
  ReadOptions read;
};

int run_inspect(InspectOptions& options) {
  auto& request = options.request;
  for (const auto& text : options.checks) request.checks.push_back(CheckTarget::parse(text));
  if (!options.driver.empty()) {
    request.driver = Version::parse(options.driver);
    if (!request.driver || request.driver->str() != options.driver) {
      throw std::invalid_argument(fmt::format("--driver '{}' is not a CUDA version: give the CUDA version of the "
                                              "oldest driver to support, for example --driver 12.4",
                                              options.driver));
    }
  }
  for (const auto& text : options.required) {
    if (text.find('@') != std::string::npos) {
      throw std::invalid_argument(fmt::format("--require '{}': give the capability alone and the driver once, with "
                                              "--driver (for example --require 8.0 --driver 12.4)", text));
    }
    request.required.push_back(
        CheckTarget::parse(request.driver ? fmt::format("{}@{}", text, request.driver->str()) : text));
    request.required.back().text = text;
    request.required.back().check_driver_floor = false;  // --driver's own line says it once
  }
  std::optional<std::uint64_t> max_size;
  if (!options.max_size.empty()) {
    max_size = parse_size(options.max_size);
    if (!max_size) {
      throw std::invalid_argument(fmt::format("--max-size '{}' is not a size: give bytes or a unit, for example "
                                              "100MB or 1.5GiB", options.max_size));
    }
  }

  Limits limits;
  for (const auto& text : options.limits) {
    if (auto error = limits.set(text); !error.empty()) throw std::invalid_argument(error);
  }

  const bool as_json = options.format == "json";
  // JSON is written file by file as each is read (the document is the same
  // as one built whole, without holding every file's record at once).
  std::size_t written = 0;
  if (as_json) fmt::print("{{\n  \"files\": [");
  bool unreadable = false, failed = false;
  int partial = 0;
  for (const auto& path : options.paths) {
    // The release check's size limit is on what is uploaded: the file named.
    if (max_size) {
      struct stat status {};
      if (stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode) &&
          static_cast<std::uint64_t>(status.st_size) > *max_size) {
        failed = true;
        fmt::print(stderr, "cudaenv inspect: {}: {} bytes, over --max-size {} ({} bytes)\n", printable(path),
                   status.st_size, options.max_size, *max_size);
      }
    }
    // One budget per file named (limits.hpp): a package's members share it.
    Budget budget(limits);
    auto read = options.read;
    read.budget = &budget;
    inspect_path(path, read, [&](InspectedFile&& file) {
      const auto report = report_file(file, request, as_json, /*stream_images=*/true);
      for (const auto& error : report.errors) fmt::print(stderr, "cudaenv inspect: {}\n", printable(error));
      unreadable |= report.unreadable;
      failed |= report.failed;
      partial += report.partial ? 1 : 0;
      if (as_json) {
        // Indented as it would be inside the whole document, with the images
        // written one by one where the placeholder stands.
        const auto indented = [](std::string_view text, std::string_view indent) {
          std::string out;
          out.reserve(text.size() + text.size() / 8);
          for (const char c : text) {
            out += c;
            if (c == '\n') out += indent;
          }
          return out;
        };
        const std::string text = json_text(report.json);
        // A JSON string holds no raw newline: this match is the key itself.
        const std::string placeholder = fmt::format("\n  \"images\": {}", nlohmann::json(kStreamedImages).dump());
        const auto at = text.find(placeholder);
        fmt::print("{}\n    ", written++ ? "," : "");
        if (at == std::string::npos) {
          fmt::print("{}", indented(text, "    "));
        } else {
          const auto head_end = at + placeholder.size() - nlohmann::json(kStreamedImages).dump().size();
          fmt::print("{}", indented(std::string_view(text).substr(0, head_end), "    "));
          std::size_t images = 0;
          int index = 0;
          for (const auto& container : file.containers) {
            ++index;
            for (const auto& image : container.images) {
              fmt::print("{}\n        {}", images++ ? "," : "[",
                         indented(json_text(image_to_json(container, index, image)), "        "));
            }
          }
          fmt::print("{}", images ? "\n      ]" : "[]");
          fmt::print("{}", indented(std::string_view(text).substr(at + placeholder.size()), "    "));
        }
      } else {
        fmt::print("{}", report.text);
      }
      std::fflush(stdout);
    });
  }
  if (as_json) fmt::print("{}]\n}}\n", written ? "\n  " : "");
  if (partial > 0) {
    fmt::print(stderr, "cudaenv inspect: warning: {} file{} only partly run{} on a checked GPU (some kernels have no "
               "code for it); exit code 0 all the same, --strict makes it a failure\n",
               partial, partial == 1 ? "" : "s", partial == 1 ? "s" : "");
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

  DetectOptions detect_options;
  auto* detect = app.add_subcommand("detect", "Report the driver, the GPUs this process sees, and the toolkit");
  detect->add_option("--format", detect_options.format,
                     "Output format (env: CONDA_OVERRIDE_CUDA=... lines for a GPU-less builder to export)")
      ->check(CLI::IsMember({"text", "json", "cmake", "env"}));
  detect->add_option("--save", detect_options.save_path,
                     "Also write the answer as JSON to this file (for doctor --detection)");

  DoctorOptions doctor_options;
  auto* doctor = app.add_subcommand("doctor", "Say what will and will not work here, with reasons and fixes");
  doctor->add_option("--format", doctor_options.format, "Output format")
      ->check(CLI::IsMember({"text", "json", "cmake"}));
  doctor->add_option("--architectures", doctor_options.architectures,
                     "The build's CUDA_ARCHITECTURES list (86-real;90a-real;120), to check each GPU");
  doctor->add_flag("--build-only", doctor_options.build_only, "This machine only builds: do not require a driver");
  doctor->add_option("--detection", doctor_options.detection_path,
                     "Judge a detection saved by 'detect --save' instead of probing the driver again");

  InspectOptions inspect_options;
  auto* inspect = app.add_subcommand("inspect", "List the GPU code in binaries and packages and check where it runs");
  inspect->add_option("files", inspect_options.paths,
                      "Executables, shared libraries, objects, static archives, .fatbin, .cubin, and packages "
                      "(.whl, .conda, .tar.*, .zip, .deb)")
      ->required();
  inspect->add_option("--format", inspect_options.format, "Output format")->check(CLI::IsMember({"text", "json"}));
  // One value per option, so that `--check 8.0 a.so b.so` reads the files as files.
  inspect->add_option("--check", inspect_options.checks,
                      "A GPU to check, as <capability>[@<driver CUDA version>], e.g. 8.9@12.4 (repeatable)")
      ->allow_extra_args(false);
  inspect->add_flag("--strict", inspect_options.request.strict,
                    "A file that runs only partly on a --check GPU (some kernels without code) fails");
  inspect->add_option("--require", inspect_options.required,
                      "Release check: every file must run on this capability, e.g. 8.0 (repeatable; strict)")
      ->allow_extra_args(false);
  inspect->add_flag("--require-ptx", inspect_options.request.require_ptx,
                    "Release check: every container with kernels must carry portable PTX for newer GPUs");
  inspect->add_option("--driver", inspect_options.driver,
                      "Release check: the CUDA version of the oldest driver to support, e.g. 12.4");
  inspect->add_option("--max-size", inspect_options.max_size,
                      "Release check: the largest each file named may be, e.g. 100MB");
  inspect->add_flag("--ptx", inspect_options.request.with_ptx, "Also print the PTX text (decompressed)");
  inspect->add_option("--limit", inspect_options.limits,
                      "Raise or lower a limit on what reading one named file may cost, as NAME=VALUE "
                      "(repeatable; names: " + Limits::names() + "; docs/status.md lists the defaults)")
      ->allow_extra_args(false);
  inspect->add_flag("--verify-cubins", inspect_options.read.verify_zstd_cubins,
                    "Also cross-check zstd-compressed cubins against their entries (slower)");
  inspect->footer(
      "Verdicts per file and --check: runs, partial (some containers with kernels have no code for the GPU, as in "
      "libraries that choose kernels per architecture), will not run, cannot tell.\n"
      "Exit: 0 runs (partial too, with a warning); 1 will not run, partial under --strict, or a --require/--driver/"
      "--max-size not met; 2 cannot tell, unreadable, or bad arguments.");

  // The list CudaEnv would choose: the modules' resolver, through CMake.
  auto* architectures = app.add_subcommand(
      "architectures", "Print the CUDA architecture list CudaEnv would choose (runs cmake -P CudaEnvArchitecturesList.cmake)");
  architectures->prefix_command();
  architectures->footer("Options (--capabilities, --platform, --toolkit, --format cmake|gencode|torch|env|all ...): "
                        "module CudaEnvArchitecturesList.");

  // Name an unknown command rather than CLI11's "A subcommand is required".
  const auto known = app.get_subcommands([&](CLI::App* sub) { return argc > 1 && sub->get_name() == argv[1]; });
  if (argc > 1 && argv[1][0] != '-' && known.empty()) {
    fmt::print(stderr, "cudaenv: unknown command '{}'; the commands are detect, doctor, inspect and architectures.\n"
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
    if (*detect) return run_detect(detect_options);
    if (*inspect) return run_inspect(inspect_options);
    if (*doctor) return run_doctor(doctor_options);
    if (*architectures) return exec_architectures_list(architectures->remaining());
  } catch (const std::invalid_argument& e) {
    fmt::print(stderr, "cudaenv: {}\n", printable(e.what()));
    return 2;
  } catch (const std::out_of_range& e) {  // a number too large to parse is a usage error too
    fmt::print(stderr, "cudaenv: a number in the arguments is out of range ({}); run 'cudaenv --help'\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cudaenv: internal error: {}\n", e.what());
    return 3;
  }
  return 2;
}
