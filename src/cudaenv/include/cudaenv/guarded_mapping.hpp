// A read-only view of a regular file's bytes, mapped (not copied) and
// guarded: should the file shrink while it is read (`cp` onto an artefact
// under inspection), the pages past its new end read as zeros instead of
// raising SIGBUS, and `torn()` says so, so that the reader reports an error
// instead of an answer about bytes that no longer exist.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <span>
#include <string>

namespace cudaenv {

class GuardedMapping {
 public:
  // Maps `size` bytes of `fd` (which may be closed afterwards). Returns null
  // and sets `error` when it cannot.
  static std::shared_ptr<GuardedMapping> map(int fd, std::size_t size, std::string& error);
  ~GuardedMapping();
  GuardedMapping(const GuardedMapping&) = delete;
  GuardedMapping& operator=(const GuardedMapping&) = delete;

  std::span<const std::byte> bytes() const { return {static_cast<const std::byte*>(address_), size_}; }
  bool torn() const { return torn_.load(std::memory_order_relaxed); }
  const std::atomic<bool>& torn_flag() const { return torn_; }

 private:
  GuardedMapping() = default;
  void* address_ = nullptr;
  std::size_t size_ = 0;
  int slot_ = -1;
  std::atomic<bool> torn_{false};
};

}  // namespace cudaenv
