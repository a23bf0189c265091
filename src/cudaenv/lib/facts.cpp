#include "cudaenv/facts.hpp"

#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace cudaenv {

extern const char* const embedded_cuda_json;  // generated: embedded_facts.cpp

namespace {

using nlohmann::json;

// An optional field parsed with `parse` (Version::parse, DriverRelease::parse);
// present but unparsable is an error naming the field.
template <typename Parse>
auto optional_field(const json& object, const char* field, Parse parse, const char* what)
    -> decltype(parse(std::string_view())) {
  auto it = object.find(field);
  if (it == object.end() || it->is_null()) return std::nullopt;
  auto value = parse(it->get<std::string>());
  if (!value) throw std::runtime_error(fmt::format("'{}' is not a {}: {}", field, what, it->dump()));
  return value;
}

std::optional<Version> optional_version(const json& object, const char* field) {
  return optional_field(object, field, Version::parse, "version");
}

std::optional<DriverRelease> optional_release(const json& object, const char* field) {
  return optional_field(object, field, DriverRelease::parse, "driver release");
}

Version sass_version(const std::string& number) {  // "86" -> 8.6, "100" -> 10.0
  return Version::from_sm_number(std::stoi(number));
}

}  // namespace

Facts Facts::parse(std::string_view text) {
  Facts facts;
  try {
    const json root = json::parse(text);
    for (const auto& [key, entry] : root.at("capabilities").items()) {
      CapabilityFacts cap;
      cap.key = key;
      cap.generation = entry.at("generation").get<std::string>();
      cap.gpus = entry.at("gpus").get<std::string>();
      cap.first_toolkit = optional_version(entry, "first_toolkit");
      cap.last_toolkit = optional_version(entry, "last_toolkit");
      cap.tegra = entry.at("tegra").get<bool>();
      cap.min_ptx_isa = optional_version(entry, "min_ptx_isa");
      if (entry.contains("max_shared_per_block_kb")) {
        cap.max_shared_per_block_kb = entry.at("max_shared_per_block_kb").get<int>();
      }
      for (const auto& member : entry.value("runs_on", json::array())) {
        cap.runs_on.push_back(*Version::parse(member.get<std::string>()));
      }
      facts.capabilities_.emplace(key, std::move(cap));
    }
    for (const auto& [key, entry] : root.at("toolkits").items()) {
      ToolkitFacts toolkit;
      toolkit.version = Version::parse(key).value();
      for (const auto& number : entry.at("sass")) toolkit.sass.push_back(sass_version(number.get<std::string>()));
      toolkit.ptx_isa = Version::parse(entry.at("ptx_isa").get<std::string>()).value();
      toolkit.driver_min = optional_release(entry, "driver_min");
      toolkit.driver_min_minor_compat = optional_release(entry, "driver_min_minor_compat");
      toolkit.gcc_min = entry.at("gcc").at(0).get<int>();
      toolkit.gcc_max = entry.at("gcc").at(1).get<int>();
      toolkit.clang_min = entry.at("clang").at(0).get<int>();
      toolkit.clang_max = entry.at("clang").at(1).get<int>();
      facts.toolkits_.emplace(toolkit.version, std::move(toolkit));
    }
    const auto& floors = root.at("driver_floors");
    const auto floor = [](const json& entry) {
      return DriverFloorFact{optional_version(entry, "cuda"), optional_release(entry, "driver"),
                             entry.at("source").get<std::string>()};
    };
    for (const auto& [key, entry] : root.at("host_glibc").items()) {
      if (key == "about") continue;
      facts.glibc_floors_.emplace(Version::parse(key).value(),
                                  Version::parse(entry.at("first_toolkit").get<std::string>()).value());
    }
    facts.cuda_major_libraries_ = floors.at("libraries_of_the_cuda_major").get<std::vector<std::string>>();
    for (const auto& [key, entry] : floors.at("fatbin_compression").items()) facts.compression_floors_.emplace(key, floor(entry));
    for (const auto& [key, entry] : floors.at("cubin_code_version").items()) {
      facts.code_version_floors_.emplace(Version::parse(key).value(), floor(entry));
    }
  } catch (const std::exception& error) {
    throw std::runtime_error(fmt::format("the CUDA facts file is malformed: {}", error.what()));
  }
  return facts;
}

const Facts& Facts::embedded() {
  static const Facts facts = parse(embedded_cuda_json);
  return facts;
}

const CapabilityFacts* Facts::capability(std::string_view key) const {
  auto it = capabilities_.find(key);
  return it == capabilities_.end() ? nullptr : &it->second;
}

const ToolkitFacts* Facts::toolkit(Version version) const {
  auto it = toolkits_.find(version);
  return it == toolkits_.end() ? nullptr : &it->second;
}

const ToolkitFacts* Facts::toolkit_at_or_below(Version version) const {
  auto it = toolkits_.upper_bound(version);
  if (it == toolkits_.begin()) return nullptr;
  return &std::prev(it)->second;
}

std::optional<Version> Facts::toolkit_for_glibc(Version glibc) const {
  std::optional<Version> needed;
  for (const auto& [release, toolkit] : glibc_floors_) {
    if (release <= glibc && (!needed || toolkit > *needed)) needed = toolkit;
  }
  return needed;
}

const DriverFloorFact* Facts::compression_floor(std::string_view compression) const {
  auto it = compression_floors_.find(compression);
  return it == compression_floors_.end() ? nullptr : &it->second;
}

const DriverFloorFact* Facts::code_version_floor(Version code_version) const {
  auto it = code_version_floors_.find(code_version);
  return it == code_version_floors_.end() ? nullptr : &it->second;
}

std::optional<Version> Facts::toolkit_for_ptx_isa(Version isa) const {
  for (const auto& [version, toolkit] : toolkits_) {
    if (toolkit.ptx_isa >= isa) return version;
  }
  return std::nullopt;
}

}  // namespace cudaenv
