// Will the GPU code of an inspected file run on a given GPU and driver? The
// per-image rules live in compatibility.hpp; this is the file-level answer:
//  - containers are judged by their kernels: one whose cubins define none
//    (nvcc's device-link container) does not count;
//  - runs (every container with kernels has code for the GPU), partial (some
//    have: libraries such as cuBLAS pick kernels per architecture at run
//    time), will not run (none has), and cannot tell (the reader cannot see
//    the code: stripped section headers, PTX kept as data, LTO-IR only);
//  - the driver floor: the CUDA runtime the file links, compressed fatbins
//    and cubin ABI versions need a driver at least so new.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cudaenv/compatibility.hpp"
#include "cudaenv/facts.hpp"
#include "cudaenv/inspect.hpp"
#include "cudaenv/kernels_in_code.hpp"

namespace cudaenv {

// One GPU to check: a compute capability and, optionally, the CUDA version
// its driver supports ("8.9@12.4").
struct CheckTarget {
  Version capability;
  std::optional<Version> driver_cuda;
  std::string text;  // as given
  // Also fail when the file needs a newer driver than `driver_cuda` for
  // reasons other than the code (its runtime, compression, cubin versions).
  // A release check says that once per file instead.
  bool check_driver_floor = true;
  // Accepts 8.9, 89, sm_89, each optionally @X.Y. Throws std::invalid_argument
  // for text that is not a GPU, a capability no GPU has, or a driver too old
  // to know the GPU.
  static CheckTarget parse(const std::string& text, const Facts& facts = Facts::embedded());
};

// The oldest driver a file can load on, with the reason for each floor.
struct DriverFloor {
  struct Reason {
    Version cuda;
    std::optional<DriverRelease> driver;  // the oldest driver release for `cuda`
    std::string why;                      // "links libcudart.so.12"
  };
  std::vector<Reason> reasons;
  std::optional<Reason> highest() const;  // the binding one; nullopt: no floor known
  std::string text() const;               // "CUDA 12.4 (driver 550.54.14 or newer): ..."
};
DriverFloor minimum_driver(const InspectedFile& file, const Facts& facts = Facts::embedded());

struct ContainerVerdict {
  const FatbinContainer* container = nullptr;
  int index = 0;        // 1-based, as in the image table
  RunVerdict verdict;
  bool counts = true;   // false: its code defines no kernel
  KernelList kernels;   // read only for containers without code for the GPU
  std::string where() const;  // "member_b.cu.o" or "container 3"
};

enum class Outcome { runs, partial, will_not_run, cannot_tell };
const char* to_string(Outcome outcome);

struct FileVerdict {
  Outcome outcome = Outcome::runs;
  std::vector<ContainerVerdict> containers;
  std::vector<std::string> problems;  // file-level: driver floor, unseen code
  std::vector<std::string> notes;     // said with the verdict, e.g. unverified JIT linking
  std::string summary() const;        // one line: "runs: SASS sm_86"
  bool passes(bool strict) const {
    return outcome == Outcome::runs || (outcome == Outcome::partial && !strict);
  }
};

// `kernels`: a cache to share between the checks of one file (optional).
FileVerdict check_file(const InspectedFile& file, const CheckTarget& target, const Facts& facts = Facts::embedded(),
                       KernelCache* kernels = nullptr);

// Whether the driver loads <container> on its own. In a linked file the
// relocatable containers are not loaded: they are what the runtime JIT-links
// when no linked SASS fits (unless the file has nothing else).
bool loaded_on_its_own(const InspectedFile& file, const FatbinContainer& container);

// A container as people know it: its archive member, else "container 3"
// (1-based, as in the image table).
std::string container_name(const FatbinContainer& container, int index);

// The images of one container as the run rules see them (LTO-IR, which no
// driver loads, is left out).
std::vector<CodeImage> runnable_images(const FatbinContainer& container);

// A kernel's mangled name as C++ spells it, where it demangles.
std::string demangled(const std::string& name);

}  // namespace cudaenv
