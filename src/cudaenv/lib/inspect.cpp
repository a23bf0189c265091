#include "cudaenv/inspect.hpp"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <regex>
#include <set>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

namespace cudaenv {
namespace {

constexpr unsigned kEmCuda = 190;

// Sections that hold fatbins: the registered image, and relocatable device
// code before the device link.
bool is_fatbin_section(std::string_view name) { return name == ".nv_fatbin" || name == "__nv_relfatbin"; }

std::string elf_error() { return elf_errmsg(-1) ? elf_errmsg(-1) : "unknown libelf error"; }

// A bare cubin (ELF with e_machine EM_CUDA): one SASS image, read from its header.
bool inspect_cubin(Elf* elf, Bytes bytes, const std::string& member, std::vector<FatbinContainer>& out) {
  GElf_Ehdr header;
  if (!gelf_getehdr(elf, &header) || header.e_machine != kEmCuda) return false;
  const unsigned abi = header.e_ident[EI_ABIVERSION];
  FatbinImage image;
  image.kind = FatbinImage::Kind::sass;
  image.kind_code = 2;
  image.arch = static_cast<int>(abi >= 8 ? (header.e_flags >> 8) & 0xff : header.e_flags & 0xff);
  image.stored_size = image.size = bytes.size();
  image.payload = bytes;
  image.warning = "a bare cubin: a/f suffixes are recorded only in fatbins";
  out.push_back({member, "(cubin)", 0, {std::move(image)}});
  return true;
}

// One ELF file or archive member: its fatbin sections.
std::string inspect_elf(Elf* elf, Bytes bytes, const std::string& member, std::vector<FatbinContainer>& out,
                        const ReadOptions& options) {
  if (inspect_cubin(elf, bytes, member, out)) return {};
  // libelf shows a file whose section headers lie past its end as having no
  // sections; that is a truncated file, not one without GPU code.
  GElf_Ehdr header;
  if (!gelf_getehdr(elf, &header)) return "cannot read its ELF header: " + elf_error();
  const std::uint64_t table = static_cast<std::uint64_t>(header.e_shnum) * header.e_shentsize;
  if (header.e_shoff > bytes.size() || table > bytes.size() - header.e_shoff) {
    return fmt::format("truncated: its {} section headers at offset {:#x} lie past the end of the file ({} bytes)",
                       header.e_shnum, header.e_shoff, bytes.size());
  }
  std::size_t names = 0;
  if (elf_getshdrstrndx(elf, &names) != 0) return "cannot read the section names: " + elf_error();
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr header;
    if (!gelf_getshdr(scn, &header)) return "cannot read a section header: " + elf_error();
    const char* name = elf_strptr(elf, names, header.sh_name);
    if (!name || !is_fatbin_section(name) || header.sh_type == SHT_NOBITS) continue;
    Elf_Data* data = elf_rawdata(scn, nullptr);
    if (!data) return fmt::format("cannot read section {}: {}", name, elf_error());
    if (data->d_size == 0) continue;
    if (!data->d_buf) return fmt::format("section {} has no data", name);
    const Bytes region(static_cast<const std::byte*>(data->d_buf), data->d_size);
    if (auto error = parse_fatbin_region(region, member, name, out, options); !error.empty()) return error;
  }
  return {};
}

std::string inspect_archive(Elf* archive, std::vector<FatbinContainer>& out, const ReadOptions& options) {
  Elf_Cmd command = ELF_C_READ_MMAP;
  Elf* member = nullptr;
  while ((member = elf_begin(-1, command, archive)) != nullptr) {
    const Elf_Arhdr* header = elf_getarhdr(member);
    const std::string name = header && header->ar_name ? header->ar_name : "?";
    std::string error;
    if (elf_kind(member) == ELF_K_ELF && name != "/" && name != "//") {
      std::size_t size = 0;
      const char* raw = elf_rawfile(member, &size);
      error = inspect_elf(member, Bytes(reinterpret_cast<const std::byte*>(raw), raw ? size : 0), name, out, options);
    }
    command = elf_next(member);
    elf_end(member);
    if (!error.empty()) return fmt::format("member {}: {}", name, error);
  }
  return {};
}

struct Mapping {
  void* address = MAP_FAILED;
  std::size_t size = 0;
  ~Mapping() {
    if (address != MAP_FAILED) munmap(address, size);
  }
};

std::string human_size(std::uint64_t bytes) {
  if (bytes < 10 * 1024) return fmt::format("{} B", bytes);
  if (bytes < 10 * 1024 * 1024) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
}

}  // namespace

InspectedFile inspect_bytes(Bytes bytes, const std::string& name, const ReadOptions& options) {
  InspectedFile file;
  file.path = name;
  static const bool initialised = elf_version(EV_CURRENT) != EV_NONE;
  if (!initialised) {
    file.error = "libelf is unusable";
    return file;
  }
  if (bytes.size() >= 4 && std::memcmp(bytes.data(), "\x50\xed\x55\xba", 4) == 0) {
    file.error = parse_fatbin_region(bytes, "", "(fatbin)", file.containers, options);
    return file;
  }
  // libelf wants a mutable buffer; it only reads from it in this mode.
  Elf* elf = elf_memory(const_cast<char*>(reinterpret_cast<const char*>(bytes.data())), bytes.size());
  if (!elf) {
    file.error = "cannot read it: " + elf_error();
    return file;
  }
  switch (elf_kind(elf)) {
    case ELF_K_ELF: file.error = inspect_elf(elf, bytes, "", file.containers, options); break;
    case ELF_K_AR: file.error = inspect_archive(elf, file.containers, options); break;
    default:
      file.error = "not an ELF file, a static archive or a fatbin (cudaenv inspect reads Linux binaries)";
  }
  elf_end(elf);
  if (!file.error.empty()) file.containers.clear();
  return file;
}

