#include "cudaenv/inspect.hpp"

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <stdexcept>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "cudaenv/cuda_binary_format.hpp"
#include "cudaenv/guarded_mapping.hpp"

namespace cudaenv {
namespace {

using format::kEmCuda;

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
  image.arch = static_cast<int>(format::cubin_sm(abi, static_cast<std::uint32_t>(header.e_flags)));
  image.stored_size = image.size = bytes.size();
  image.payload = bytes;
  image.warning = "a bare cubin: a/f suffixes are recorded only in fatbins";
  out.push_back({member, "(cubin)", 0, {std::move(image)}});
  return true;
}

// The libraries a linked file needs, and its own name, from its dynamic section.
void read_dynamic_section(Elf* elf, InspectedFile& file) {
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr header;
    if (!gelf_getshdr(scn, &header) || header.sh_type != SHT_DYNAMIC || header.sh_entsize == 0) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) continue;
    const auto count = data->d_size / header.sh_entsize;
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Dyn entry;
      if (!gelf_getdyn(data, static_cast<int>(i), &entry) || entry.d_tag == DT_NULL) break;
      if (entry.d_tag != DT_NEEDED && entry.d_tag != DT_SONAME) continue;
      const char* name = elf_strptr(elf, header.sh_link, entry.d_un.d_val);
      if (!name) continue;
      if (entry.d_tag == DT_NEEDED) file.needed.emplace_back(name);
      else file.soname = name;
    }
  }
}

// PTX text kept as data (for cuModuleLoadData): a module header
// (".version X.Y", then ".target sm_NN" after only white space) and a kernel
// (".entry") before the string ends. Compilers' help texts that mention
// ".target sm_70" have neither.
bool holds_ptx_text(Bytes bytes) {
  const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  constexpr std::string_view target = ".target sm_";
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  const auto is_version = [](char c) { return (c >= '0' && c <= '9') || c == '.'; };
  // The next NUL and the next ".entry" at or after a position, found once
  // and reused while the candidates pass them: one pass over the text, not
  // one search to the end per candidate.
  std::size_t next_nul = 0, next_entry = 0;
  bool nul_known = false, entry_known = false;
  for (auto at = text.find(target); at != std::string_view::npos; at = text.find(target, at + 1)) {
    auto before = at;
    while (before > 0 && is_space(text[before - 1])) --before;
    if (before == at) continue;
    auto number = before;
    while (number > 0 && is_version(text[number - 1])) --number;
    constexpr std::string_view version = ".version ";
    if (number == before || number < version.size() || text.substr(number - version.size(), version.size()) != version) {
      continue;
    }
    if (!nul_known || next_nul < at) {
      next_nul = text.find('\0', at);
      nul_known = true;
    }
    if (!entry_known || next_entry < at) {
      next_entry = text.find(".entry", at);
      entry_known = true;
    }
    const auto end = std::min(next_nul, at + (std::size_t{1} << 20));
    if (next_entry != std::string_view::npos && next_entry + 6 <= end) return true;
  }
  return false;
}

