#include "cudaenv/driver_probe.hpp"

#include <dlfcn.h>
#include <link.h>
#include <signal.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cudaenv/subprocess.hpp"

namespace cudaenv {
namespace {

using nlohmann::json;

// The driver API subset the probe relies on; everything else is optional.
using CuInit = int (*)(unsigned);
using CuDriverGetVersion = int (*)(int*);
using CuDeviceGetCount = int (*)(int*);
using CuDeviceGet = int (*)(int*, int);
using CuDeviceGetAttribute = int (*)(int*, int, int);
using CuDeviceGetName = int (*)(char*, int, int);
using CuDeviceTotalMem = int (*)(std::size_t*, int);
using CuDeviceGetUuid = int (*)(unsigned char*, int);
using NvmlInit = int (*)();
using NvmlSystemGetDriverVersion = int (*)(char*, unsigned);
using NvmlShutdown = int (*)();

constexpr int kAttributeIntegrated = 18;
constexpr int kAttributeMajor = 75;
constexpr int kAttributeMinor = 76;

// The probe reports progress line by line, so a crash or a hang can be
// pinned to the call that caused it; the last line carries the result.
void stage(const std::string& what) {
  std::printf("stage %s\n", what.c_str());
  std::fflush(stdout);
}

[[noreturn]] void finish(const json& result) {
  // Device names are the driver's bytes: replace what is not UTF-8.
  std::printf("result %s\n", result.dump(-1, ' ', false, json::error_handler_t::replace).c_str());
  std::fflush(stdout);
  std::_Exit(0);  // no static destructors or atexit handlers of the driver
}

std::string loaded_path(void* handle, const std::string& fallback) {
  link_map* map = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &map) == 0 && map && map->l_name && *map->l_name) return map->l_name;
  return fallback;
}

std::string uuid_text(const unsigned char* bytes) {
  std::string hex;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) hex += '-';
    hex += fmt::format("{:02x}", bytes[i]);
  }
  return "GPU-" + hex;
}

// Driver release from NVML, without touching the GPUs' state.
std::string nvml_driver_version() {
  for (const char* name : {"libnvidia-ml.so.1", "/usr/lib/wsl/lib/libnvidia-ml.so.1"}) {
    stage(fmt::format("dlopen {}", name));
    void* nvml = dlopen(name, RTLD_NOW | RTLD_LOCAL);
    if (!nvml) continue;
    auto init = reinterpret_cast<NvmlInit>(dlsym(nvml, "nvmlInit_v2"));
    auto get = reinterpret_cast<NvmlSystemGetDriverVersion>(dlsym(nvml, "nvmlSystemGetDriverVersion"));
    auto shutdown = reinterpret_cast<NvmlShutdown>(dlsym(nvml, "nvmlShutdown"));
    if (!init || !get) return {};
    stage("nvmlInit_v2");
    if (init() != 0) return {};
    std::array<char, 96> buffer{};
    stage("nvmlSystemGetDriverVersion");
    const bool ok = get(buffer.data(), 80) == 0;
    if (shutdown) shutdown();
    buffer.back() = '\0';
    return ok ? std::string(buffer.data()) : std::string();
  }
  return {};
}

// The kernel module's release, read without loading anything.
std::string kernel_module_version() {
  std::ifstream in("/proc/driver/nvidia/version");
  std::string line;
  std::getline(in, line);
  std::smatch match;
  static const std::regex release("Kernel Module(?: for [a-z0-9_]+)?\\s+([0-9]+(\\.[0-9]+)+)");
  return std::regex_search(line, match, release) ? match[1].str() : std::string();
}

}  // namespace

EnvironmentLookup process_environment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

