// The hostile-input corpus of issue #25, generated at test time (nothing
// large is committed): each finding as a small crafted input, run through the
// helper as a user would, under a wall-clock limit and with its peak memory
// measured, against its expected outcome. Usage:
//   hostile_inputs <cudaenv> <work dir> [case name substring]
// Prints one line per case (time, peak RSS, exit code) and exits non-zero
// when any case misses its expectation.
#include <fcntl.h>
#include <malloc.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <zstd.h>

#include "cudaenv/cmake_text.hpp"
#include "cudaenv/guarded_mapping.hpp"

namespace {

namespace fs = std::filesystem;
using Blob = std::string;

template <typename T>
void put(Blob& b, std::size_t at, T value) {
  if (b.size() < at + sizeof value) b.resize(at + sizeof value);
  std::memcpy(b.data() + at, &value, sizeof value);
}
template <typename T>
void append(Blob& b, T value) {
  put(b, b.size(), value);
}

// ---- fatbins -------------------------------------------------------------
struct Entry {
  std::uint16_t kind = 2;  // 2 SASS, 1 PTX
  std::uint32_t arch = 80;
  std::uint64_t flags = 0;
  std::uint16_t major = 0, minor = 0;
  Blob payload;            // as stored
  std::uint64_t size = 0;  // decompressed, when compressed
};

Blob entry_bytes(const Entry& e) {
  Blob b;
  Blob payload = e.payload;
  payload.resize((payload.size() + 7) & ~std::size_t{7});
  append<std::uint16_t>(b, e.kind);
  append<std::uint16_t>(b, 0x0101);
  append<std::uint32_t>(b, 64);
  append<std::uint64_t>(b, payload.size());
  append<std::uint32_t>(b, (e.flags & 0xA000) ? static_cast<std::uint32_t>(e.payload.size()) : 0);
  append<std::uint32_t>(b, 0);
  append<std::uint16_t>(b, e.minor);
  append<std::uint16_t>(b, e.major);
  append<std::uint32_t>(b, e.arch);
  append<std::uint32_t>(b, 0);  // identifier offset
  append<std::uint32_t>(b, 0);
  append<std::uint64_t>(b, e.flags);
  append<std::uint64_t>(b, 0);
  append<std::uint64_t>(b, e.size);
  b += payload;
  return b;
}

Blob container(const std::vector<Entry>& entries) {
  Blob body;
  for (const auto& e : entries) body += entry_bytes(e);
  Blob b;
  append<std::uint32_t>(b, 0xBA55ED50u);
  append<std::uint16_t>(b, 1);
  append<std::uint16_t>(b, 16);
  append<std::uint64_t>(b, body.size());
  return b + body;
}

Blob zstd(const Blob& text) {
  Blob out(ZSTD_compressBound(text.size()), '\0');
  const auto n = ZSTD_compress(out.data(), out.size(), text.data(), text.size(), 19);
  out.resize(n);
  return out;
}

// ---- ELF -----------------------------------------------------------------
struct Section {
  std::string name;
  std::uint32_t type = 1;  // SHT_PROGBITS
  Blob data;
  std::uint32_t link = 0, info = 0;
  std::uint64_t entsize = 0;
  std::uint64_t offset_override = 0, size_override = 0;  // both nonzero: point elsewhere
  std::uint32_t name_override = 0;                       // nonzero: this sh_name
};

// A little-endian ELF64 file with these sections (and the null one and
// .shstrtab); `machine` 62 (x86-64) or 190 (a cubin).
Blob elf(std::vector<Section> sections, std::uint16_t machine = 62, std::uint16_t type = 3, std::uint32_t flags = 0,
         unsigned char abi = 0) {
  Blob names(1, '\0');
  std::vector<std::uint32_t> name_at;
  for (auto& s : sections) {
    name_at.push_back(static_cast<std::uint32_t>(names.size()));
    names += s.name + '\0';
  }
  const auto shstr_name = static_cast<std::uint32_t>(names.size());
  names += std::string(".shstrtab") + '\0';
  Blob b(64, '\0');
  std::vector<std::uint64_t> offsets;
  for (auto& s : sections) {
    b.resize((b.size() + 15) & ~std::size_t{15});
    offsets.push_back(b.size());
    b += s.data;
  }
  const auto names_offset = b.size();
  b += names;
  b.resize((b.size() + 7) & ~std::size_t{7});
  const auto shoff = b.size();
  const auto shdr = [&](std::uint32_t name, std::uint32_t stype, std::uint64_t off, std::uint64_t size,
                        std::uint32_t link, std::uint32_t info, std::uint64_t entsize) {
    append<std::uint32_t>(b, name);
    append<std::uint32_t>(b, stype);
    append<std::uint64_t>(b, 2);  // SHF_ALLOC
    append<std::uint64_t>(b, 0);
    append<std::uint64_t>(b, off);
    append<std::uint64_t>(b, size);
    append<std::uint32_t>(b, link);
    append<std::uint32_t>(b, info);
    append<std::uint64_t>(b, 8);
    append<std::uint64_t>(b, entsize);
  };
  shdr(0, 0, 0, 0, 0, 0, 0);
  for (std::size_t i = 0; i < sections.size(); ++i) {
    const auto& s = sections[i];
    const bool moved = s.offset_override || s.size_override;
    shdr(s.name_override ? s.name_override : name_at[i], s.type, moved ? s.offset_override : offsets[i],
         moved ? s.size_override : s.data.size(), s.link, s.info, s.entsize);
  }
  shdr(shstr_name, 3, names_offset, names.size(), 0, 0, 0);
  std::memcpy(b.data(), "\x7f" "ELF\x02\x01\x01", 7);
  b[8] = static_cast<char>(abi);
  put<std::uint16_t>(b, 16, type);
  put<std::uint16_t>(b, 18, machine);
  put<std::uint32_t>(b, 20, 1);
  put<std::uint64_t>(b, 40, shoff);
  put<std::uint32_t>(b, 48, flags);
  put<std::uint16_t>(b, 52, 64);
  put<std::uint16_t>(b, 58, 64);
  put<std::uint16_t>(b, 60, static_cast<std::uint16_t>(sections.size() + 2));
  put<std::uint16_t>(b, 62, static_cast<std::uint16_t>(sections.size() + 1));
  return b;
}

// A cubin for sm_<arch> defining `kernels` (STT_FUNC, STO_CUDA_ENTRY).
Blob cubin(unsigned arch, const std::vector<std::string>& kernels, std::size_t padding = 0) {
  Blob strings(1, '\0');
  Blob symbols(24, '\0');  // the null symbol
  for (const auto& k : kernels) {
    const auto name = static_cast<std::uint32_t>(strings.size());
    strings += k + '\0';
    append<std::uint32_t>(symbols, name);
    symbols += static_cast<char>(0x12);  // STB_GLOBAL, STT_FUNC
    symbols += static_cast<char>(0x10);  // STO_CUDA_ENTRY
    append<std::uint16_t>(symbols, 3);
    append<std::uint64_t>(symbols, 0);
    append<std::uint64_t>(symbols, 0);
  }
  std::vector<Section> sections;
  sections.push_back({".strtab", 3, strings});
  Section symtab{".symtab", 2, symbols};
  symtab.link = 1;
  symtab.info = 1;
  symtab.entsize = 24;
  sections.push_back(symtab);
  sections.push_back({".text.pad", 1, Blob(padding, '\0')});
  return elf(sections, 190, 2, (arch << 8) | (arch << 16), 8);
}

Blob host_binary(const Blob& fatbin) { return elf({{".text", 1, Blob(64, '\xc3')}, {".nv_fatbin", 1, fatbin}}); }

// ---- tar, zstd streams, ar -----------------------------------------------
Blob tar_header(const std::string& name, std::uint64_t size) {
  Blob h(512, '\0');
  std::memcpy(h.data(), name.data(), std::min<std::size_t>(name.size(), 99));
  std::snprintf(h.data() + 100, 8, "%07o", 0644);
  std::snprintf(h.data() + 108, 8, "%07o", 0);
  std::snprintf(h.data() + 116, 8, "%07o", 0);
  std::snprintf(h.data() + 124, 12, "%011llo", static_cast<unsigned long long>(size));
  std::snprintf(h.data() + 136, 12, "%011o", 0);
  h[156] = '0';
  std::memcpy(h.data() + 257, "ustar\0" "00", 8);
  std::memset(h.data() + 148, ' ', 8);
  unsigned sum = 0;
  for (unsigned char c : h) sum += c;
  std::snprintf(h.data() + 148, 8, "%06o", sum);
  h[155] = ' ';
  return h;
}

Blob tar(const std::vector<std::pair<std::string, Blob>>& members) {
  Blob b;
  for (const auto& [name, data] : members) {
    b += tar_header(name, data.size());
    b += data;
    b.resize((b.size() + 511) & ~std::size_t{511});
  }
  return b + Blob(1024, '\0');
}

// A .tar.zst whose members are `head` followed by `zeros` zero bytes each,
// made of concatenated zstd frames (one frame of 64 MiB of zeros, repeated):
// gigabytes once decompressed, kilobytes on disk.
Blob tar_zst_bomb(const std::vector<std::string>& names, const Blob& head, std::uint64_t zeros) {
  constexpr std::uint64_t kChunk = 64 << 20;
  static const Blob chunk_frame = zstd(Blob(kChunk, '\0'));
  Blob out;
  for (const auto& name : names) {
    const std::uint64_t size = head.size() + zeros;
    out += zstd(tar_header(name, size) + head);
    std::uint64_t left = zeros;
    while (left >= kChunk) {
      out += chunk_frame;
      left -= kChunk;
    }
    const auto pad = (512 - size % 512) % 512;
    out += zstd(Blob(left + pad, '\0'));
  }
  return out + zstd(Blob(1024, '\0'));
}

Blob ar(const std::vector<std::pair<std::string, Blob>>& members) {
  Blob b = "!<arch>\n";
  for (const auto& [name, data] : members) {
    char header[61];
    std::snprintf(header, sizeof header, "%-16s%-12s%-6s%-6s%-8s%-10zu`\n", (name + "/").c_str(), "0", "0", "0",
                  "644", data.size());
    b.append(header, 60);
    b += data;
    if (b.size() % 2) b += '\n';
  }
  return b;
}

void write(const fs::path& path, const Blob& bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// ---- running the helper ----------------------------------------------------
struct Outcome {
  int code = -1;
  int signal = 0;
  double seconds = 0;
  long rss_kib = 0;
  std::string out, err;
};

Outcome run(const std::vector<std::string>& argv, const std::vector<std::string>& env, double timeout,
            const fs::path& work) {
  Outcome outcome;
  const auto out_path = work / "stdout.txt", err_path = work / "stderr.txt";
  const auto start = std::chrono::steady_clock::now();
  malloc_trim(0);  // the child starts with what the parent holds: measure the helper
  const pid_t pid = fork();
  if (pid == 0) {
    const int o = open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int e = open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(o, 1);
    dup2(e, 2);
    for (const auto& assignment : env) putenv(const_cast<char*>(assignment.c_str()));
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  struct rusage usage {};
  while (true) {
    const pid_t done = wait4(pid, &status, WNOHANG, &usage);
    if (done == pid) break;
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
    if (elapsed.count() > timeout) {
      kill(pid, SIGKILL);
      wait4(pid, &status, 0, &usage);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  outcome.rss_kib = usage.ru_maxrss;
  if (WIFEXITED(status)) outcome.code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) outcome.signal = WTERMSIG(status);
  const auto slurp = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  outcome.out = slurp(out_path);
  outcome.err = slurp(err_path);
  return outcome;
}

struct Case {
  std::string name;  // "<finding>-<what>"
  std::function<std::vector<std::string>(const fs::path& dir)> make;  // returns the helper's arguments
  std::vector<int> codes;       // acceptable exit codes
  std::string must;             // regex that stdout+stderr must match ("" none)
  std::string must_not = "internal error|Segmentation|Aborted";
  double seconds = 20;
  long rss_mib = 400;
  std::vector<std::string> env = {"CUDA_VISIBLE_DEVICES="};
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: hostile_inputs <cudaenv> <work dir> [case]\n");
    return 2;
  }
  const std::string helper = argv[1];
  const fs::path work = argv[2];
  const std::string only = argc > 3 ? argv[3] : "";
  fs::create_directories(work);
  const auto file = [&](const std::string& name, const Blob& bytes) {
    write(work / name, bytes);
    return (work / name).string();
  };
  const auto sass = [](unsigned arch, const Blob& cubin_bytes) {
    Entry e;
    e.arch = arch;
    e.major = 1;
    e.minor = 8;
    e.payload = cubin_bytes;
    return e;
  };

  std::vector<Case> cases;
  // 1: nested fake containers in an ELF without section headers, each
  // claiming the rest of the file, each entry valid until the last.
  cases.push_back({"01-scan-nested-fake-containers", [&](const fs::path&) {
                     constexpr std::size_t stride = 128, blocks = 8192;  // 1 MiB
                     Blob b(64, '\0');
                     std::memcpy(b.data(), "\x7f" "ELF\x02\x01\x01", 7);
                     put<std::uint16_t>(b, 16, 3);
                     put<std::uint16_t>(b, 18, 62);
                     put<std::uint32_t>(b, 20, 1);
                     put<std::uint16_t>(b, 52, 64);
                     const std::size_t total = 64 + stride * blocks;
                     for (std::size_t i = 0; i < blocks; ++i) {
                       const std::size_t at = 64 + i * stride;
                       put<std::uint32_t>(b, at, 0xBA55ED50u);
                       put<std::uint16_t>(b, at + 4, 1);
                       put<std::uint16_t>(b, at + 6, 16);
                       put<std::uint64_t>(b, at + 8, total - at - 16);
                       put<std::uint16_t>(b, at + 16, 2);
                       put<std::uint16_t>(b, at + 18, 0x0101);
                       put<std::uint32_t>(b, at + 20, 64);
                       put<std::uint64_t>(b, at + 24, stride - 64);
                       put<std::uint32_t>(b, at + 16 + 0x1C, 80);
                     }
                     b.resize(total);
                     return std::vector<std::string>{"inspect", file("stripped-nested.so", b), "--require", "7.5"};
                   },
                   {2}, "limit exceeded.*--limit scan", "internal error|require 7.5: met", 20});
  // 2: PTX-like text kept as data, a candidate every 27 bytes, no ".entry".
  cases.push_back({"02-ptx-text-search", [&](const fs::path&) {
                     Blob text;
                     while (text.size() < (1 << 20)) text += ".version 8.0 .target sm_80 ";
                     return std::vector<std::string>{"inspect", file("ptx-data.so", elf({{".rodata", 1, text}}))};
                   },
                   {0}, "no GPU code", "internal error", 10});
  // 3: a .tar.zst of a few KB whose one ELF member is 6 GiB once
  // decompressed; and one whose many members together are.
  cases.push_back({"03-package-member-bomb", [&](const fs::path&) {
                     return std::vector<std::string>{
                         "inspect", file("member-bomb.tar.zst", tar_zst_bomb({"lib/big.so"}, "\x7f" "ELF", 6ull << 30))};
                   },
                   {2}, "limit exceeded.*--limit member", "internal error", 90, 1200});
  cases.push_back({"03-package-total-bomb", [&](const fs::path&) {
                     std::vector<std::string> names;
                     for (int i = 0; i < 64; ++i) names.push_back("data/blob" + std::to_string(i) + ".bin");
                     const Blob inner = tar_zst_bomb(names, "", 1ull << 30);
                     return std::vector<std::string>{
                         "inspect", file("total-bomb.tar", tar({{"inner.tar.zst", inner}, {"after.so", host_binary(
                                                                   container({sass(50, cubin(50, {"k"}))}))}}))};
                   },
                   {2}, "limit exceeded.*--limit decompressed", "internal error", 60});
  // 4: a fatbin whose images are honest zstd streams of hundreds of MiB each.
  cases.push_back({"04-fatbin-decompression-total", [&](const fs::path&) {
                     const Blob real = cubin(50, {"k"}, 200u << 20);
                     const Blob big = zstd(real);
                     Blob fat;
                     for (int i = 0; i < 12; ++i) {
                       Entry e = sass(50, big);
                       e.flags = 0x8000;
                       e.size = real.size();
                       fat += container({e});
                     }
                     // 2.4 GB to decompress in all; the default limit (4 GiB) would
                     // take too long on a loaded CI machine, so 1 GiB here.
                     return std::vector<std::string>{"inspect", file("zstd-total.fatbin", fat), "--check", "9.0",
                                                     "--limit", "decompressed=1G"};
                   },
                   // Every container lacks 9.0 code, so "will not run" is right
                   // whether or not the kernels could be read within the limit.
                   {1, 2}, "will not run|limit exceeded", "internal error|runs:", 90, 600});
  // 5: a thousand .nv_fatbin section headers over one region.
  cases.push_back({"05-overlapping-fatbin-sections", [&](const fs::path&) {
                     std::vector<Entry> entries;
                     for (int i = 0; i < 64; ++i) entries.push_back(sass(80, cubin(80, {"k" + std::to_string(i)})));
                     std::vector<Section> sections{{".nv_fatbin", 1, container(entries)}};
                     const auto offset = 64;
                     const auto size = sections[0].data.size();
                     for (int i = 0; i < 1000; ++i) {
                       Section s{".nv_fatbin", 1, {}};
                       s.offset_override = offset;
                       s.size_override = size;
                       sections.push_back(s);
                     }
                     return std::vector<std::string>{"inspect", file("overlap.so", elf(sections)), "--format", "json"};
                   },
                   {2}, "overlap", "internal error", 10});
  // 8: corrupt section headers hide the GPU code; the verdict must not be met.
  cases.push_back({"08-unreadable-section-name", [&](const fs::path&) {
                     Section fat{".nv_fatbin", 1, container({sass(50, cubin(50, {"k"}))})};
                     fat.name_override = 0x7fffffff;
                     return std::vector<std::string>{"inspect", file("bad-name.so", elf({{".text", 1, Blob(64, 0)}, fat})),
                                                     "--require", "7.5"};
                   },
                   {2}, "cannot read the name of section", "internal error|require 7.5: met|no GPU code", 10});
  cases.push_back({"08-extended-numbering-zero", [&](const fs::path&) {
                     Blob b = host_binary(container({sass(50, cubin(50, {"k"}))}));
                     put<std::uint16_t>(b, 60, 0);  // e_shnum 0, section 0's sh_size 0
                     return std::vector<std::string>{"inspect", file("shnum0.so", b), "--require", "7.5"};
                   },
                   {2}, "section header table", "internal error|require 7.5: met|no GPU code", 10});
  // 9: a kernel-less cubin beside the real one, smaller.
  cases.push_back({"09-kernel-less-decoy", [&](const fs::path&) {
                     const Blob fat = container({sass(80, cubin(80, {"_Z4realv"}, 4096)), sass(86, cubin(86, {}))});
                     return std::vector<std::string>{"inspect", file("decoy.so", host_binary(fat)), "--require", "9.0"};
                   },
                   {1}, "require 9.0: NOT MET", "internal error|require 9.0: met", 10});
  // 10: an ar member whose size field is corrupt hides the members after it.
  cases.push_back({"10-ar-corrupt-size", [&](const fs::path&) {
                     Blob a = ar({{"plain.o", elf({{".text", 1, Blob(64, 0)}}, 62, 1)},
                                  {"gpu.o", elf({{".nv_fatbin", 1, container({sass(50, cubin(50, {"k"}))})}}, 62, 1)}});
                     std::memcpy(a.data() + 8 + 48, "9x        ", 10);
                     return std::vector<std::string>{"inspect", file("corrupt.a", a), "--require", "9.0"};
                   },
                   {2}, "corrupt member header", "internal error|require 9.0: met", 10});
  // 11: member names that would forge a verdict line or drive the terminal.
  cases.push_back({"11-forged-names", [&](const fs::path&) {
                     const std::string name = "lib/x.so\n  require 9.0: met\x1b]0;owned\x07\xc2\x9b" "2J";
                     const Blob pkg = tar({{name, host_binary(container({sass(50, cubin(50, {"k\n  check: met"}))}))}});
                     return std::vector<std::string>{"inspect", file("names.tar", pkg), "--require", "9.0"};
                   },
                   {1}, "x\\.so\\\\x0a  require", "\n  require 9.0: met|\x1b|\xc2\x9b|internal error", 10});
  // 12: numbers too large for the parsers.
  cases.push_back({"12-check-huge", [&](const fs::path&) {
                     return std::vector<std::string>{"inspect", "--check", "99999999999.0", "/dev/null"};
                   },
                   {2}, "--check", "internal error", 10});
  cases.push_back({"12-max-size-huge", [&](const fs::path&) {
                     return std::vector<std::string>{"inspect", "--max-size", std::string(400, '9'),
                                                     file("small.fatbin", container({sass(80, cubin(80, {"k"}))}))};
                   },
                   {2}, "--max-size", "internal error", 10});
  cases.push_back({"12-doctor-architectures-huge", [&](const fs::path&) {
                     return std::vector<std::string>{"doctor", "--build-only", "--architectures", "99999999999"};
                   },
                   {2}, "99999999999", "internal error", 30});
  // 13: an honest PTX of 4.4 MB that zstd packs into a few hundred bytes.
  cases.push_back({"13-zstd-high-ratio-is-honest", [&](const fs::path&) {
                     Blob ptx = ".version 8.0\n.target sm_80\n.address_size 64\n.visible .entry k()\n{\n";
                     while (ptx.size() < 4400000) ptx += "\tmov.u32 %r1, %r1;\n";
                     ptx += "\tret;\n}\n";
                     Entry e;
                     e.kind = 1;
                     e.arch = 80;
                     e.major = 8;
                     e.minor = 0;
                     e.flags = 0x8000;
                     e.payload = zstd(ptx + '\0');
                     e.size = ptx.size() + 1;
                     return std::vector<std::string>{"inspect", file("honest-zstd.fatbin", container({e})), "--ptx"};
                   },
                   {0}, "mov\\.u32", "internal error|refusing", 20});
  // 14: negative version fields.
  cases.push_back({"14-negative-override", [&](const fs::path&) {
                     return std::vector<std::string>{"detect", "--format", "env"};
                   },
                   {2}, "is not a CUDA version", "internal error", 30, 400,
                   {"CUDA_VISIBLE_DEVICES=", "CONDA_OVERRIDE_CUDA=12.-4"}});
  cases.push_back({"14-negative-driver", [&](const fs::path&) {
                     return std::vector<std::string>{"inspect", "--driver", "-1.0", "--require", "8.0",
                                                     file("small14.fatbin", container({sass(80, cubin(80, {"k"}))}))};
                   },
                   {2}, "--driver '-1\\.0'", "--check|internal error", 10});
  // 15: a symlink to a device is refused by what was opened.
  cases.push_back({"15-symlink-to-device", [&](const fs::path& dir) {
                     fs::remove(dir / "dev-link.so");
                     fs::create_symlink("/dev/zero", dir / "dev-link.so");
                     return std::vector<std::string>{"inspect", (dir / "dev-link.so").string()};
                   },
                   {2}, "a device", "internal error", 10});
  // 16/17: saving to a device or a full disk fails, and replaces nothing.
  cases.push_back({"16-save-to-dev-full", [&](const fs::path&) {
                     return std::vector<std::string>{"detect", "--save", "/dev/full"};
                   },
                   {2}, "cannot write --save", "internal error", 30});
  // 18: the doctor given a FIFO does not wait for a writer.
  cases.push_back({"18-doctor-detection-fifo", [&](const fs::path& dir) {
                     fs::remove(dir / "detection.fifo");
                     mkfifo((dir / "detection.fifo").c_str(), 0600);
                     return std::vector<std::string>{"doctor", "--detection", (dir / "detection.fifo").string()};
                   },
                   {2}, "not a regular file", "internal error", 10});

  int failures = 0;
  for (auto& c : cases) {
    if (!only.empty() && c.name.find(only) == std::string::npos) continue;
    auto args = c.make(work);
    args.insert(args.begin(), helper);
    const char* scale = std::getenv("HOSTILE_TIME_SCALE");
    const auto o = run(args, c.env, c.seconds * (scale ? std::atof(scale) : 1.0), work);
    std::string why;
    if (o.signal) why += "killed by signal " + std::to_string(o.signal) + (o.seconds >= c.seconds ? " (timeout)" : "") + "; ";
    if (!o.signal && std::find(c.codes.begin(), c.codes.end(), o.code) == c.codes.end()) {
      why += "exit " + std::to_string(o.code) + "; ";
    }
    const std::string all = o.out + o.err;
    if (!c.must.empty() && !std::regex_search(all, std::regex(c.must))) why += "output lacks /" + c.must + "/; ";
    if (!c.must_not.empty() && std::regex_search(all, std::regex(c.must_not))) why += "output has /" + c.must_not + "/; ";
    const bool sanitized = std::getenv("HOSTILE_NO_RSS_LIMIT") != nullptr;
    if (!sanitized && o.rss_kib / 1024 > c.rss_mib) why += "peak RSS over " + std::to_string(c.rss_mib) + " MiB; ";
    std::printf("%-34s %6.2f s %6ld MiB exit %3d  %s\n", c.name.c_str(), o.seconds, o.rss_kib / 1024,
                o.signal ? 128 + o.signal : o.code, why.empty() ? "ok" : ("FAILED: " + why).c_str());
    if (!why.empty()) {
      ++failures;
      std::printf("  --- stdout ---\n%.2000s\n  --- stderr ---\n%.2000s\n", o.out.c_str(), o.err.c_str());
    }
  }

  // 7 (in process): a mapped file that shrinks reads as zeros and is marked,
  // without SIGBUS.
  if (only.empty() || std::string("07-truncated-while-read").find(only) != std::string::npos) {
    const auto path = work / "shrinking.bin";
    write(path, Blob(1 << 20, 'x'));
    const int fd = open(path.c_str(), O_RDWR);
    std::string error;
    auto mapping = cudaenv::GuardedMapping::map(fd, 1 << 20, error);
    const bool mapped = mapping != nullptr;
    bool ok = mapped && !mapping->torn();
    if (mapped && ftruncate(fd, 4096) == 0) {
      const auto bytes = mapping->bytes();
      const bool zero = bytes[1 << 19] == std::byte{0};
      ok = ok && zero && mapping->torn() && bytes[0] == std::byte{'x'};
    }
    close(fd);
    std::printf("%-34s %s\n", "07-truncated-while-read", ok ? "ok" : "FAILED: no zero page or no mark");
    failures += ok ? 0 : 1;
  }
  // 17: concurrent `detect --save` to one file always leave one whole answer
  // (each writes a temporary file beside it and renames it), and no
  // temporary file behind.
  if (only.empty() || std::string("17-concurrent-saves").find(only) != std::string::npos) {
    const auto saved = work / "concurrent" / "detection.json";
    fs::remove_all(saved.parent_path());
    fs::create_directories(saved.parent_path());
    bool ok = true;
    for (int round = 0; round < 8 && ok; ++round) {
      std::vector<pid_t> children;
      for (int i = 0; i < 3; ++i) {
        const pid_t pid = fork();
        if (pid == 0) {
          const int null = open("/dev/null", O_WRONLY);
          dup2(null, 1);
          dup2(null, 2);
          putenv(const_cast<char*>("CUDA_VISIBLE_DEVICES="));
          execl(helper.c_str(), helper.c_str(), "detect", "--save", saved.c_str(), static_cast<char*>(nullptr));
          _exit(127);
        }
        children.push_back(pid);
      }
      for (const auto pid : children) {
        int status = 0;
        waitpid(pid, &status, 0);
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
      }
      std::ifstream in(saved, std::ios::binary);
      const std::string text(std::istreambuf_iterator<char>(in), {});
      ok = ok && text.size() > 2 && text.front() == '{' && text.substr(text.size() - 2) == "}\n";
      for (const auto& entry : fs::directory_iterator(saved.parent_path())) ok = ok && entry.path() == saved;
    }
    std::printf("%-34s %s\n", "17-concurrent-saves", ok ? "ok" : "FAILED: a partial file or a temporary left");
    failures += ok ? 0 : 1;
  }
  // 19: CMake bracket text that ends in "]==".
  if (only.empty() || std::string("19-cmake-bracket").find(only) != std::string::npos) {
    const auto text = cudaenv::cmake_bracket("Evil GPU]==");
    const bool ok = text == "[===[Evil GPU]==]===]";
    std::printf("%-34s %s (%s)\n", "19-cmake-bracket", ok ? "ok" : "FAILED", text.c_str());
    failures += ok ? 0 : 1;
  }
  std::printf(failures ? "%d case(s) FAILED\n" : "every hostile input handled\n", failures);
  return failures ? 1 : 0;
}
