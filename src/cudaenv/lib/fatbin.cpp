#include "cudaenv/fatbin.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <stdexcept>

#include <fmt/format.h>
#include <lz4.h>
#include <zstd.h>

#include "cudaenv/cuda_binary_format.hpp"

namespace cudaenv {
namespace {

using namespace format;

template <typename T>
T read(Bytes bytes, std::size_t offset) {  // caller checked the bounds
  T value;
  std::memcpy(&value, bytes.data() + offset, sizeof(T));
  return value;
}

bool all_zero(Bytes bytes, std::size_t* looked = nullptr) {
  const auto it = std::find_if(bytes.begin(), bytes.end(), [](std::byte b) { return b != std::byte{0}; });
  if (looked) *looked = static_cast<std::size_t>(it - bytes.begin());
  return it == bytes.end();
}

// The first bytes of an image once decompressed, for the cubin cross-check.
std::string payload_prefix(const FatbinImage& image, std::size_t want) {
  const auto* src = reinterpret_cast<const char*>(image.payload.data());
  std::string out(want, '\0');
  switch (image.compression) {
    case FatbinImage::Compression::none: {
      const auto n = std::min(want, image.payload.size());
      out.assign(src, n);
      return out;
    }
    case FatbinImage::Compression::lz4: {
      const int n = LZ4_decompress_safe_partial(src, out.data(), static_cast<int>(image.payload.size()),
                                                static_cast<int>(want), static_cast<int>(want));
      out.resize(n > 0 ? static_cast<std::size_t>(n) : 0);
      return out;
    }
    case FatbinImage::Compression::zstd: {
      // One decompression context per thread: creating one per image costs
      // more than the work itself in libraries with many images.
      thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), &ZSTD_freeDCtx);
      ZSTD_DCtx_reset(context.get(), ZSTD_reset_session_only);
      ZSTD_inBuffer in{src, image.payload.size(), 0};
      ZSTD_outBuffer o{out.data(), want, 0};
      while (o.pos < want && in.pos < in.size) {
        const auto rc = ZSTD_decompressStream(context.get(), &o, &in);
        if (ZSTD_isError(rc) || rc == 0) break;
      }
      out.resize(o.pos);
      return out;
    }
  }
  return {};
}

// Compares a SASS entry with its cubin's own ELF header (EM_CUDA, the SM
// and the arch-specific mark in e_flags).
std::string check_cubin(const FatbinImage& image) {
  const auto head = payload_prefix(image, 64);
  if (head.size() < 52 || std::string_view(head).substr(0, 4) != kElfMagic) return "the payload is not an ELF cubin";
  const auto u8 = [&](std::size_t at) { return static_cast<unsigned>(static_cast<unsigned char>(head[at])); };
  const unsigned machine = u8(18) | (u8(19) << 8);
  if (machine != kEmCuda) return fmt::format("the cubin's e_machine is {}, not EM_CUDA (190)", machine);
  const unsigned abi = u8(8);
  const std::uint32_t flags = u8(48) | (u8(49) << 8) | (u8(50) << 16) | (static_cast<std::uint32_t>(u8(51)) << 24);
  const unsigned sm = cubin_sm(abi, flags);
  if (static_cast<int>(sm) != image.arch) {
    return fmt::format("the entry says sm_{} but its cubin is built for sm_{}", image.arch, sm);
  }
  // The driver goes by the entry's flags (see fatbin.hpp), so a
  // disagreement with the cubin's own mark is reported, not acted on.
  const bool cubin_says_a = cubin_marked_arch_specific(abi, flags);
  const bool disagree = cubin_says_a ? image.variant != 'a' : abi < 8 && image.variant == 'a';
  if (disagree) {
    // Arch-specific targets begin with sm_90a: on older GPUs the mark cannot mean one.
    return fmt::format("the cubin's ELF header marks it {} (e_flags {:#x}) but its fatbin entry says {}; the driver "
                       "goes by the entry{}",
                       cubin_says_a ? fmt::format("arch-specific, sm_{}a", sm) : fmt::format("plain sm_{}", sm), flags,
                       image.name(), cubin_says_a && sm < 90 ? " (no sm_" + std::to_string(sm) + "a target exists)" : "");
  }
  return {};
}

}  // namespace

const char* to_string(FatbinImage::Kind kind) {
  switch (kind) {
    case FatbinImage::Kind::sass: return "sass";
    case FatbinImage::Kind::ptx: return "ptx";
    case FatbinImage::Kind::ltoir: return "ltoir";
    case FatbinImage::Kind::other: return "other";
  }
  return "other";
}

