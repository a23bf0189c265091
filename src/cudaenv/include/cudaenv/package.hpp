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

// Whether this build reads packages (it was built with libarchive).
bool packages_supported();

// Inspects `path`: a binary is passed to `visit` as it is; a package is
// opened and each binary inside is passed as "<path>!<member>" (nested:
// "<path>!<inner archive>!<member>"). A package without binaries is passed
// once, without containers, with a note saying so. Formats nobody reads
// come back with an error.
// The same for bytes in memory that are not a binary (`inspect_bytes` said
// `not_binary`): a package read from memory, each binary inside visited.
// Every member, nested archive and image charges `options.budget` (one is
// made when it is null): members, bytes read out of the package, nesting
// depth, and one member's size are limits.hpp's. A limit reached ends the
// reading with an error naming it.
void inspect_package(Bytes bytes, const std::string& name, const ReadOptions& options,
                     const std::function<void(InspectedFile&&)>& visit);

void inspect_path(const std::string& path, const ReadOptions& options,
                  const std::function<void(InspectedFile&&)>& visit);

}  // namespace cudaenv