ProbeSettings ProbeSettings::from_environment(const EnvironmentLookup& env) {
  ProbeSettings settings;
  if (auto timeout = env("CUDAENV_DETECT_TIMEOUT"); timeout && !timeout->empty()) {
    char* end = nullptr;
    const double seconds = std::strtod(timeout->c_str(), &end);
    if (end == timeout->c_str() || *end != '\0' || !(seconds > 0) || seconds > 3600) {
      throw std::invalid_argument(fmt::format(
          "CUDAENV_DETECT_TIMEOUT='{}' is not a time limit; give seconds between 0 and 3600, for example 10",
          *timeout));
    }
    settings.timeout = std::chrono::milliseconds(static_cast<long long>(seconds * 1000));
  }
  // An override as conda and pixi take it: CudaEnv's own variable, else
  // conda's; a version (exactly major.minor where <exact>), or empty for
  // "absent".
  const auto override_from = [&](std::initializer_list<const char*> names, bool exact, const char* what,
                                 const char* example, const char* empty_means, std::optional<std::string>& value_out,
                                 std::string& source_out) {
    for (const char* name : names) {
      auto value = env(name);
      if (!value) continue;
      const auto parsed = Version::parse(*value);
      if (!value->empty() && (!parsed || (exact && parsed->str() != *value))) {
        throw std::invalid_argument(fmt::format("{}='{}' is not a {}; give major.minor (for example {}), or an "
                                                "empty value for \"{}\"",
                                                name, *value, what, example, empty_means));
      }
      value_out = *value;
      source_out = name;
      return;
    }
  };
  override_from({"CUDAENV_OVERRIDE_CUDA", "CONDA_OVERRIDE_CUDA"}, false, "CUDA version", "12.4", "no CUDA",
                settings.override_cuda, settings.override_source);
  // __cuda_arch: a compute capability, empty for "no GPU" (CEP 46).
  override_from({"CUDAENV_OVERRIDE_CUDA_ARCH", "CONDA_OVERRIDE_CUDA_ARCH"}, true, "compute capability", "8.6", "no GPU",
                settings.override_cuda_arch, settings.override_arch_source);
  if (auto libcuda = env("CUDAENV_LIBCUDA"); libcuda && !libcuda->empty()) settings.libcuda = *libcuda;
  return settings;
}

std::string describe_cuda_error(int code) {
  switch (code) {
    case 3: return "3 CUDA_ERROR_NOT_INITIALIZED";
    case 34: return "34 CUDA_ERROR_STUB_LIBRARY: this is the CUDA toolkit's stub libcuda, not a driver";
    case 35: return "35 insufficient driver: the driver is older than this CUDA runtime needs";
    case 46: return "46 CUDA_ERROR_DEVICE_UNAVAILABLE: the GPUs are busy or in a prohibited compute mode";
    case 100: return "100 CUDA_ERROR_NO_DEVICE: no CUDA GPU is visible";
    case 101: return "101 CUDA_ERROR_INVALID_DEVICE: CUDA_VISIBLE_DEVICES names a device that does not exist";
    case 303: return "303 CUDA_ERROR_SHARED_OBJECT_INIT_FAILED: the driver could not initialise (missing /dev/nvidia*?)";
    case 802: return "802 CUDA_ERROR_SYSTEM_NOT_READY: the system is not ready (fabric manager not running?)";
    case 803: return "803 CUDA_ERROR_SYSTEM_DRIVER_MISMATCH: the kernel module and libcuda come from different drivers";
    case 804: return "804 CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE: the forward-compatibility libcuda does not support this GPU";
    case 999: return "999 CUDA_ERROR_UNKNOWN";
    default: return fmt::format("{} (CUresult)", code);
  }
}