const char* to_string(FatbinImage::Compression compression) {
  switch (compression) {
    case FatbinImage::Compression::none: return "none";
    case FatbinImage::Compression::lz4: return "lz4";
    case FatbinImage::Compression::zstd: return "zstd";
  }
  return "none";
}

std::string FatbinImage::cmake_arch() const {
  return variant ? fmt::format("{}{}", arch, variant) : fmt::format("{}", arch);
}

std::string FatbinImage::name() const {
  const char* prefix = kind == Kind::sass ? "sm" : kind == Kind::ptx ? "compute" : kind == Kind::ltoir ? "lto" : "kind";
  return fmt::format("{}_{}", prefix, cmake_arch());
}

namespace {

// The walk itself; `walked` says how far into `region` it looked (what a
// failed candidate of the magic scan cost).
std::string parse_region(Bytes region, const std::string& member, const std::string& section,
                         std::vector<FatbinContainer>& out, const ReadOptions& options, Budget& budget,
                         std::size_t& walked) {
  std::size_t offset = 0;
  walked = 0;
  while (offset < region.size()) {
    const auto rest = region.size() - offset;
    if (rest < kContainerHeaderSize || read<std::uint32_t>(region, offset) != kFatbinMagic) {
      // Sections are padded with zeros between and after containers.
      if (all_zero(region.subspan(offset, std::min<std::size_t>(rest, 8)))) {
        offset += 8;
        continue;
      }
      return fmt::format("{}: no fatbin container at offset {:#x} (garbage or a truncated section)", section, offset);
    }
    const auto version = read<std::uint16_t>(region, offset + 4);
    const auto header_size = read<std::uint16_t>(region, offset + 6);
    const auto fat_size = read<std::uint64_t>(region, offset + 8);
    if (version != 1) return fmt::format("{}: container at {:#x} has version {}, expected 1", section, offset, version);
    if (header_size < kContainerHeaderSize || header_size > rest) {
      return fmt::format("{}: container at {:#x} has a header size of {}", section, offset, header_size);
    }
    if (fat_size > rest - header_size) {
      return fmt::format("{}: container at {:#x} claims {} bytes, but only {} follow (truncated?)", section, offset,
                         fat_size, rest - header_size);
    }
    budget.container();
    FatbinContainer container{member, section, offset, {}};
    const Bytes entries = region.subspan(offset + header_size, fat_size);
    std::size_t at = 0;
    while (at < entries.size()) {
      walked = offset + header_size + at + kEntryHeaderSize;
      const auto left = entries.size() - at;
      if (left < kEntryHeaderSize) {
        if (all_zero(entries.subspan(at))) break;
        return fmt::format("{}: truncated entry header at {:#x}", section, offset + header_size + at);
      }
      const auto kind = read<std::uint16_t>(entries, at);
      const auto entry_version = read<std::uint16_t>(entries, at + 2);
      const auto entry_header = read<std::uint32_t>(entries, at + 4);
      const auto payload_size = read<std::uint64_t>(entries, at + 8);
      std::size_t zeros = 0;
      const bool padding = kind == 0 && all_zero(entries.subspan(at), &zeros);
      walked = offset + header_size + at + zeros;
      if (padding) break;
      if (entry_version != kEntryVersion) {
        return fmt::format("{}: entry at {:#x} has version {:#x}, expected 0x0101", section,
                           offset + header_size + at, entry_version);
      }
      if (entry_header < kEntryHeaderSize || entry_header > left || payload_size > left - entry_header) {
        return fmt::format("{}: entry at {:#x} does not fit its container (header {} + payload {} > {})", section,
                           offset + header_size + at, entry_header, payload_size, left);
      }
      const auto compressed_size = read<std::uint32_t>(entries, at + 0x10);
      const auto minor = read<std::uint16_t>(entries, at + 0x18);
      const auto major = read<std::uint16_t>(entries, at + 0x1A);
      const auto arch = read<std::uint32_t>(entries, at + 0x1C);
      const auto ident_offset = read<std::uint32_t>(entries, at + 0x20);
      const auto ident_length = read<std::uint32_t>(entries, at + 0x24);
      const auto flags = read<std::uint64_t>(entries, at + 0x28);
      const auto decompressed = read<std::uint64_t>(entries, at + 0x38);

      FatbinImage image;
      image.kind = kind == 2 ? FatbinImage::Kind::sass
                 : kind == 1 ? FatbinImage::Kind::ptx
                 : kind == 8 ? FatbinImage::Kind::ltoir
                             : FatbinImage::Kind::other;
      if (arch > 9999) return fmt::format("{}: entry at {:#x} names architecture {}", section, offset + header_size + at, arch);
      image.arch = static_cast<int>(arch);
      image.variant = (flags & kEntryArchSpecific) ? 'a' : (flags & kEntryFamilySpecific) ? 'f' : 0;
      if (image.kind == FatbinImage::Kind::ptx) image.ptx_isa = Version{major, minor};
      if (image.kind == FatbinImage::Kind::sass) image.code_version = Version{major, minor};
      image.compression = (flags & kEntryZstd) ? FatbinImage::Compression::zstd
                        : (flags & kEntryLz4) ? FatbinImage::Compression::lz4
                                             : FatbinImage::Compression::none;
      image.stored_size = payload_size;
      const Bytes stored = entries.subspan(at + entry_header, payload_size);
      if (image.compression == FatbinImage::Compression::none) {
        image.payload = stored;
        image.size = payload_size;
      } else {
        if (compressed_size == 0 || compressed_size > payload_size) {
          return fmt::format("{}: compressed entry at {:#x} declares {} compressed bytes in a {}-byte payload", section,
                             offset + header_size + at, compressed_size, payload_size);
        }
        image.payload = stored.first(compressed_size);
        image.size = decompressed;
      }
      if (ident_length > 0 && ident_offset >= kEntryHeaderSize && ident_offset <= entry_header &&
          ident_length <= entry_header - ident_offset) {
        const auto* text = reinterpret_cast<const char*>(entries.data() + at + ident_offset);
        image.identifier.assign(text, strnlen(text, std::min<std::size_t>(ident_length, 4096)));
      }
      if (image.kind == FatbinImage::Kind::sass &&
          (image.compression != FatbinImage::Compression::zstd || options.verify_zstd_cubins)) {
        image.warning = check_cubin(image);
      }
      budget.image();
      container.images.push_back(std::move(image));
      at += entry_header + payload_size;  // at least 64 bytes: the walk ends
    }
    out.push_back(std::move(container));
    offset += header_size + fat_size;
    offset = (offset + 7) & ~static_cast<std::size_t>(7);
    walked = std::min(offset, region.size());
  }
  return {};
}

}  // namespace

