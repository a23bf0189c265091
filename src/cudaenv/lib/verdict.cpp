#include "cudaenv/verdict.hpp"

#include <cxxabi.h>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <memory>
#include <charconv>
#include <regex>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace cudaenv {
namespace {

bool has_runnable_code(const FatbinContainer& container) {
  return std::ranges::any_of(container.images, [](const FatbinImage& image) {
    return image.kind == FatbinImage::Kind::sass || image.kind == FatbinImage::Kind::ptx;
  });
}

// "CUDA 12.4, driver 550.54.14 or newer"
std::string floor_text(const DriverFloor::Reason& reason) {
  return reason.driver ? fmt::format("CUDA {}, driver {} or newer", reason.cuda.str(), reason.driver->str())
                       : fmt::format("CUDA {}", reason.cuda.str());
}

// A kernel's name for a sentence: demangled, without its parameter list,
// cut short where templates make it long (the JSON has it whole).
std::string short_kernel_name(const std::string& mangled) {
  auto name = demangled(mangled);
  if (name.starts_with("void ")) name.erase(0, 5);
  if (auto open = name.rfind('('); open != std::string::npos && open > 0) name.erase(open);
  if (name.size() > 72) name = name.substr(0, 69) + "...";
  return printable(name);  // symbol names come from the file
}

// At most `limit` names, then how many more.
std::string kernel_names(const KernelList& kernels, std::size_t limit = 2) {
  if (!kernels.known) return fmt::format("kernels unknown: {}", kernels.error);
  std::vector<std::string> names;
  for (std::size_t i = 0; i < kernels.names.size() && i < limit; ++i) names.push_back(short_kernel_name(kernels.names[i]));
  std::string text = fmt::format("{}", fmt::join(names, ", "));
  if (kernels.names.size() > limit) text += fmt::format(" and {} more", kernels.names.size() - limit);
  return text;
}

}  // namespace

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::runs: return "runs";
    case Outcome::partial: return "partial";
    case Outcome::will_not_run: return "will not run";
    case Outcome::cannot_tell: return "cannot tell";
  }
  return "cannot tell";
}

std::string demangled(const std::string& name) {
  int status = 0;
  std::unique_ptr<char, decltype(&std::free)> text(abi::__cxa_demangle(name.c_str(), nullptr, nullptr, &status),
                                                    &std::free);
  return status == 0 && text ? std::string(text.get()) : name;
}

CheckTarget CheckTarget::parse(const std::string& text, const Facts& facts) {
  static const std::regex pattern("^(?:sm_)?(?:([0-9]+)\\.([0-9])|([0-9]+)([0-9]))(?:@([0-9]+)\\.([0-9]+))?$");
  std::smatch m;
  if (!std::regex_match(text, m, pattern)) {
    throw std::invalid_argument(fmt::format(
        "--check '{}' is not a GPU: give its compute capability, optionally with the CUDA version its driver "
        "supports, for example 8.9 or 8.9@12.4",
        text));
  }
  CheckTarget target;
  target.text = text;
  // Digits the pattern allowed, but maybe too many for an int: a usage
  // error like any other, never an exception from std::stoi.
  const auto number = [&](const std::string& digits) {
    int value = 0;
    const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (error != std::errc() || end != digits.data() + digits.size() || value > 9999) {
      throw std::invalid_argument(fmt::format("--check '{}': the number {} is out of range; give a compute "
                                              "capability such as 8.9, optionally @ a CUDA version such as 12.4",
                                              printable(text), digits));
    }
    return value;
  };
  target.capability = m[1].matched ? Version{number(m[1].str()), number(m[2].str())}
                                   : Version{number(m[3].str()), number(m[4].str())};
  if (m[5].matched) target.driver_cuda = Version{number(m[5].str()), number(m[6].str())};
  // An answer about a GPU that does not exist, or a driver that cannot know
  // the GPU, would be an answer to a question nobody can ask.
  const auto* capability = facts.capability(target.capability.str());
  if (!capability) {
    std::set<Version> capabilities;
    for (const auto& [key, fact] : facts.capabilities()) {
      if (auto version = Version::parse(key); version && version->str() == key) capabilities.insert(*version);
    }
    std::vector<std::string> known;
    for (const auto& version : capabilities) known.push_back(version.str());
    throw std::invalid_argument(fmt::format(
        "--check '{}': no GPU has compute capability {} that CudaEnv knows of. Known: {}. For a GPU newer than "
        "CudaEnv's facts, update CudaEnv",
        text, target.capability.str(), fmt::join(known, ", ")));
  }
  if (target.driver_cuda && capability->first_toolkit && *target.driver_cuda < *capability->first_toolkit) {
    throw std::invalid_argument(fmt::format(
        "--check '{}': no driver for CUDA {} supports compute capability {} ({}); the first is CUDA {}. Give a "
        "driver version it can have, for example {}@{}",
        text, target.driver_cuda->str(), target.capability.str(), capability->generation,
        capability->first_toolkit->str(), target.capability.str(), capability->first_toolkit->str()));
  }
  return target;
}

