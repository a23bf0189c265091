#include "cudaenv/doctor.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cudaenv/cmake_text.hpp"

namespace cudaenv {
namespace {

using Status = Verdict::Status;

const char* status_name(Status status) {
  switch (status) {
    case Status::ok: return "ok";
    case Status::limited: return "limited";
    case Status::fails: return "fails";
    case Status::skipped: return "skipped";
  }
  return "?";
}

const ToolkitFacts* toolkit_facts(const Facts& facts, Version toolkit) {
  if (const auto* exact = facts.toolkit(toolkit)) return exact;
  return facts.toolkit_at_or_below(toolkit);
}

Verdict toolkit_vs_driver(const DoctorInput& input, const Facts& facts) {
  Verdict v{Status::ok, "toolkit vs driver", "", "", ""};
  const auto& toolkit = input.detection.toolkit;
  const auto& driver = input.detection.driver;
  if (!toolkit.found || !toolkit.version) {
    v.status = Status::fails;
    v.summary = "nothing can be built: " + toolkit.error;
    v.fix = "install NVIDIA's CUDA toolkit, or point CUDAToolkit_ROOT or CUDA_PATH at it";
    return v;
  }
  const Version t = *toolkit.version;
  if (!driver.found || !driver.cuda_version) {
    v.status = input.build_only ? Status::skipped : Status::fails;
    v.summary = fmt::format("CUDA {} programs cannot run here: {}", t.str(), driver.error);
    v.fix = input.build_only ? "" : "install the NVIDIA driver; on a build-only machine pass --build-only";
    return v;
  }
  const Version d = *driver.cuda_version;
  const auto* tf = toolkit_facts(facts, t);
  const auto release = DriverRelease::parse(driver.version);
  const std::string needed_driver = tf && tf->driver_min ? tf->driver_min->str() : std::string("the newest");
  if (d >= t) {
    v.summary = fmt::format("CUDA {} programs run natively: the driver supports CUDA {}", t.str(), d.str());
    return v;
  }
  if (d.major == t.major) {
    // Minor-version compatibility: same major, older minor.
    if (release && tf && tf->driver_min_minor_compat && *release < *tf->driver_min_minor_compat) {
      v.status = Status::fails;
      v.summary = fmt::format("CUDA {} programs will not run: driver {} is below {}, the minimum for CUDA {}.x "
                              "minor-version compatibility", t.str(), driver.version,
                              tf->driver_min_minor_compat->str(), t.major);
      v.fix = fmt::format("install driver {} or newer", needed_driver);
      return v;
    }
    v.status = Status::limited;
    v.summary = fmt::format("CUDA {} programs run on this CUDA {} driver through minor-version compatibility only",
                            t.str(), d.str());
    v.reason = fmt::format("minor-version compatibility forbids JIT-compiling PTX built by CUDA {} (PTX ISA {}), "
                           "and CUDA {} features fail with cudaErrorCallRequiresNewerDriver",
                           t.str(), tf ? tf->ptx_isa.str() : "newer", t.str());
    v.fix = fmt::format("embed SASS for every GPU you run on (select its capability), or install driver {} or newer",
                        needed_driver);
    return v;
  }
  v.status = Status::fails;
  v.summary = fmt::format("CUDA {} programs will not run: the driver supports CUDA {}, an older major release",
                          t.str(), d.str());
  v.reason = "minor-version compatibility never crosses a major release";
  v.fix = fmt::format("install driver {} or newer, or the CUDA {} forward-compatibility package (cuda-compat-{}-{}), "
                      "which works on data-center GPUs only",
                      needed_driver, t.str(), t.major, t.minor);
  return v;
}

Verdict host_compiler(const DoctorInput& input, const Facts& facts) {
  Verdict v{Status::ok, "host compiler", "", "", ""};
  const auto& toolkit = input.detection.toolkit;
  const auto& cxx = input.host_compiler;
  if (!toolkit.found || !toolkit.version) {
    v.status = Status::skipped;
    v.summary = "no toolkit to check the host compiler against";
    return v;
  }
  if (!cxx.found) {
    v.status = Status::fails;
    v.summary = "nvcc has no host compiler: " + cxx.error;
    v.fix = "install g++ or set CUDAHOSTCXX";
    return v;
  }
  const auto* tf = toolkit_facts(facts, *toolkit.version);
  if (!tf) {
    v.status = Status::skipped;
    v.summary = fmt::format("CudaEnv knows no host compiler range for CUDA {}", toolkit.version->str());
    return v;
  }
  const bool gcc = cxx.kind == "gcc";
  const int lo = gcc ? tf->gcc_min : tf->clang_min;
  const int hi = gcc ? tf->gcc_max : tf->clang_max;
  const std::string name = gcc ? "GCC" : "Clang";
  if (cxx.major >= lo && cxx.major <= hi) {
    v.summary = fmt::format("{} {} ({}) is within CUDA {}'s range ({} to {})", name, cxx.major, cxx.path,
                            toolkit.version->str(), lo, hi);
    return v;
  }
  v.status = Status::fails;
  v.summary = fmt::format("nvcc {} rejects {} {} ({}): it accepts {} {} to {}", toolkit.version->str(), name,
                          cxx.major, cxx.path, name, lo, hi);
  v.reason = "crt/host_config.h stops the compile with 'unsupported " + std::string(gcc ? "GNU" : "clang") +
             " version'";
  v.fix = fmt::format("install {}-{} and use it for CUDA (CUDAHOSTCXX={}-{}, or -DCMAKE_CUDA_HOST_COMPILER)",
                      gcc ? "g++" : "clang++", hi, gcc ? "g++" : "clang++", hi);
  return v;
}

// glibc 2.41 declares C23 math (sinpi, cospi) noexcept, which CUDA 12's
// headers contradict: every host compile of a .cu file fails.
Verdict host_c_library(const DoctorInput& input, const Facts& facts) {
  Verdict v{Status::ok, "host C library", "", "", ""};
  const auto& toolkit = input.detection.toolkit;
  if (!input.host_glibc || !toolkit.found || !toolkit.version) {
    v.status = Status::skipped;
    v.summary = !input.host_glibc ? "not glibc, or its version is unknown" : "no toolkit to check glibc against";
    return v;
  }
  const auto needed = facts.toolkit_for_glibc(*input.host_glibc);
  if (!needed || *toolkit.version >= *needed) {
    v.summary = fmt::format("glibc {} and CUDA {}'s headers agree", input.host_glibc->str(), toolkit.version->str());
    return v;
  }
  v.status = Status::fails;
  v.summary = fmt::format("CUDA {}'s headers do not compile against glibc {}: it needs CUDA {} or newer",
                          toolkit.version->str(), input.host_glibc->str(), needed->str());
  v.reason = "glibc declares sinpi/cospi noexcept and crt/math_functions.h does not: 'exception specification is "
             "incompatible with that of previous function \"cospi\"'";
  v.fix = fmt::format("use CUDA {} or newer, or build in a container with an older glibc", needed->str());
  return v;
}

std::vector<Verdict> gpus_vs_architectures(const DoctorInput& input, const Facts& facts) {
  std::vector<Verdict> verdicts;
  const auto& detection = input.detection;
  if (!input.architectures) {
    verdicts.push_back({Status::skipped, "GPUs vs architectures",
                        "not checked: pass --architectures (CMake's CUDA_ARCHITECTURES list) to check the GPUs", "",
                        ""});
    return verdicts;
  }
  if (detection.gpus.empty()) {
    verdicts.push_back({Status::skipped, "GPUs vs architectures", "no GPU visible to check", "", ""});
    return verdicts;
  }
  // PTX from this toolkit needs a driver that knows its ISA.
  auto images = *input.architectures;
  std::optional<Version> isa;
  if (detection.toolkit.version) {
    if (const auto* tf = toolkit_facts(facts, *detection.toolkit.version)) isa = tf->ptx_isa;
  }
  for (auto& image : images) {
    if (image.kind == CodeImage::Kind::ptx) image.ptx_isa = isa;
  }
  const auto driver_cuda = detection.driver.found ? detection.driver.cuda_version : std::nullopt;
  for (const auto& gpu : detection.gpus) {
    Verdict v;
    v.topic = fmt::format("GPU {} ({}, {})", gpu.index, gpu.name, gpu.capability.str());
    const auto run = judge_images(images, gpu.capability, driver_cuda, facts);
    if (run.runs) {
      v.status = Status::ok;
      v.summary = "runs: " + run.how;
      if (run.how.rfind("JIT", 0) == 0) v.reason = "the driver compiles the PTX at first launch, which takes time";
    } else {
      v.status = Status::fails;
      v.summary = "will not run: no usable code for this GPU";
      v.reason = run.why;
      v.fix = fmt::format("add {} to the capabilities (CUDAENV_CAPABILITIES or CAPABILITIES)", gpu.capability.str());
    }
    verdicts.push_back(std::move(v));
  }
  return verdicts;
}

}  // namespace

std::vector<Verdict> diagnose(const DoctorInput& input, const Facts& facts) {
  std::vector<Verdict> verdicts{toolkit_vs_driver(input, facts), host_compiler(input, facts),
                                host_c_library(input, facts)};
  for (auto& v : gpus_vs_architectures(input, facts)) verdicts.push_back(std::move(v));
  return verdicts;
}

bool all_work(const std::vector<Verdict>& verdicts) {
  for (const auto& v : verdicts) {
    if (v.status == Status::fails) return false;
  }
  return true;
}

std::string verdicts_to_text(const std::vector<Verdict>& verdicts) {
  std::string out;
  for (const auto& v : verdicts) {
    const std::string tag = v.status == Status::fails ? "[FAILS]" : fmt::format("[{}]", status_name(v.status));
    out += fmt::format("{:<10}{}: {}\n", tag, v.topic, v.summary);
    if (!v.reason.empty()) out += fmt::format("{:<10}why: {}\n", "", v.reason);
    if (!v.fix.empty()) out += fmt::format("{:<10}fix: {}\n", "", v.fix);
  }
  out += all_work(verdicts) ? "Everything checked works.\n" : "Something will not work (see [FAILS] above).\n";
  return out;
}

nlohmann::json verdicts_to_json(const std::vector<Verdict>& verdicts) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& v : verdicts) {
    list.push_back({{"status", status_name(v.status)},
                    {"topic", v.topic},
                    {"summary", v.summary},
                    {"reason", v.reason},
                    {"fix", v.fix}});
  }
  return {{"ok", all_work(verdicts)}, {"verdicts", list}};
}