std::string parse_fatbin_region(Bytes region, const std::string& member, const std::string& section,
                                std::vector<FatbinContainer>& out, const ReadOptions& options) {
  Budget own;
  std::size_t walked = 0;
  return parse_region(region, member, section, out, options, options.budget ? *options.budget : own, walked);
}

void scan_for_fatbins(Bytes bytes, const std::string& member, const std::string& section,
                      std::vector<FatbinContainer>& out, const ReadOptions& options) {
  constexpr unsigned char magic[] = {0x50, 0xed, 0x55, 0xba};
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  Budget own;
  Budget& budget = options.budget ? *options.budget : own;
  std::size_t at = 0;
  while (at + kContainerHeaderSize <= bytes.size()) {
    const void* hit = memmem(data + at, bytes.size() - at, magic, sizeof magic);
    if (!hit) break;
    at = static_cast<std::size_t>(static_cast<const unsigned char*>(hit) - data);
    if (at + kContainerHeaderSize > bytes.size()) break;
    const auto fat_size = read<std::uint64_t>(bytes, at + 8);
    // Strict: version 1, a 16-byte header, a size that fits, and every entry
    // valid; anything else is data that happens to hold the magic.
    // A candidate that fails costs the bytes its walk looked at. Honest
    // files pay that only for stray magic numbers; nested fake containers
    // that each walk to the end of the file run out of budget (a linear
    // bound on the work, the error naming the limit) instead of time.
    std::vector<FatbinContainer> found;
    std::size_t walked = 0;
    Budget trial(budget.limits());  // counts, then charged only if kept
    const bool plausible = read<std::uint16_t>(bytes, at + 4) == 1 &&
                           read<std::uint16_t>(bytes, at + 6) == kContainerHeaderSize && fat_size > 0 &&
                           fat_size <= bytes.size() - at - kContainerHeaderSize;
    const bool clean = plausible &&
                       parse_region(bytes.subspan(at, kContainerHeaderSize + fat_size), member, section, found, options,
                                    trial, walked).empty();
    budget.scanned(sizeof magic + (clean ? 0 : walked), bytes.size());
    if (clean && found.size() == 1 && !found.front().images.empty()) {
      budget.container();
      for (std::size_t i = 0; i < found.front().images.size(); ++i) budget.image();
      found.front().offset = at;
      out.push_back(std::move(found.front()));
      at += kContainerHeaderSize + fat_size;
    } else {
      at += sizeof magic;
    }
  }
}