std::optional<DriverFloor::Reason> DriverFloor::highest() const {
  if (reasons.empty()) return std::nullopt;
  return *std::ranges::max_element(reasons, {}, &Reason::cuda);
}

std::string DriverFloor::text() const {
  const auto top = highest();
  if (!top) return "no floor found (any driver that supports the GPU)";
  std::vector<std::string> whys;
  for (const auto& reason : reasons) whys.push_back(fmt::format("{}: CUDA {}", reason.why, reason.cuda.str()));
  return fmt::format("{} ({})", floor_text(*top), fmt::join(whys, "; "));
}

DriverFloor minimum_driver(const InspectedFile& file, const Facts& facts) {
  DriverFloor floor;
  // The CUDA libraries it is or links (libcudart.so.12, libcublas.so.12):
  // minor-version compatibility lets them run on any driver of CUDA N.x
  // from that family's minimum, and on no older one.
  const auto cuda_major = [&](const std::string& library) -> std::optional<Version> {
    for (const auto& stem : facts.libraries_of_the_cuda_major()) {
      const auto prefix = stem + ".so.";
      if (!library.starts_with(prefix)) continue;
      int major = 0;
      std::size_t at = prefix.size();
      while (at < library.size() && library[at] >= '0' && library[at] <= '9' && major < 1000) {
        major = major * 10 + (library[at++] - '0');
      }
      if (at == prefix.size() || (at < library.size() && library[at] != '.')) return std::nullopt;
      return Version{major, 0};
    }
    return std::nullopt;
  };
  const auto add_family = [&](Version family, std::string why) {
    const auto* toolkit = facts.toolkit(family);
    floor.reasons.push_back({family, toolkit ? toolkit->driver_min_minor_compat : std::nullopt, std::move(why)});
  };
  if (auto family = cuda_major(file.soname)) add_family(*family, fmt::format("is {}", file.soname));
  for (const auto& library : file.needed) {
    if (auto family = cuda_major(library)) add_family(*family, fmt::format("links {}", library));
  }
  std::set<std::string> compressions;
  std::set<Version> code_versions;
  for (const auto& container : file.containers) {
    for (const auto& image : container.images) {
      if (image.compression != FatbinImage::Compression::none) compressions.insert(to_string(image.compression));
      if (image.kind == FatbinImage::Kind::sass && image.code_version) code_versions.insert(*image.code_version);
    }
  }
  for (const auto& compression : compressions) {
    const auto* fact = facts.compression_floor(compression);
    if (fact && fact->cuda) {
      floor.reasons.push_back({*fact->cuda, fact->driver, fmt::format("{}-compressed fatbins", compression)});
    }
  }
  for (const auto& version : code_versions) {
    const auto* fact = facts.code_version_floor(version);
    if (fact && fact->cuda) {
      floor.reasons.push_back({*fact->cuda, fact->driver, fmt::format("cubins of ELF code version {}", version.str())});
    }
  }
  return floor;
}

std::string container_name(const FatbinContainer& container, int index) {
  return container.member.empty() ? fmt::format("container {}", index) : container.member;
}

std::string ContainerVerdict::where() const { return container_name(*container, index); }

bool loaded_on_its_own(const InspectedFile& file, const FatbinContainer& container) {
  if (!container.relocatable() || !file.linked) return true;
  return std::ranges::none_of(file.containers, [](const FatbinContainer& c) { return !c.relocatable(); });
}

std::vector<CodeImage> runnable_images(const FatbinContainer& container) {
  std::vector<CodeImage> images;
  for (const auto& image : container.images) {
    if (image.kind != FatbinImage::Kind::sass && image.kind != FatbinImage::Kind::ptx) continue;
    images.push_back({image.kind == FatbinImage::Kind::sass ? CodeImage::Kind::sass : CodeImage::Kind::ptx,
                      image.capability(), image.variant, image.ptx_isa});
  }
  return images;
}

