#include "cudaenv/package.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <string_view>

#include <fmt/format.h>

#ifdef CUDAENV_HAVE_LIBARCHIVE
#include <archive.h>
#include <archive_entry.h>
#endif

#include "cudaenv/cuda_binary_format.hpp"

namespace cudaenv {
namespace {

bool starts_with(std::string_view bytes, std::string_view magic) { return bytes.substr(0, magic.size()) == magic; }

// A member worth reading: an ELF file, a fatbin, an ar archive (static
// library or .deb), or an archive or compressed stream to open in turn.
enum class MemberKind { binary, archive, other };
MemberKind sniff(std::string_view head) {
  if (starts_with(head, format::kElfMagic) || starts_with(head, format::kFatbinMagicBytes) || starts_with(head, "!<arch>\n")) {
    return MemberKind::binary;
  }
  if (starts_with(head, "PK\x03\x04") || starts_with(head, "\x28\xb5\x2f\xfd") || starts_with(head, "\xfd" "7zXZ") ||
      starts_with(head, "BZh") || starts_with(head, "\x1f\x8b") || (head.size() > 262 && head.substr(257, 5) == "ustar")) {
    return MemberKind::archive;
  }
  return MemberKind::other;
}

}  // namespace

#ifdef CUDAENV_HAVE_LIBARCHIVE
namespace {

using Archive = std::unique_ptr<archive, decltype(&archive_read_free)>;

Archive new_reader() {
  Archive reader(archive_read_new(), &archive_read_free);
  archive_read_support_filter_all(reader.get());
  // Not format_all: its mtree reader takes any text file for an archive.
  archive_read_support_format_tar(reader.get());
  archive_read_support_format_gnutar(reader.get());
  archive_read_support_format_zip(reader.get());
  archive_read_support_format_ar(reader.get());
  archive_read_support_format_cpio(reader.get());
  archive_read_support_format_7zip(reader.get());
  return reader;
}

std::string archive_message(archive* reader) {
  const char* text = archive_error_string(reader);
  return text ? text : "unknown libarchive error";
}

// An inner archive read straight from its outer archive's stream: the bytes
// already read to recognise it first, then the rest as libarchive asks.
struct NestedStream {
  archive* outer = nullptr;
  std::string head;
  bool head_given = false;
  char block[65536];
};

la_ssize_t read_nested(archive*, void* data, const void** buffer) {
  auto* stream = static_cast<NestedStream*>(data);
  if (!stream->head_given) {
    stream->head_given = true;
    *buffer = stream->head.data();
    return static_cast<la_ssize_t>(stream->head.size());
  }
  // archive_read_data, not _block: the head was read with it, and the two
  // do not mix within one entry.
  const auto n = archive_read_data(stream->outer, stream->block, sizeof stream->block);
  *buffer = stream->block;
  return n;
}

class PackageReader {
 public:
  PackageReader(const ReadOptions& options, const PackageLimits& limits,
                const std::function<void(InspectedFile&&)>& visit)
      : options_(options), limits_(limits), visit_(visit) {}

