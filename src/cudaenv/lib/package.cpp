#include "cudaenv/package.hpp"

#include <algorithm>
#include <cstring>
#include <map>
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
  std::uint64_t* drawn = nullptr;  // the outer reader's count of bytes read
  Budget* budget = nullptr;
  std::string* limit_error = nullptr;  // set when the budget ran out (no exception crosses libarchive)
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
  if (n > 0) {
    *stream->drawn += static_cast<std::uint64_t>(n);
    try {
      stream->budget->decompressed(static_cast<std::uint64_t>(n));
    } catch (const LimitExceeded& e) {
      if (stream->limit_error->empty()) *stream->limit_error = e.what();
      return ARCHIVE_FATAL;
    }
  }
  return n;
}

class PackageReader {
 public:
  PackageReader(const ReadOptions& options, const std::function<void(InspectedFile&&)>& visit)
      : options_(options), budget_(*options.budget), visit_(visit) {}

  // Reads every member of `reader` (already opened); `name` prefixes them.
  // Returns an error, or "".
  std::string read_all(archive* reader, const std::string& name, int depth) {
    archive_entry* entry = nullptr;
    int status;
    while ((status = archive_read_next_header(reader, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN) {
      const char* path = archive_entry_pathname(entry);
      // Names come from the package: printed escaped, never raw.
      const std::string member = fmt::format("{}!{}", name, printable(path ? path : "?"));
      try {
        budget_.member();
      } catch (const LimitExceeded& e) {
        return fmt::format("{}: {}", name, e.what());
      }
      // ar members (a .deb's) carry no file type, only permission bits.
      const auto type = archive_entry_filetype(entry);
      if (type != AE_IFREG && type != 0) continue;
      const auto before = drawn_[reader];
      declared_ = archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0
                      ? static_cast<std::uint64_t>(archive_entry_size(entry))
                      : 0;
      if (auto error = read_member(reader, member, depth); !error.empty()) return error;
      const auto pulled = drawn_[reader] - before;
      if (!limit_error_.empty()) return fmt::format("{}: {}", member, limit_error_);
      // What is left of the member is skipped by the next header read; behind
      // a compression filter (a .tar.gz) that means decompressing it, which
      // costs the same as reading it.
      if (archive_filter_count(reader) > 1 && archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0) {
        const auto size = static_cast<std::uint64_t>(archive_entry_size(entry));
        try {
          budget_.decompressed(size - std::min(size, pulled));
        } catch (const LimitExceeded& e) {
          return fmt::format("{}: {}", member, e.what());
        }
      }
    }
    if (!limit_error_.empty()) return fmt::format("{}: {}", name, limit_error_);
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
      if (n < 0) return limit_error_.empty() ? archive_message(reader) : limit_error_;
      if (n == 0) break;
      try {
        budget_.decompressed(static_cast<std::uint64_t>(n));
      } catch (const LimitExceeded& e) {
        return e.what();
      }
      drawn_[reader] += static_cast<std::uint64_t>(n);
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
        if (static_cast<std::uint64_t>(depth) >= budget_.limits().depth) return too_deep(member);
        Archive inner = new_reader();
        auto stream = std::make_unique<NestedStream>();
        stream->outer = reader;
        stream->budget = &budget_;
        stream->drawn = &drawn_[reader];
        stream->limit_error = &limit_error_;
        stream->head = std::move(bytes);
        if (archive_read_open(inner.get(), stream.get(), nullptr, read_nested, nullptr) != ARCHIVE_OK) {
          if (!limit_error_.empty()) return fmt::format("{}: {}", member, limit_error_);
          return {};  // compressed data that is not an archive: nothing to inspect
        }
        return read_all(inner.get(), member, depth + 1);
      }
      case MemberKind::binary: break;
    }
    auto storage = std::make_shared<std::string>(std::move(bytes));
    const auto max_member = budget_.limits().member;
    // Room for the declared size (up to the limit) at once: no copies while
    // it grows. Pages are only touched as data arrives.
    storage->reserve(static_cast<std::size_t>(std::min<std::uint64_t>(declared_, max_member + 1)));
    const std::uint64_t left = max_member - std::min<std::uint64_t>(max_member, storage->size());
    if (auto error = read_into(reader, *storage, left + 1); !error.empty()) return fmt::format("{}: {}", member, error);
    if (storage->size() > max_member) {
      InspectedFile file;
      file.path = member;
      file.error = fmt::format("limit exceeded: larger than {} bytes, the most one member may take in memory "
                               "(--limit member=N raises it)", max_member);
      report(std::move(file));
      return {};
    }
    auto file = inspect_bytes(Bytes(reinterpret_cast<const std::byte*>(storage->data()), storage->size()), member,
                              options_);
    if (file.not_binary) {
      // An ar archive of something else: a .deb inside a package.
      Archive inner = new_reader();
      if (archive_read_open_memory(inner.get(), storage->data(), storage->size()) == ARCHIVE_OK) {
        return static_cast<std::uint64_t>(depth) >= budget_.limits().depth ? too_deep(member)
                                                                            : read_all(inner.get(), member, depth + 1);
      }
    }
    file.storage = storage;
    report(std::move(file));
    return {};
  }

