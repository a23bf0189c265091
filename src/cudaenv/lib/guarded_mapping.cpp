#include "cudaenv/guarded_mapping.hpp"

#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

#include <fmt/format.h>

namespace cudaenv {
namespace {

// The mappings the SIGBUS handler may repair: plain atomics, read in the
// handler without locks.
struct Slot {
  std::atomic<std::uintptr_t> begin{0}, end{0};
  std::atomic<std::atomic<bool>*> torn{nullptr};
};
constexpr int kSlots = 64;
Slot slots[kSlots];
std::mutex slots_mutex;  // taken by map and unmap only, never in the handler
struct sigaction previous {};

void on_sigbus(int signal, siginfo_t* info, void* context) {
  const auto address = reinterpret_cast<std::uintptr_t>(info->si_addr);
  for (auto& slot : slots) {
    const auto begin = slot.begin.load(), end = slot.end.load();
    if (begin == 0 || address < begin || address >= end) continue;
    // The file shrank under the mapping: put a zero page where the missing
    // one was (mmap is async-signal-safe in practice: a system call), mark
    // the mapping, and let the read go on.
    const auto page = static_cast<std::uintptr_t>(sysconf(_SC_PAGESIZE));
    void* at = reinterpret_cast<void*>(address & ~(page - 1));
    if (mmap(at, page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) != MAP_FAILED) {
      if (auto* torn = slot.torn.load()) torn->store(true);
      return;
    }
    break;
  }
  // Not ours: what would have happened without this handler.
  if (previous.sa_flags & SA_SIGINFO && previous.sa_sigaction) {
    previous.sa_sigaction(signal, info, context);
    return;
  }
  if (previous.sa_handler != SIG_DFL && previous.sa_handler != SIG_IGN && previous.sa_handler) {
    previous.sa_handler(signal);
    return;
  }
  ::signal(signal, SIG_DFL);  // returning re-runs the access: default action
}

void install_handler() {
  static std::once_flag once;
  std::call_once(once, [] {
    struct sigaction action {};
    action.sa_sigaction = on_sigbus;
    action.sa_flags = SA_SIGINFO | SA_NODEFER;
    sigemptyset(&action.sa_mask);
    sigaction(SIGBUS, &action, &previous);
  });
}

}  // namespace

std::shared_ptr<GuardedMapping> GuardedMapping::map(int fd, std::size_t size, std::string& error) {
  install_handler();
  std::shared_ptr<GuardedMapping> mapping(new GuardedMapping);
  // Private and writable (copy-on-write) so libelf's mutable pointer is safe.
  void* address = mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
  if (address == MAP_FAILED) {
    error = fmt::format("cannot map it: {}", std::strerror(errno));
    return nullptr;
  }
  mapping->address_ = address;
  mapping->size_ = size;
  std::lock_guard lock(slots_mutex);
  for (int i = 0; i < kSlots; ++i) {
    if (slots[i].begin.load() != 0) continue;
    slots[i].torn.store(&mapping->torn_);
    slots[i].end.store(reinterpret_cast<std::uintptr_t>(address) + size);
    slots[i].begin.store(reinterpret_cast<std::uintptr_t>(address));
    mapping->slot_ = i;
    return mapping;
  }
  error = "cannot map it: too many files open at once";
  return nullptr;  // the destructor unmaps
}

GuardedMapping::~GuardedMapping() {
  if (slot_ >= 0) {
    std::lock_guard lock(slots_mutex);
    slots[slot_].begin.store(0);
    slots[slot_].end.store(0);
    slots[slot_].torn.store(nullptr);
  }
  if (address_) munmap(address_, size_);
}

}  // namespace cudaenv