int run_driver_probe(const EnvironmentLookup& env) {
  json result = {{"found", false}};
  std::vector<std::string> candidates;
  const auto forced = env("CUDAENV_LIBCUDA");
  if (forced && !forced->empty()) {
    candidates = {*forced};
  } else {
    result["version"] = nvml_driver_version();
    result["version_source"] = "NVML";
    if (result["version"].get<std::string>().empty()) {
      result["version"] = kernel_module_version();
      result["version_source"] = "the kernel module";
    }
    candidates = {"libcuda.so.1",
                  "/usr/lib/wsl/lib/libcuda.so.1",
                  "/usr/lib/x86_64-linux-gnu/libcuda.so.1",
                  "/usr/lib/aarch64-linux-gnu/libcuda.so.1",
                  "/usr/lib/aarch64-linux-gnu/tegra/libcuda.so.1",
                  "/usr/lib64/nvidia/libcuda.so.1",
                  "/usr/local/nvidia/lib64/libcuda.so.1"};
  }

  void* cuda = nullptr;
  std::string path;
  std::string load_error;
  for (const auto& candidate : candidates) {
    stage("dlopen " + candidate);
    cuda = dlopen(candidate.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (cuda) {
      path = loaded_path(cuda, candidate);
      break;
    }
    if (load_error.empty()) load_error = dlerror();
  }
  if (!cuda) {
    result["error"] = forced ? fmt::format("cannot load {} ({})", *forced, load_error)
                             : "libcuda.so.1 was not found: no NVIDIA driver is installed here";
    result["missing_library"] = true;
    finish(result);
  }
  result["library"] = path;

  auto symbol = [&](const char* name) { return dlsym(cuda, name); };
  const std::array<const char*, 6> required = {"cuInit", "cuDriverGetVersion", "cuDeviceGetCount",
                                               "cuDeviceGet", "cuDeviceGetAttribute", "cuDeviceGetName"};
  for (const char* name : required) {
    if (!symbol(name)) {
      result["error"] = fmt::format("{} has no {}: it is not a CUDA driver library", path, name);
      finish(result);
    }
  }
  auto cu_init = reinterpret_cast<CuInit>(symbol("cuInit"));
  auto cu_driver_get_version = reinterpret_cast<CuDriverGetVersion>(symbol("cuDriverGetVersion"));
  auto cu_device_get_count = reinterpret_cast<CuDeviceGetCount>(symbol("cuDeviceGetCount"));
  auto cu_device_get = reinterpret_cast<CuDeviceGet>(symbol("cuDeviceGet"));
  auto cu_device_get_attribute = reinterpret_cast<CuDeviceGetAttribute>(symbol("cuDeviceGetAttribute"));
  auto cu_device_get_name = reinterpret_cast<CuDeviceGetName>(symbol("cuDeviceGetName"));
  auto cu_device_total_mem = reinterpret_cast<CuDeviceTotalMem>(symbol("cuDeviceTotalMem_v2"));
  auto cu_device_get_uuid = reinterpret_cast<CuDeviceGetUuid>(symbol("cuDeviceGetUuid_v2"));
  if (!cu_device_get_uuid) cu_device_get_uuid = reinterpret_cast<CuDeviceGetUuid>(symbol("cuDeviceGetUuid"));

  stage("cuInit");
  if (const int rc = cu_init(0); rc != 0) {
    std::string text = fmt::format("cuInit failed with {}", describe_cuda_error(rc));
    if (rc == 100 || rc == 101) {
      if (auto visible = env("CUDA_VISIBLE_DEVICES")) text += fmt::format(" (CUDA_VISIBLE_DEVICES='{}')", *visible);
    }
    result["error"] = text;
    result["cu_result"] = rc;
    finish(result);
  }
  int raw_version = 0;
  stage("cuDriverGetVersion");
  const int version_rc = cu_driver_get_version(&raw_version);
  const auto cuda_version = Version::from_driver_int(raw_version);
  if (version_rc != 0 || !cuda_version) {
    result["error"] = fmt::format("cuDriverGetVersion gave no valid version (returned {}, value {})",
                                  describe_cuda_error(version_rc), raw_version);
    finish(result);
  }
  result["cuda_version"] = cuda_version->str();

  int count = 0;
  stage("cuDeviceGetCount");
  if (const int rc = cu_device_get_count(&count); rc != 0 || count < 0 || count > 4096) {
    result["error"] = fmt::format("cuDeviceGetCount failed ({}, count {})", describe_cuda_error(rc), count);
    finish(result);
  }
  // MIG instances show up as devices named by MIG-... entries.
  std::vector<bool> mig;
  if (auto visible = env("CUDA_VISIBLE_DEVICES")) {
    std::stringstream list(*visible);
    for (std::string item; std::getline(list, item, ',');) mig.push_back(item.rfind("MIG-", 0) == 0);
  }
  json gpus = json::array();
  for (int i = 0; i < count; ++i) {
    int device = 0;
    stage(fmt::format("cuDeviceGet {}", i));
    if (cu_device_get(&device, i) != 0) continue;
    std::array<char, 257> name{};
    int major = 0, minor = 0, integrated = 0;
    stage(fmt::format("cuDeviceGetName {}", i));
    cu_device_get_name(name.data(), 256, device);
    name.back() = '\0';
    stage(fmt::format("cuDeviceGetAttribute {}", i));
    if (cu_device_get_attribute(&major, kAttributeMajor, device) != 0 ||
        cu_device_get_attribute(&minor, kAttributeMinor, device) != 0 || major <= 0 || major > 99 || minor < 0 ||
        minor > 9) {
      continue;
    }
    cu_device_get_attribute(&integrated, kAttributeIntegrated, device);
    GpuInfo gpu;
    gpu.index = i;
    gpu.name = name.data();
    gpu.capability = Version{major, minor};
    gpu.integrated = integrated != 0;
    gpu.mig = i < static_cast<int>(mig.size()) && mig[i];
    std::size_t bytes = 0;
    if (cu_device_total_mem && cu_device_total_mem(&bytes, device) == 0) gpu.memory_bytes = bytes;
    std::array<unsigned char, 16> uuid{};
    if (cu_device_get_uuid && cu_device_get_uuid(uuid.data(), device) == 0) gpu.uuid = uuid_text(uuid.data());
    gpus.push_back(to_json(gpu));
  }
  result["found"] = true;
  result["gpus"] = gpus;
  finish(result);
}

void detect_driver(Detection& detection, const ProbeSettings& settings) {
  if (settings.override_cuda_arch) {
    detection.conda_cuda_arch_override = *settings.override_cuda_arch;
    detection.conda_cuda_arch_source = settings.override_arch_source;
  }
  auto& driver = detection.driver;
  if (settings.override_cuda) {
    // As conda and pixi do: the override replaces detection, so a hanging
    // driver can be worked around.
    detection.gpus_probed = false;
    driver.source = settings.override_source;
    if (settings.override_cuda->empty()) {
      driver.error = fmt::format("no usable driver: {} is set and empty, which means \"no CUDA\"",
                                 settings.override_source);
      return;
    }
    driver.found = true;
    driver.cuda_version = Version::parse(*settings.override_cuda);
    return;
  }

  const std::string self = self_executable();
  ProcessOptions options;
  options.timeout = settings.timeout;
  const auto run = run_process({self, "__probe-driver"}, options);

  std::string last_stage, result_line;
  std::istringstream lines(run.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.rfind("stage ", 0) == 0) last_stage = line.substr(6);
    if (line.rfind("result ", 0) == 0) result_line = line.substr(7);
  }
  if (!run.started) {
    driver.error = fmt::format("no usable driver: could not start the driver probe {} ({})", self, run.error);
    return;
  }
  if (result_line.empty()) {
    if (run.timed_out) {
      driver.error = fmt::format(
          "no usable driver: the driver probe did not finish within {:.3g} s (stuck in {}); the driver may be hung. "
          "Set CUDAENV_DETECT_TIMEOUT to wait longer, or CUDAENV_OVERRIDE_CUDA=<X.Y> to skip the probe",
          settings.timeout.count() / 1000.0, last_stage.empty() ? "start-up" : last_stage);
    } else if (run.signal != 0) {
      driver.error = fmt::format("no usable driver: the driver probe crashed with signal {} ({}) in {}",
                                 run.signal, strsignal(run.signal), last_stage.empty() ? "start-up" : last_stage);
    } else {
      driver.error = fmt::format("no usable driver: the driver probe failed (exit code {}): {}", run.exit_code,
                                 run.err.substr(0, 500));
    }
    return;
  }

  json result;
  try {
    result = json::parse(result_line);
  } catch (const json::exception&) {
    driver.error = "no usable driver: the driver probe answered with malformed output";
    return;
  }
  driver.library = result.value("library", "");
  driver.version = result.value("version", "");
  if (!result.value("found", false)) {
    driver.error = "no usable driver: " + result.value("error", std::string("unknown reason"));
    return;
  }
  driver.found = true;
  driver.cuda_version = Version::parse(result.value("cuda_version", ""));
  driver.source = driver.version.empty() ? "libcuda"
                                         : fmt::format("libcuda; release from {}",
                                                       result.value("version_source", std::string("NVML")));
  try {
    for (const auto& entry : result.value("gpus", json::array())) detection.gpus.push_back(gpu_from_json(entry));
  } catch (const std::invalid_argument& error) {
    detection.gpus.clear();
    driver.found = false;
    driver.error = fmt::format("no usable driver: the driver probe's answer is malformed ({})", error.what());
  }
}

}  // namespace cudaenv
