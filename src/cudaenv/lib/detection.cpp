#include "cudaenv/detection.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cudaenv/cmake_text.hpp"

namespace cudaenv {
namespace {

std::vector<std::string> version_strings(const std::vector<Version>& versions) {
  std::vector<std::string> out;
  for (const auto& v : versions) out.push_back(v.str());
  return out;
}

std::string memory_text(std::uint64_t bytes) {
  if (bytes == 0) return "?";
  return fmt::format("{:.1f} GiB", static_cast<double>(bytes) / (1024.0 * 1024.0 * 1024.0));
}

using nlohmann::json;

json or_null(const std::string& text) { return text.empty() ? json(nullptr) : json(text); }

// Field access on a saved answer that says which field is wrong.
const json& field(const json& object, const char* key) {
  if (!object.is_object() || !object.contains(key)) {
    throw std::invalid_argument(fmt::format("the saved detection has no '{}'", key));
  }
  return object.at(key);
}
std::string text(const json& object, const char* key) {
  const json& v = field(object, key);
  if (v.is_null()) return std::string();
  if (!v.is_string()) throw std::invalid_argument(fmt::format("the saved detection's '{}' is not text", key));
  return v.get<std::string>();
}
bool flag(const json& object, const char* key) {
  const json& v = field(object, key);
  if (!v.is_boolean()) throw std::invalid_argument(fmt::format("the saved detection's '{}' is not true/false", key));
  return v.get<bool>();
}
std::optional<Version> version(const json& object, const char* key) {
  const std::string t = text(object, key);
  if (t.empty()) return std::nullopt;
  auto parsed = Version::parse(t);
  if (!parsed) throw std::invalid_argument(fmt::format("the saved detection's '{}' is not a version: {}", key, t));
  return parsed;
}

}  // namespace

std::string Detection::conda_cuda() const {
  return driver.found && driver.cuda_version ? driver.cuda_version->str() : std::string();
}

std::string Detection::conda_cuda_arch() const {
  if (conda_cuda_arch_override) return *conda_cuda_arch_override;
  if (conda_cuda().empty() || gpus.empty()) return {};
  auto lowest = std::ranges::min_element(gpus, {}, &GpuInfo::capability);
  return lowest->capability.str();
}

nlohmann::json to_json(const GpuInfo& gpu) {
  return {{"index", gpu.index},
          {"name", gpu.name},
          {"capability", gpu.capability.str()},
          {"memory_bytes", gpu.memory_bytes == 0 ? json(nullptr) : json(gpu.memory_bytes)},
          {"uuid", or_null(gpu.uuid)},
          {"integrated", gpu.integrated},
          {"mig", gpu.mig}};
}

GpuInfo gpu_from_json(const json& entry) {
  GpuInfo gpu;
  const json& index = field(entry, "index");
  if (!index.is_number_integer()) throw std::invalid_argument("the saved detection's GPU 'index' is not a number");
  gpu.index = index.get<int>();
  gpu.name = text(entry, "name");
  const auto capability = version(entry, "capability");
  if (!capability) throw std::invalid_argument("the saved detection has a GPU without a 'capability'");
  gpu.capability = *capability;
  const json& memory = field(entry, "memory_bytes");
  gpu.memory_bytes = memory.is_number_unsigned() ? memory.get<std::uint64_t>() : 0;
  gpu.uuid = text(entry, "uuid");
  gpu.integrated = flag(entry, "integrated");
  gpu.mig = flag(entry, "mig");
  return gpu;
}

nlohmann::json to_json(const Detection& d) {
  json gpus = json::array();
  for (const auto& gpu : d.gpus) gpus.push_back(to_json(gpu));
  return {
      {"driver",
       {{"found", d.driver.found},
        {"version", or_null(d.driver.version)},
        {"cuda_version", d.driver.cuda_version ? json(d.driver.cuda_version->str()) : json(nullptr)},
        {"source", or_null(d.driver.source)},
        {"library", or_null(d.driver.library)},
        {"error", or_null(d.driver.error)}}},
      {"gpus", gpus},
      {"gpus_probed", d.gpus_probed},
      {"toolkit",
       {{"found", d.toolkit.found},
        {"nvcc", or_null(d.toolkit.nvcc)},
        {"version", d.toolkit.version ? json(d.toolkit.version->str()) : json(nullptr)},
        {"full_version", or_null(d.toolkit.full_version)},
        {"supported", version_strings(d.toolkit.supported)},
        {"error", or_null(d.toolkit.error)}}},
      {"conda",
       {{"__cuda", or_null(d.conda_cuda())},
        {"__cuda_arch", or_null(d.conda_cuda_arch())},
        {"__cuda_arch_source", or_null(d.conda_cuda_arch_override ? d.conda_cuda_arch_source : std::string())}}},
  };
}

Detection detection_from_json(const nlohmann::json& value) {
  Detection d;
  const json& driver = field(value, "driver");
  d.driver.found = flag(driver, "found");
  d.driver.version = text(driver, "version");
  d.driver.cuda_version = version(driver, "cuda_version");
  d.driver.source = text(driver, "source");
  d.driver.library = text(driver, "library");
  d.driver.error = text(driver, "error");
  const json& gpus = field(value, "gpus");
  if (!gpus.is_array()) throw std::invalid_argument("the saved detection's 'gpus' is not a list");
  for (const json& entry : gpus) d.gpus.push_back(gpu_from_json(entry));
  d.gpus_probed = flag(value, "gpus_probed");
  const json& toolkit = field(value, "toolkit");
  d.toolkit.found = flag(toolkit, "found");
  d.toolkit.nvcc = text(toolkit, "nvcc");
  d.toolkit.version = version(toolkit, "version");
  d.toolkit.full_version = text(toolkit, "full_version");
  const json& supported = field(toolkit, "supported");
  if (!supported.is_array()) throw std::invalid_argument("the saved detection's 'supported' is not a list");
  for (const json& entry : supported) {
    auto parsed = entry.is_string() ? Version::parse(entry.get<std::string>()) : std::nullopt;
    if (!parsed) throw std::invalid_argument("the saved detection's 'supported' holds something not a version");
    d.toolkit.supported.push_back(*parsed);
  }
  d.toolkit.error = text(toolkit, "error");
  // Older saved answers have no override fields: absent means none.
  if (auto conda = value.find("conda"); conda != value.end() && conda->is_object()) {
    if (auto source = conda->find("__cuda_arch_source"); source != conda->end() && source->is_string()) {
      d.conda_cuda_arch_source = source->get<std::string>();
      auto arch = conda->find("__cuda_arch");
      d.conda_cuda_arch_override = arch != conda->end() && arch->is_string() ? arch->get<std::string>() : "";
    }
  }
  return d;
}

std::string json_text(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string to_text(const Detection& d) {
  std::string out;
  if (d.driver.found) {
    out += fmt::format("Driver:   {}supports CUDA {} (from {}{})\n",
                       d.driver.version.empty() ? "" : d.driver.version + ", ",
                       d.driver.cuda_version ? d.driver.cuda_version->str() : "?", d.driver.source,
                       d.driver.library.empty() ? "" : ", " + d.driver.library);
  } else {
    out += fmt::format("Driver:   {}\n", d.driver.error);
  }
  if (!d.gpus_probed) {
    out += "GPUs:     not probed (the CUDA version is overridden)\n";
  } else if (d.gpus.empty()) {
    out += "GPUs:     none visible\n";
  } else {
    out += fmt::format("GPUs:     {} visible to this process\n", d.gpus.size());
    for (const auto& gpu : d.gpus) {
      std::string marks;
      if (gpu.integrated) marks += "  integrated (Jetson)";
      if (gpu.mig) marks += "  MIG";
      out += fmt::format("  {:>2}  {:<32} {:>5}  {:>9}  {}{}\n", gpu.index, gpu.name, gpu.capability.str(),
                         memory_text(gpu.memory_bytes), gpu.uuid, marks);
    }
  }
  if (d.toolkit.found) {
    out += fmt::format("Toolkit:  CUDA {} ({})\n          SASS targets: {}\n", d.toolkit.full_version, d.toolkit.nvcc,
                       fmt::join(version_strings(d.toolkit.supported), " "));
  } else {
    out += fmt::format("Toolkit:  {}\n", d.toolkit.error);
  }
  const auto cuda = d.conda_cuda();
  const auto arch = d.conda_cuda_arch();
  out += fmt::format("conda:    __cuda={}  __cuda_arch={}{}\n", cuda.empty() ? "(absent)" : cuda,
                     arch.empty() ? "(absent)" : arch,
                     d.conda_cuda_arch_override ? fmt::format(" (from {})", d.conda_cuda_arch_source) : "");
  return out;
}

std::string to_env(const Detection& d) {
  // Empty values mean "absent" to conda, pixi and CudaEnv alike.
  const auto cuda = d.conda_cuda();
  const auto arch = d.conda_cuda_arch();
  return fmt::format("CONDA_OVERRIDE_CUDA={0}\nCONDA_OVERRIDE_CUDA_ARCH={1}\nCUDAENV_OVERRIDE_CUDA={0}\n"
                     "CUDAENV_OVERRIDE_CUDA_ARCH={1}\n",
                     cuda, arch);
}

std::string to_cmake(const Detection& d) {
  std::vector<std::string> caps, names;
  for (const auto& gpu : d.gpus) {
    caps.push_back(gpu.capability.str());
    names.push_back(cmake_list_item(gpu.name));
  }
  std::string out;
  auto set = [&out](std::string_view name, std::string_view value) {
    out += fmt::format("set({} {})\n", name, cmake_bracket(value));
  };
  set("CUDAENV_DRIVER_FOUND", d.driver.found ? "TRUE" : "FALSE");
  set("CUDAENV_DRIVER_VERSION", d.driver.version);
  set("CUDAENV_DRIVER_CUDA_VERSION", d.driver.cuda_version ? d.driver.cuda_version->str() : "");
  set("CUDAENV_DRIVER_SOURCE", d.driver.source);
  set("CUDAENV_DRIVER_ERROR", d.driver.error);
  set("CUDAENV_GPU_COUNT", std::to_string(d.gpus.size()));
  set("CUDAENV_GPU_CAPABILITIES", fmt::format("{}", fmt::join(caps, ";")));
  set("CUDAENV_GPU_NAMES", fmt::format("{}", fmt::join(names, ";")));
  set("CUDAENV_TOOLKIT_VERSION", d.toolkit.version ? d.toolkit.version->str() : "");
  set("CUDAENV_TOOLKIT_NVCC", d.toolkit.nvcc);
  set("CUDAENV_CONDA_CUDA", d.conda_cuda());
  set("CUDAENV_CONDA_CUDA_ARCH", d.conda_cuda_arch());
  return out;
}

std::string render_detection(const Detection& detection, std::string_view format) {
  if (format == "json") return json_text(to_json(detection)) + "\n";
  if (format == "cmake") return to_cmake(detection);
  if (format == "env") return to_env(detection);
  if (format == "text") return to_text(detection);
  throw std::invalid_argument(fmt::format("--format '{}': accepted: text, json, cmake, env", format));
}

}  // namespace cudaenv