// One ELF file or archive member: its fatbin sections.
std::string inspect_elf(Elf* elf, Bytes bytes, const std::string& member, std::vector<FatbinContainer>& out,
                        const ReadOptions& options, InspectedFile* file = nullptr) {
  if (inspect_cubin(elf, bytes, member, out)) return {};
  GElf_Ehdr header;
  if (!gelf_getehdr(elf, &header)) return "cannot read its ELF header: " + elf_error();
  if (file) {
    file->linked = header.e_type == ET_EXEC || header.e_type == ET_DYN;
    if (header.e_shnum == 0 && header.e_shoff == 0) {
      // Section headers stripped (sstrip, some packers): find containers by
      // their magic instead, validated as strictly as in a section.
      const auto before = out.size();
      scan_for_fatbins(bytes, member, "(scanned)", out, options);
      file->note = "its section headers are stripped: GPU code was found by scanning the whole file";
      if (out.size() == before) {
        file->unseen = "its section headers are stripped and no fatbin was found by scanning it; inspect a copy "
                       "that is not stripped";
      }
      return {};
    }
    read_dynamic_section(elf, *file);
  }
  // libelf shows a file whose section headers lie past its end as having no
  // sections; that is a truncated file, not one without GPU code.
  std::size_t count = header.e_shnum;
  if (header.e_shnum == 0 || header.e_shoff <= bytes.size()) {
    if (elf_getshdrnum(elf, &count) != 0) return "cannot read its section header table: " + elf_error();
  }
  if (header.e_shoff != 0 && count == 0) {
    // e_shnum 0 means "the count is in section 0" (extended numbering); a
    // table that says nothing hides every section: not "no GPU code".
    return fmt::format("its section header table at offset {:#x} is unreadable (it declares no sections); the "
                       "file may still load and run: cannot tell what GPU code it has",
                       header.e_shoff);
  }
  const std::uint64_t table = static_cast<std::uint64_t>(count) * header.e_shentsize;
  if (header.e_shoff > bytes.size() || table > bytes.size() - header.e_shoff) {
    return fmt::format("truncated: its {} section headers at offset {:#x} lie past the end of the file ({} bytes)",
                       count, header.e_shoff, bytes.size());
  }
  std::size_t names = 0;
  if (elf_getshdrstrndx(elf, &names) != 0) return "cannot read the section names: " + elf_error();
  // The fatbin sections first, in file order: each region read once, and
  // overlapping ones (many headers naming the same bytes) refused rather
  // than read again and again.
  struct Found {
    std::uint64_t offset, size;
    std::string name;
    Elf_Scn* scn;
  };
  std::vector<Found> found;
  Elf_Scn* scn = nullptr;
  std::size_t seen = 0;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    ++seen;
    GElf_Shdr header;
    if (!gelf_getshdr(scn, &header)) return "cannot read a section header: " + elf_error();
    const char* name = elf_strptr(elf, names, header.sh_name);
    if (!name) {
      return fmt::format("cannot read the name of section {} (offset {:#x} in the name table): {}; a corrupt "
                         "section table hides what GPU code the file has",
                         elf_ndxscn(scn), header.sh_name, elf_error());
    }
    if (!is_fatbin_section(name) || header.sh_type == SHT_NOBITS) continue;
    found.push_back({header.sh_offset, header.sh_size, name, scn});
  }
  if (seen + 1 < count) {
    return fmt::format("only {} of its {} section headers could be read: {}", seen + 1, count, elf_error());
  }
  std::ranges::sort(found, {}, &Found::offset);
  for (std::size_t i = 1; i < found.size(); ++i) {
    if (found[i].size > 0 && found[i - 1].size > 0 && found[i].offset < found[i - 1].offset + found[i - 1].size) {
      return fmt::format("sections {} and {} overlap at offset {:#x}: a corrupt or crafted section table",
                         found[i - 1].name, found[i].name, found[i].offset);
    }
  }
  for (const auto& section : found) {
    Elf_Data* data = elf_rawdata(section.scn, nullptr);
    if (!data) return fmt::format("cannot read section {}: {}", section.name, elf_error());
    if (data->d_size == 0) continue;
    if (!data->d_buf) return fmt::format("section {} has no data", section.name);
    const Bytes region(static_cast<const std::byte*>(data->d_buf), data->d_size);
    if (auto error = parse_fatbin_region(region, member, section.name, out, options); !error.empty()) return error;
  }
  return {};
}

std::string inspect_archive(Elf* archive, Bytes bytes, std::vector<FatbinContainer>& out, const ReadOptions& options,
                            bool& any_object) {
  Elf_Cmd command = ELF_C_READ_MMAP;
  Elf* member = nullptr;
  // Where the members read so far end: a member libelf cannot read (a
  // corrupt size field) ends the walk early, and every member after it
  // would go unread. That is an error, not the end of the archive.
  std::uint64_t end = 8;  // "!<arch>\n"
  std::string last = "the archive header";
  while ((member = elf_begin(-1, command, archive)) != nullptr) {
    const Elf_Arhdr* header = elf_getarhdr(member);
    const std::string name = printable(header && header->ar_name ? header->ar_name : "?");
    if (options.budget) options.budget->member();
    if (const auto offset = elf_getaroff(member); offset >= 0 && header) {
      end = std::max<std::uint64_t>(end, static_cast<std::uint64_t>(offset) + 60 + header->ar_size);
      end += end & 1;  // members are 2-byte aligned
      last = "member " + name;
    }
    std::string error;
    if (elf_kind(member) == ELF_K_ELF && name != "/" && name != "//") {
      any_object = true;
      std::size_t size = 0;
      const char* raw = elf_rawfile(member, &size);
      error = inspect_elf(member, Bytes(reinterpret_cast<const std::byte*>(raw), raw ? size : 0), name, out, options);
    }
    command = elf_next(member);
    elf_end(member);
    if (!error.empty()) return fmt::format("member {}: {}", name, error);
  }
  // (libelf's own error here says nothing: it reports "offset out of range"
  // at the honest end of every archive too.)
  if (end < bytes.size()) {
    const auto rest = bytes.subspan(end);
    const bool trailing_newlines = std::ranges::all_of(rest, [](std::byte b) { return b == std::byte{'\n'}; });
    if (!trailing_newlines) {
      return fmt::format("the archive cannot be read past {} (offset {:#x} of {} bytes): a corrupt member header; "
                         "the members after it were not read",
                         last, end, bytes.size());
    }
  }
  return {};
}