std::string verdicts_to_cmake(const std::vector<Verdict>& verdicts) {
  std::string out = fmt::format("set(CUDAENV_DOCTOR_OK {})\nset(CUDAENV_DOCTOR_PROBLEMS \"\")\n"
                                "set(CUDAENV_DOCTOR_LIMITS \"\")\n",
                                all_work(verdicts) ? "TRUE" : "FALSE");
  for (const auto& v : verdicts) {
    if (v.status != Status::fails && v.status != Status::limited) continue;
    std::string text = fmt::format("{}: {}", v.topic, v.summary);
    if (!v.reason.empty()) text += fmt::format(" (why: {})", v.reason);
    if (!v.fix.empty()) text += fmt::format(" Fix: {}.", v.fix);
    out += fmt::format("list(APPEND {} {})\n",
                       v.status == Status::fails ? "CUDAENV_DOCTOR_PROBLEMS" : "CUDAENV_DOCTOR_LIMITS",
                       cmake_bracket(cmake_list_item(std::move(text))));
  }
  return out;
}

std::string render_verdicts(const std::vector<Verdict>& verdicts, const Detection& detection,
                            std::string_view format) {
  if (format == "json") {
    auto out = verdicts_to_json(verdicts);
    out["detection"] = to_json(detection);
    return json_text(out) + "\n";
  }
  if (format == "cmake") return verdicts_to_cmake(verdicts);
  if (format == "text") return fmt::format("{}\n{}", to_text(detection), verdicts_to_text(verdicts));
  throw std::invalid_argument(fmt::format("--format '{}': accepted: text, json, cmake", format));
}

}  // namespace cudaenv