DecompressedPayload decompress_payload_view(const FatbinImage& image, std::uint64_t limit, Budget* budget) {
  const auto* src = reinterpret_cast<const char*>(image.payload.data());
  const auto stored = image.payload.size();
  DecompressedPayload out;
  if (image.compression == FatbinImage::Compression::none) {
    out.bytes = std::string_view(src, stored);
    return out;
  }
  if (image.size > limit) {
    Budget::exceed("image", limit, fmt::format("bytes in one decompressed fatbin image ({} declares {})",
                                               printable(image.name()), image.size));
  }
  const auto allocate = [&](std::size_t size) {
    void* grown = std::realloc(out.data.get(), std::max<std::size_t>(size, 1));
    if (!grown) throw std::bad_alloc();
    (void)out.data.release();
    out.data.reset(static_cast<char*>(grown));
  };
  if (image.compression == FatbinImage::Compression::lz4) {
    // An LZ4 block cannot expand more than 255x: a larger declared size is a
    // lie, and the buffer LZ4 needs up front must not be sized by one.
    if (image.size > stored * 255 + 1024 || stored > static_cast<std::uint64_t>(INT32_MAX)) {
      throw std::runtime_error(fmt::format("{} declares {} decompressed bytes from {} LZ4 bytes; refusing",
                                           image.name(), image.size, stored));
    }
    if (budget) budget->decompressed(image.size);
    allocate(static_cast<std::size_t>(image.size));
    const int n = LZ4_decompress_safe(src, out.data.get(), static_cast<int>(stored), static_cast<int>(image.size));
    if (n < 0 || static_cast<std::uint64_t>(n) != image.size) {
      throw std::runtime_error(fmt::format("{}: corrupt LZ4 data", image.name()));
    }
    out.bytes = std::string_view(out.data.get(), image.size);
    return out;
  }
  // zstd can expand far more (long runs): stream into a buffer that grows
  // with the data actually produced, never past the declared size. Honest
  // images (the largest real ones are tens of MiB) get one buffer.
  thread_local std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context(ZSTD_createDCtx(), &ZSTD_freeDCtx);
  ZSTD_DCtx_reset(context.get(), ZSTD_reset_session_only);
  std::size_t capacity = static_cast<std::size_t>(std::min<std::uint64_t>(image.size, std::uint64_t{64} << 20));
  allocate(capacity);
  ZSTD_inBuffer in{src, stored, 0};
  std::size_t produced = 0;
  while (true) {
    if (produced == capacity) {
      if (capacity == image.size) {
        // Full: the frame must end here, with nothing more to give.
        char extra = 0;
        ZSTD_outBuffer probe{&extra, 1, 0};
        const auto rc = ZSTD_decompressStream(context.get(), &probe, &in);
        if (ZSTD_isError(rc) || probe.pos != 0 || rc != 0) {
          throw std::runtime_error(fmt::format("{}: corrupt zstd data (more than its declared {} bytes)", image.name(),
                                               image.size));
        }
        break;
      }
      capacity = static_cast<std::size_t>(std::min<std::uint64_t>(image.size, std::uint64_t{capacity} * 2));
      allocate(capacity);
    }
    ZSTD_outBuffer o{out.data.get(), capacity, produced};
    const auto rc = ZSTD_decompressStream(context.get(), &o, &in);
    if (ZSTD_isError(rc)) {
      throw std::runtime_error(fmt::format("{}: corrupt zstd data ({})", image.name(), ZSTD_getErrorName(rc)));
    }
    if (budget) budget->decompressed(o.pos - produced);
    const bool progressed = o.pos != produced;
    produced = o.pos;
    if (rc == 0) break;  // the frame ended
    if (!progressed && in.pos == in.size && produced < capacity) {
      throw std::runtime_error(fmt::format("{}: corrupt zstd data (truncated)", image.name()));
    }
  }
  if (produced != image.size) {
    throw std::runtime_error(fmt::format("{}: corrupt zstd data (wrong size)", image.name()));
  }
  out.bytes = std::string_view(out.data.get(), produced);
  return out;
}

std::string decompress_payload(const FatbinImage& image, std::uint64_t limit, Budget* budget) {
  return std::string(decompress_payload_view(image, limit, budget).view());
}

std::string ptx_text(const FatbinImage& image, Budget* budget) {
  auto text = decompress_payload(image, budget ? budget->limits().image : Limits{}.image, budget);
  text.resize(strnlen(text.data(), text.size()));
  return text;
}

}  // namespace cudaenv
