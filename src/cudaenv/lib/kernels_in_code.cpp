#include "cudaenv/kernels_in_code.hpp"

#include <gelf.h>
#include <libelf.h>

#include <algorithm>
#include <exception>

#include <fmt/format.h>

#include "cudaenv/cuda_binary_format.hpp"

namespace cudaenv {
namespace {

using format::kStoCudaEntry;

bool is_identifier_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

}  // namespace

KernelList cubin_kernels(std::string_view bytes) {
  KernelList list;
  if (elf_version(EV_CURRENT) == EV_NONE) {
    list.error = "libelf is unusable";
    return list;
  }
  // libelf wants a mutable pointer; ELF_C_READ_MMAP-style memory reads do not write.
  Elf* elf = elf_memory(const_cast<char*>(bytes.data()), bytes.size());
  if (!elf || elf_kind(elf) != ELF_K_ELF) {
    if (elf) elf_end(elf);
    list.error = "the cubin is not an ELF image";
    return list;
  }
  Elf_Scn* scn = nullptr;
  while ((scn = elf_nextscn(elf, scn)) != nullptr) {
    GElf_Shdr header;
    if (!gelf_getshdr(scn, &header) || header.sh_type != SHT_SYMTAB || header.sh_entsize == 0) continue;
    Elf_Data* data = elf_getdata(scn, nullptr);
    if (!data) continue;
    const auto count = data->d_size / header.sh_entsize;
    for (std::size_t i = 0; i < count; ++i) {
      GElf_Sym symbol;
      if (!gelf_getsym(data, static_cast<int>(i), &symbol)) break;
      if (GELF_ST_TYPE(symbol.st_info) != STT_FUNC || !(symbol.st_other & kStoCudaEntry)) continue;
      const char* name = elf_strptr(elf, header.sh_link, symbol.st_name);
      if (name) list.names.emplace_back(name);
    }
  }
  elf_end(elf);
  list.known = true;
  return list;
}

KernelList ptx_kernels(std::string_view ptx) {
  KernelList list;
  list.known = true;
  std::size_t at = 0;
  while ((at = ptx.find(".entry", at)) != std::string_view::npos) {
    at += 6;
    // A directive, not part of a longer word or a comment's text.
    if (at < ptx.size() && is_identifier_char(ptx[at])) continue;
    auto start = ptx.find_first_not_of(" \t\r\n", at);
    if (start == std::string_view::npos) break;
    auto end = start;
    while (end < ptx.size() && is_identifier_char(ptx[end])) ++end;
    if (end > start) list.names.emplace_back(ptx.substr(start, end - start));
    at = end;
  }
  return list;
}

KernelList container_kernels(const FatbinContainer& container, Budget* budget) {
  // SASS before PTX, smallest first (cheapest), but not the first image
  // alone: a kernel-less image beside the real one must not make the whole
  // container "defines no kernels". The first image that names kernels
  // answers; "none" needs every image to say none; an image that cannot be
  // read makes the answer unknown (fail closed).
  std::vector<const FatbinImage*> order;
  for (const auto& image : container.images) {
    if (image.kind == FatbinImage::Kind::sass || image.kind == FatbinImage::Kind::ptx) order.push_back(&image);
  }
  const auto rank = [](const FatbinImage* i) { return std::pair(i->kind != FatbinImage::Kind::sass, i->size); };
  std::ranges::stable_sort(order, {}, rank);
  const auto limit = budget ? budget->limits().image : Limits{}.image;
  for (const auto* image : order) {
    KernelList list;
    try {
      if (image->kind == FatbinImage::Kind::ptx) {
        list = ptx_kernels(ptx_text(*image, budget));
      } else {
        list = cubin_kernels(decompress_payload_view(*image, limit, budget).view());
        if (!list.known) list.error = fmt::format("{}: {}", image->name(), list.error);
      }
    } catch (const std::exception& e) {
      return {false, {}, e.what()};
    }
    if (!list.known || !list.names.empty()) return list;
  }
  return {true, {}, {}};
}

const KernelList& KernelCache::of(const FatbinContainer& container) {
  auto it = lists_.find(&container);
  if (it == lists_.end()) {
    auto list = container_kernels(container, budget_);
    if (budget_ && list.known) {
      try {
        budget_->records(list.names.size());
      } catch (const LimitExceeded& e) {
        list = {false, {}, e.what()};
      }
    }
    it = lists_.emplace(&container, std::move(list)).first;
  }
  return it->second;
}

}  // namespace cudaenv