  std::string too_deep(const std::string& member) const {
    return fmt::format("{}: limit exceeded: archives nested more than {} deep (--limit depth=N raises it); refusing "
                       "to open it", member, budget_.limits().depth);
  }

  // Every binary found (or refused) is reported; none means the package has none.
  void report(InspectedFile&& file) {
    ++binaries_;
    visit_(std::move(file));
  }

  const ReadOptions& options_;
  Budget& budget_;
  const std::function<void(InspectedFile&&)>& visit_;
  std::string limit_error_;
  std::uint64_t declared_ = 0;  // the current member's size, as its header says
  std::map<archive*, std::uint64_t> drawn_;  // bytes read (and charged) from each open reader
  int binaries_ = 0;
};

}  // namespace

bool packages_supported() { return true; }

void inspect_package(Bytes bytes, const std::string& name, const ReadOptions& given,
                     const std::function<void(InspectedFile&&)>& visit) {
  ReadOptions options = given;
  std::shared_ptr<Budget> own;
  if (!options.budget) {
    own = std::make_shared<Budget>();
    options.budget = own.get();
  }
  Archive reader = new_reader();
  InspectedFile summary;
  summary.path = printable(name);
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
  PackageReader package(options, visit);
  summary.error = package.read_all(reader.get(), name, 1);
  if (summary.error.empty() && package.binaries() > 0) return;
  if (summary.error.empty()) summary.note = "a package with no executables, libraries or objects in it";
  visit(std::move(summary));
}

#else

bool packages_supported() { return false; }

void inspect_package(Bytes bytes, const std::string& name, const ReadOptions& options,
                     const std::function<void(InspectedFile&&)>& visit) {
  auto file = inspect_bytes(bytes, name, options);
  file.error += "; this cudaenv was built without libarchive, so it cannot open packages (install libarchive-dev "
                "and rebuild)";
  visit(std::move(file));
}

#endif

void inspect_path(const std::string& path, const ReadOptions& given, const std::function<void(InspectedFile&&)>& visit) {
  // One budget for everything read from this path.
  ReadOptions options = given;
  std::shared_ptr<Budget> own;
  if (!options.budget) {
    own = std::make_shared<Budget>();
    options.budget = own.get();
  }
  auto file = inspect_file(path, options);
  if (own) file.budget = own;
  if (!file.not_binary) {
    visit(std::move(file));
    return;
  }
  // Members keep the outer file's mapping (and its truncation flag) alive.
  const auto torn = file.torn;
  inspect_package(file.bytes, path, options, [&](InspectedFile&& member) {
    if (own && !member.budget) member.budget = own;
    if (!member.torn) member.torn = torn;
    if (member.changed_while_read()) {
      member.containers.clear();
      member.error = "the package shrank while it was read (overwritten?); nothing can be said about it";
    }
    visit(std::move(member));
  });
}

}  // namespace cudaenv