InspectedFile inspect_file(const std::string& path, const ReadOptions& options) {
  InspectedFile failed;
  failed.path = path;
  const int fd = open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    failed.error = fmt::format("cannot open it: {}", std::strerror(errno));
    return failed;
  }
  struct stat status {};
  if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
    close(fd);
    failed.error = "not a regular file";
    return failed;
  }
  auto mapping = std::make_shared<Mapping>();
  mapping->size = static_cast<std::size_t>(status.st_size);
  if (mapping->size > 0) {
    // Private and writable (copy-on-write) so libelf's mutable pointer is safe.
    mapping->address = mmap(nullptr, mapping->size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  }
  close(fd);
  if (mapping->size == 0) {
    failed.error = "the file is empty";
    return failed;
  }
  if (mapping->address == MAP_FAILED) {
    failed.error = fmt::format("cannot map it: {}", std::strerror(errno));
    return failed;
  }
  auto file = inspect_bytes(Bytes(static_cast<const std::byte*>(mapping->address), mapping->size), path, options);
  file.storage = mapping;
  return file;
}

CheckTarget CheckTarget::parse(const std::string& text) {
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
  target.capability = m[1].matched ? Version{std::stoi(m[1].str()), std::stoi(m[2].str())}
                                   : Version{std::stoi(m[3].str()), std::stoi(m[4].str())};
  if (m[5].matched) target.driver_cuda = Version{std::stoi(m[5].str()), std::stoi(m[6].str())};
  return target;
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

FileVerdict check_file(const InspectedFile& file, const CheckTarget& target, const Facts& facts) {
  FileVerdict result;
  result.runs = true;
  result.has_gpu_code = !file.containers.empty();
  for (const auto& container : file.containers) {
    auto verdict = judge_images(runnable_images(container), target.capability, target.driver_cuda, facts);
    if (!verdict.runs) result.runs = false;
    result.containers.push_back({&container, std::move(verdict)});
  }
  return result;
}

std::string FileVerdict::summary() const {
  if (!has_gpu_code) return "runs: no GPU code in it (nothing to load on a GPU)";
  std::set<std::string> hows;
  std::vector<std::string> failures;
  for (const auto& [container, verdict] : containers) {
    if (verdict.runs) {
      hows.insert(verdict.how);
      continue;
    }
    std::string where = container->member.empty() ? container->section
                                                  : fmt::format("{} in {}", container->section, container->member);
    failures.push_back(fmt::format("container at {:#x} of {}: {}", container->offset, where, verdict.why));
  }
  if (failures.empty()) return fmt::format("runs: {}", fmt::join(hows, "; "));
  return fmt::format("will not run: {}", fmt::join(failures, "; "));
}

std::string inspect_to_text(std::span<const InspectedFile> files) {
  std::string out;
  for (const auto& file : files) {
    out += file.path + "\n";
    if (!file.error.empty()) {
      out += fmt::format("  unreadable: {}\n", file.error);
      continue;
    }
    if (file.containers.empty()) {
      out += "  no GPU code\n";
      continue;
    }
    out += fmt::format("  {:<3} {:<20} {:<15} {:<6} {:<7} {:<7} {:<10} {:>10}\n", "#", "member", "section", "kind",
                       "arch", "ptx isa", "compressed", "size");
    int index = 0;
    for (const auto& container : file.containers) {
      ++index;
      for (const auto& image : container.images) {
        out += fmt::format("  {:<3} {:<20} {:<15} {:<6} {:<7} {:<7} {:<10} {:>10}\n", index,
                           container.member.empty() ? "-" : container.member, container.section,
                           to_string(image.kind), image.cmake_arch(), image.ptx_isa ? image.ptx_isa->str() : "-",
                           to_string(image.compression), human_size(image.size));
        if (!image.warning.empty()) out += fmt::format("      warning: {}\n", image.warning);
      }
    }
  }
  return out;
}

nlohmann::json inspect_to_json(const std::vector<InspectedFile>& files) {
  using nlohmann::json;
  json list = json::array();
  for (const auto& file : files) {
    json images = json::array();
    int index = 0;
    for (const auto& container : file.containers) {
      ++index;
      for (const auto& image : container.images) {
        // Built member by member: an initializer list would copy every value.
        json& entry = images.emplace_back(json::object());
        entry["kind"] = to_string(image.kind);
        entry["arch"] = image.cmake_arch();
        entry["name"] = image.name();
        entry["ptx_isa"] = image.ptx_isa ? json(image.ptx_isa->str()) : json(nullptr);
        entry["code_version"] = image.code_version ? json(image.code_version->str()) : json(nullptr);
        entry["compressed"] =
            image.compression == FatbinImage::Compression::none ? json(false) : json(to_string(image.compression));
        entry["size"] = image.size;
        entry["stored_size"] = image.stored_size;
        entry["container"] = index;
        entry["member"] = container.member.empty() ? json(nullptr) : json(container.member);
        entry["section"] = container.section;
        entry["identifier"] = image.identifier.empty() ? json(nullptr) : json(image.identifier);
        entry["warning"] = image.warning.empty() ? json(nullptr) : json(image.warning);
      }
    }
    json& entry = list.emplace_back(json::object());
    entry["path"] = file.path;
    entry["error"] = file.error.empty() ? json(nullptr) : json(file.error);
    entry["containers"] = file.containers.size();
    entry["images"] = std::move(images);
  }
  json result = json::object();
  result["files"] = std::move(list);
  return result;
}

}  // namespace cudaenv