FileVerdict check_file(const InspectedFile& file, const CheckTarget& target, const Facts& facts,
                       KernelCache* kernels) {
  KernelCache own(file.budget.get());
  if (!kernels) kernels = &own;
  FileVerdict result;
  if (!file.unseen.empty()) {
    result.outcome = Outcome::cannot_tell;
    result.problems.push_back(file.unseen);
    return result;
  }
  if (!file.containers.empty() && std::ranges::none_of(file.containers, has_runnable_code)) {
    result.outcome = Outcome::cannot_tell;
    result.problems.push_back("LTO-IR only: no GPU runs it until a device link (nvcc -dlto, nvlink) turns it into "
                              "SASS; inspect the linked program instead");
    return result;
  }
  if (target.driver_cuda && target.check_driver_floor) {
    for (const auto& reason : minimum_driver(file, facts).reasons) {
      if (reason.cuda > *target.driver_cuda) {
        result.problems.push_back(fmt::format("{}: needs a driver for {}; this one supports CUDA {}", reason.why,
                                              floor_text(reason), target.driver_cuda->str()));
      }
    }
  }

  // Relocatable containers a linked file does not load stand behind its
  // linked ones: the runtime JIT-links their PTX when no linked SASS fits.
  std::optional<RunVerdict> jit_link;
  const auto relocatable_jit = [&]() -> const RunVerdict& {
    if (jit_link) return *jit_link;
    std::vector<std::string> hows, whys;
    for (const auto& container : file.containers) {
      if (!container.relocatable()) continue;
      auto verdict = judge_images(runnable_images(container), target.capability, target.driver_cuda, facts);
      if (verdict.runs && verdict.how.starts_with("JIT")) {
        hows.push_back(verdict.how);
      } else {
        whys.push_back(verdict.runs ? "its SASS needs no JIT link" : verdict.why);
      }
    }
    std::set<std::string> linked;
    for (auto how : hows) linked.insert("JIT-linking relocatable " + how.substr(how.find("compute_")));
    jit_link = hows.empty() || !whys.empty() ? RunVerdict{false, "", ""}
                                             : RunVerdict{true, fmt::format("{}", fmt::join(linked, "; ")), ""};
    return *jit_link;
  };

  int index = 0;
  bool jit_linked = false;
  for (const auto& container : file.containers) {
    ++index;
    if (!loaded_on_its_own(file, container)) continue;
    ContainerVerdict entry{&container, index,
                           judge_images(runnable_images(container), target.capability, target.driver_cuda, facts)};
    if (!entry.verdict.runs && file.linked && !container.relocatable() && relocatable_jit().runs) {
      entry.verdict = relocatable_jit();
      jit_linked = true;
    }
    if (!entry.verdict.runs) {
      entry.kernels = kernels->of(container);
      entry.counts = !entry.kernels.known || !entry.kernels.names.empty();
    }
    result.containers.push_back(std::move(entry));
  }
  if (jit_linked) {
    result.notes.push_back("JIT linking of relocatable device code (-rdc) follows NVIDIA's documentation and "
                           "third-party reports; CudaEnv has not verified it on a GPU");
  }

  const auto counted = std::ranges::count_if(result.containers, [](const auto& c) { return c.counts; });
  const auto failing = std::ranges::count_if(result.containers, [](const auto& c) { return c.counts && !c.verdict.runs; });
  if (!result.problems.empty()) {
    result.outcome = Outcome::will_not_run;
  } else if (failing == 0) {
    result.outcome = Outcome::runs;
  } else if (failing == counted) {
    result.outcome = Outcome::will_not_run;
  } else {
    result.outcome = Outcome::partial;
  }
  return result;
}

std::string FileVerdict::summary() const {
  if (outcome == Outcome::cannot_tell) return fmt::format("cannot tell: {}", fmt::join(problems, "; "));
  if (containers.empty() && problems.empty()) return "runs: no GPU code in it (nothing to load on a GPU)";
  std::set<std::string> hows;
  // Containers without code for the GPU, grouped by the reason.
  std::map<std::string, std::vector<const ContainerVerdict*>> missing;
  std::size_t without_kernels = 0;
  for (const auto& container : containers) {
    if (container.verdict.runs) {
      hows.insert(container.verdict.how);
    } else if (!container.counts) {
      ++without_kernels;
    } else {
      missing[container.verdict.why].push_back(&container);
    }
  }
  std::vector<std::string> parts;
  for (const auto& problem : problems) parts.push_back(problem);
  for (const auto& [why, group] : missing) {
    std::vector<std::string> wheres;
    for (std::size_t i = 0; i < group.size() && i < 4; ++i) {
      wheres.push_back(fmt::format("{} ({})", group[i]->where(), kernel_names(group[i]->kernels)));
    }
    if (group.size() > 4) wheres.push_back(fmt::format("and {} more containers", group.size() - 4));
    parts.push_back(fmt::format("{} in {}", why, fmt::join(wheres, ", ")));
  }
  std::string text;
  switch (outcome) {
    case Outcome::runs:
      text = hows.empty() ? "runs: its GPU code defines no kernels" : fmt::format("runs: {}", fmt::join(hows, "; "));
      break;
    case Outcome::partial:
      // Containers that run were not read for kernels: count what was judged.
      text = fmt::format("partial: {} of {} containers have no code for it: {}; the others run ({})",
                         std::ranges::count_if(containers, [](const auto& c) { return c.counts && !c.verdict.runs; }),
                         containers.size(), fmt::join(parts, "; "), fmt::join(hows, "; "));
      break;
    case Outcome::will_not_run:
      text = fmt::format("will not run: {}", fmt::join(parts, "; "));
      break;
    case Outcome::cannot_tell: break;
  }
  if (without_kernels > 0 && outcome != Outcome::runs) {
    text += fmt::format(" ({} container{} without kernels ignored)", without_kernels, without_kernels == 1 ? "" : "s");
  }
  return text;
}

}  // namespace cudaenv