std::string human_size(std::uint64_t bytes) {
  if (bytes < 10 * 1024) return fmt::format("{} B", bytes);
  if (bytes < 10 * 1024 * 1024) return fmt::format("{:.1f} KiB", bytes / 1024.0);
  return fmt::format("{:.1f} MiB", bytes / (1024.0 * 1024.0));
}

}  // namespace

InspectedFile inspect_bytes(Bytes bytes, const std::string& name, const ReadOptions& given) {
  InspectedFile file;
  file.path = printable(name);
  file.size = bytes.size();
  // One budget per named file: the caller's (a package's, shared by its
  // members), or a fresh one.
  ReadOptions options = given;
  if (!options.budget) {
    file.budget = std::make_shared<Budget>();
    options.budget = file.budget.get();
  } else {
    file.budget = std::shared_ptr<Budget>(std::shared_ptr<Budget>(), options.budget);  // not owned
  }
  static const bool initialised = elf_version(EV_CURRENT) != EV_NONE;
  if (!initialised) {
    file.error = "libelf is unusable";
    return file;
  }
  try {
    if (bytes.size() >= 4 && std::memcmp(bytes.data(), "\x50\xed\x55\xba", 4) == 0) {
      file.error = parse_fatbin_region(bytes, "", "(fatbin)", file.containers, options);
      if (!file.error.empty()) file.containers.clear();
      return file;
    }
  } catch (const LimitExceeded& e) {
    file.error = e.what();
    file.containers.clear();
    return file;
  }
  // libelf wants a mutable buffer; it only reads from it in this mode.
  Elf* elf = elf_memory(const_cast<char*>(reinterpret_cast<const char*>(bytes.data())), bytes.size());
  if (!elf) {
    file.error = "cannot read it: " + elf_error();
    return file;
  }
  try {
    switch (elf_kind(elf)) {
      case ELF_K_ELF:
        file.error = inspect_elf(elf, bytes, "", file.containers, options, &file);
        if (file.error.empty() && file.containers.empty() && file.unseen.empty() && holds_ptx_text(bytes)) {
          file.unseen = "it holds PTX text as data, which the program loads itself (cuModuleLoadData); "
                        "where that runs depends on the PTX's .target and the driver";
        }
        break;
      case ELF_K_AR: {
        bool any_object = false;
        file.error = inspect_archive(elf, bytes, file.containers, options, any_object);
        // An ar archive of something else than objects: a Debian package.
        file.not_binary = file.error.empty() && !any_object;
        break;
      }
      default:
        file.not_binary = true;
    }
  } catch (const LimitExceeded& e) {
    file.error = e.what();
  }
  if (file.not_binary) {
    file.error = "not a format this reader understands: cudaenv inspect reads ELF executables, shared libraries, "
                 "objects and static archives, .fatbin and .cubin files, and packages (.whl, .conda, .tar.bz2, "
                 ".tar.*, .zip, .deb)";
    file.bytes = bytes;
  }
  elf_end(elf);
  if (!file.error.empty()) file.containers.clear();
  return file;
}

namespace {

std::string not_regular(mode_t mode) {
  return fmt::format("it is {}, not a regular file; give an executable, library, object, archive or package file",
                     S_ISDIR(mode) ? "a directory" : S_ISFIFO(mode) ? "a FIFO (named pipe)"
                     : S_ISCHR(mode) || S_ISBLK(mode) ? "a device" : S_ISSOCK(mode) ? "a socket" : "a special file");
}

}  // namespace

