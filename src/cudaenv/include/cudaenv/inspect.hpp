// `cudaenv inspect`: the GPU code inside executables, shared libraries,
// objects, static archives (every member), bare .fatbin and .cubin files.
// Where it runs is verdict.hpp's; packages (wheels, conda, tar, deb) are
// package.hpp's.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "cudaenv/fatbin.hpp"

namespace cudaenv {

struct InspectedFile {
  std::string path;   // as printed: control characters escaped (limits.hpp's printable)
  std::string error;  // unreadable or malformed: the whole file is in doubt
  std::vector<FatbinContainer> containers;
  bool linked = false;              // an executable or shared library (device code already linked)
  std::vector<std::string> needed;  // its DT_NEEDED libraries
  std::string soname;               // its DT_SONAME, if a shared library
  // Code the reader knows is there but cannot judge: section headers
  // stripped, PTX kept as data for cuModuleLoadData. Empty when none.
  std::string unseen;
  std::string note;                 // how the containers were found, when unusual
  std::uint64_t size = 0;           // bytes
  // Not a binary this reader knows (nor an archive of objects): maybe a
  // package, which package.hpp opens. `bytes` then still holds the file.
  bool not_binary = false;
  Bytes bytes;
  std::shared_ptr<const void> storage;  // keeps the bytes the images point into
  // Set when the file shrank while it was read (guarded_mapping.hpp): every
  // answer about it is void.
  std::shared_ptr<const std::atomic<bool>> torn;
  // The budget of the named file this was read from (limits.hpp), for the
  // work done on it later (decompressing images for kernel names, --ptx).
  std::shared_ptr<Budget> budget;

  bool changed_while_read() const { return torn && torn->load(); }
};

// Reads a file from disk (mapped, not copied, guarded against truncation).
// Anything but a regular file (a FIFO, a device, a directory) is refused
// without being opened for reading: the path is opened with O_PATH and the
// descriptor actually opened is checked, so swapping a symlink between a
// look and an open cannot slip one in.
InspectedFile inspect_file(const std::string& path, const ReadOptions& options = {});
// Reads bytes already in memory; `name` is used in messages.
InspectedFile inspect_bytes(Bytes bytes, const std::string& name, const ReadOptions& options = {});

// The image table of one file (without its path line), and the file as JSON
// (path, containers, images, libraries, notes): what report_file prints.
std::string images_to_text(const InspectedFile& file);
// With `with_images` false, "images" holds kStreamedImages instead, for a
// writer that prints each image_to_json in its place (no document of every
// image at once).
nlohmann::json file_to_json(const InspectedFile& file, bool with_images = true);
nlohmann::json image_to_json(const FatbinContainer& container, int index, const FatbinImage& image);
inline constexpr const char* kStreamedImages = "(images written one by one)";

}  // namespace cudaenv