  // Reads every member of `reader` (already opened); `name` prefixes them.
  // Returns an error, or "".
  std::string read_all(archive* reader, const std::string& name, int depth) {
    archive_entry* entry = nullptr;
    int status;
    while ((status = archive_read_next_header(reader, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN) {
      const char* path = archive_entry_pathname(entry);
      const std::string member = fmt::format("{}!{}", name, path ? path : "?");
      // ar members (a .deb's) carry no file type, only permission bits.
      const auto type = archive_entry_filetype(entry);
      if (type != AE_IFREG && type != 0) continue;
      if (auto error = read_member(reader, member, depth); !error.empty()) return error;
    }
    if (status != ARCHIVE_EOF) return fmt::format("{}: {}", name, archive_message(reader));
    return {};
  }

  int binaries() const { return binaries_; }

 private:
  // Reads up to `want` more bytes of the current member into `out`.
  std::string read_into(archive* reader, std::string& out, std::uint64_t want) {
    char block[65536];
    while (want > 0) {
      const auto n = archive_read_data(reader, block, std::min<std::uint64_t>(sizeof block, want));
      if (n < 0) return archive_message(reader);
      if (n == 0) break;
      out.append(block, static_cast<std::size_t>(n));
      want -= static_cast<std::uint64_t>(n);
    }
    return {};
  }

  std::string read_member(archive* reader, const std::string& member, int depth) {
    std::string bytes;
    if (auto error = read_into(reader, bytes, 512); !error.empty()) return fmt::format("{}: {}", member, error);
    switch (sniff(bytes)) {
      case MemberKind::other: return {};
      case MemberKind::archive: {
        if (depth >= limits_.max_depth) return too_deep(member);
        Archive inner = new_reader();
        auto stream = std::make_unique<NestedStream>();
        stream->outer = reader;
        stream->head = std::move(bytes);
        if (archive_read_open(inner.get(), stream.get(), nullptr, read_nested, nullptr) != ARCHIVE_OK) {
          return {};  // compressed data that is not an archive: nothing to inspect
        }
        return read_all(inner.get(), member, depth + 1);
      }
      case MemberKind::binary: break;
    }
    auto storage = std::make_shared<std::string>(std::move(bytes));
    const std::uint64_t left = limits_.max_member - std::min<std::uint64_t>(limits_.max_member, storage->size());
    if (auto error = read_into(reader, *storage, left + 1); !error.empty()) return fmt::format("{}: {}", member, error);
    if (storage->size() > limits_.max_member) {
      InspectedFile file;
      file.path = member;
      file.error = fmt::format("larger than {} MiB, the most one member may take in memory", limits_.max_member >> 20);
      report(std::move(file));
      return {};
    }
    auto file = inspect_bytes(Bytes(reinterpret_cast<const std::byte*>(storage->data()), storage->size()), member,
                              options_);
    if (file.not_binary) {
      // An ar archive of something else: a .deb inside a package.
      Archive inner = new_reader();
      if (archive_read_open_memory(inner.get(), storage->data(), storage->size()) == ARCHIVE_OK) {
        return depth >= limits_.max_depth ? too_deep(member) : read_all(inner.get(), member, depth + 1);
      }
    }
    file.storage = storage;
    report(std::move(file));
    return {};
  }

  std::string too_deep(const std::string& member) const {
    return fmt::format("{}: archives nested more than {} deep; refusing to open it", member, limits_.max_depth);
  }

  // Every binary found (or refused) is reported; none means the package has none.
  void report(InspectedFile&& file) {
    ++binaries_;
    visit_(std::move(file));
  }

  const ReadOptions& options_;
  const PackageLimits& limits_;
  const std::function<void(InspectedFile&&)>& visit_;
  int binaries_ = 0;
};

}  // namespace

bool packages_supported() { return true; }

void inspect_package(Bytes bytes, const std::string& name, const ReadOptions& options, const PackageLimits& limits,
                     const std::function<void(InspectedFile&&)>& visit) {
  Archive reader = new_reader();
  InspectedFile summary;
  summary.path = name;
  summary.size = bytes.size();
  if (archive_read_open_memory(reader.get(), bytes.data(), bytes.size()) != ARCHIVE_OK) {
    const std::string_view head(reinterpret_cast<const char*>(bytes.data()), std::min<std::size_t>(bytes.size(), 512));
    summary.error = sniff(head) == MemberKind::archive
                        ? fmt::format("cannot read it as a package (truncated or damaged?): {}",
                                      archive_message(reader.get()))
                        : inspect_bytes(bytes, name, options).error;  // says what is read
    visit(std::move(summary));
    return;
  }
  PackageReader package(options, limits, visit);
  summary.error = package.read_all(reader.get(), name, 1);
  if (summary.error.empty() && package.binaries() > 0) return;
  if (summary.error.empty()) summary.note = "a package with no executables, libraries or objects in it";
  visit(std::move(summary));
}

#else

bool packages_supported() { return false; }

void inspect_package(Bytes bytes, const std::string& name, const ReadOptions& options, const PackageLimits&,
                     const std::function<void(InspectedFile&&)>& visit) {
  auto file = inspect_bytes(bytes, name, options);
  file.error += "; this cudaenv was built without libarchive, so it cannot open packages (install libarchive-dev "
                "and rebuild)";
  visit(std::move(file));
}

#endif

void inspect_path(const std::string& path, const ReadOptions& options, const PackageLimits& limits,
                  const std::function<void(InspectedFile&&)>& visit) {
  auto file = inspect_file(path, options);
  if (!file.not_binary) {
    visit(std::move(file));
    return;
  }
  inspect_package(file.bytes, path, options, limits, visit);
}

}  // namespace cudaenv