InspectedFile inspect_file(const std::string& path, const ReadOptions& options) {
  InspectedFile failed;
  failed.path = printable(path);
  // O_PATH: resolves the name (symlinks too) without opening the file for
  // reading, so a FIFO cannot block and a device cannot act. What is then
  // opened for reading is that same file, checked by its descriptor.
  const int handle = open(path.c_str(), O_PATH | O_CLOEXEC);
  if (handle < 0) {
    failed.error = fmt::format("cannot open it: {}", std::strerror(errno));
    return failed;
  }
  struct stat status {};
  if (fstat(handle, &status) != 0 || !S_ISREG(status.st_mode)) {
    failed.error = not_regular(status.st_mode);
    close(handle);
    return failed;
  }
  int fd = open(fmt::format("/proc/self/fd/{}", handle).c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0 && (errno == ENOENT || errno == ENOTDIR)) {  // no /proc: open the name, then compare
    fd = open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  }
  const int open_error = errno;
  close(handle);
  if (fd < 0) {
    failed.error = fmt::format("cannot open it: {}", std::strerror(open_error));
    return failed;
  }
  struct stat opened {};
  if (fstat(fd, &opened) != 0 || !S_ISREG(opened.st_mode) || opened.st_dev != status.st_dev ||
      opened.st_ino != status.st_ino) {
    close(fd);
    failed.error = "it changed while it was opened (a different file, or not a regular file)";
    return failed;
  }
  const auto size = static_cast<std::size_t>(opened.st_size);
  if (size == 0) {
    close(fd);
    failed.error = "the file is empty";
    return failed;
  }
  std::string error;
  auto mapping = GuardedMapping::map(fd, size, error);
  close(fd);
  if (!mapping) {
    failed.error = error;
    return failed;
  }
  auto file = inspect_bytes(mapping->bytes(), path, options);
  file.torn = std::shared_ptr<const std::atomic<bool>>(mapping, &mapping->torn_flag());
  file.storage = mapping;
  if (file.changed_while_read()) {
    file.containers.clear();
    file.error = "it shrank while it was read (overwritten?); nothing can be said about it";
  }
  return file;
}

std::string images_to_text(const InspectedFile& file) {
  std::string out;
  if (!file.error.empty()) return out;  // said once, on stderr
  if (file.containers.empty()) {
    out += file.unseen.empty() ? "  no GPU code\n" : fmt::format("  GPU code it cannot read: {}\n", file.unseen);
    return out;
  }
  // The member column is as wide as the longest member name.
  std::size_t member_width = 6;
  for (const auto& container : file.containers) member_width = std::max(member_width, container.member.size());
  const auto row = [&](auto index, std::string_view member, std::string_view section, std::string_view kind,
                       std::string_view arch, std::string_view isa, std::string_view compressed,
                       std::string_view size) {
    return fmt::format("  {:<3} {:<{}} {:<15} {:<6} {:<7} {:<7} {:<10} {:>10}\n", index, member, member_width,
                       section, kind, arch, isa, compressed, size);
  };
  out += row("#", "member", "section", "kind", "arch", "ptx isa", "compressed", "size");
  int index = 0;
  // Each distinct warning once, after the table, with the rows it is about.
  std::map<std::string, std::vector<std::string>> warnings;
  for (const auto& container : file.containers) {
    ++index;
    for (const auto& image : container.images) {
      out += row(index, container.member.empty() ? "-" : container.member, container.section,
                 to_string(image.kind), image.cmake_arch(), image.ptx_isa ? image.ptx_isa->str() : "-",
                 to_string(image.compression), human_size(image.size));
      if (!image.warning.empty()) warnings[image.warning].push_back(fmt::format("#{} {}", index, image.name()));
    }
  }
  for (const auto& [warning, rows] : warnings) {
    out += rows.size() == 1 ? fmt::format("  warning ({}): {}\n", rows.front(), warning)
                            : fmt::format("  warning ({} images, first {}): {}\n", rows.size(), rows.front(), warning);
  }
  return out;
}

nlohmann::json image_to_json(const FatbinContainer& container, int index, const FatbinImage& image) {
  using nlohmann::json;
  // Built member by member: an initializer list would copy every value.
  json entry = json::object();
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
  return entry;
}

nlohmann::json file_to_json(const InspectedFile& file, bool with_images) {
  using nlohmann::json;
  json images = json::array();
  int index = 0;
  for (const auto& container : file.containers) {
    ++index;
    if (!with_images) continue;
    for (const auto& image : container.images) images.push_back(image_to_json(container, index, image));
  }
  if (!with_images) images = kStreamedImages;
  json entry = json::object();
  entry["path"] = file.path;
  entry["error"] = file.error.empty() ? json(nullptr) : json(file.error);
  json containers = json::array();
  index = 0;
  for (const auto& container : file.containers) {
    containers.push_back({{"index", ++index},
                          {"offset", container.offset},
                          {"member", container.member.empty() ? json(nullptr) : json(container.member)},
                          {"section", container.section},
                          {"images", container.images.size()}});
  }
  entry["size"] = file.size;
  entry["linked"] = file.linked;
  entry["needed"] = file.needed;
  entry["soname"] = file.soname.empty() ? json(nullptr) : json(file.soname);
  entry["unseen"] = file.unseen.empty() ? json(nullptr) : json(file.unseen);
  entry["note"] = file.note.empty() ? json(nullptr) : json(file.note);
  entry["containers"] = std::move(containers);
  entry["images"] = std::move(images);
  return entry;
}

}  // namespace cudaenv
