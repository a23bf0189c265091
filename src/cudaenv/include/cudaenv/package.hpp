// Packages as people ship them: wheels (.whl), conda packages (.conda: a zip
// of .tar.zst; .tar.bz2), plain zip and tar archives (any compression) and
// Debian packages. Read with libarchive, streaming: every ELF, fatbin or
// cubin inside (also inside nested archives) is inspected on its own, under
// its path in the package, and dropped before the next one is read.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "cudaenv/inspect.hpp"

namespace cudaenv {

struct PackageLimits {
  std::uint64_t max_member = std::uint64_t{4} << 30;  // bytes of one member held in memory
  int max_depth = 4;                                    // archives inside archives
};

// Whether this build reads packages (it was built with libarchive).
bool packages_supported();

// Inspects `path`: a binary is passed to `visit` as it is; a package is
// opened and each binary inside is passed as "<path>!<member>" (nested:
// "<path>!<inner archive>!<member>"). A package without binaries is passed
// once, without containers, with a note saying so. Formats nobody reads
// come back with an error.
// The same for bytes in memory that are not a binary (`inspect_bytes` said
// `not_binary`): a package read from memory, each binary inside visited.
void inspect_package(Bytes bytes, const std::string& name, const ReadOptions& options, const PackageLimits& limits,
                     const std::function<void(InspectedFile&&)>& visit);

void inspect_path(const std::string& path, const ReadOptions& options, const PackageLimits& limits,
                  const std::function<void(InspectedFile&&)>& visit);

}  // namespace cudaenv
