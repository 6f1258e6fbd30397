// SPDX-License-Identifier: Apache-2.0
// Replays saved fuzz cases (every crash a fuzzer found stays in fuzz/corpus/) without libFuzzer,
// so plain g++ and the sanitizer build run them under ctest.
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

int caxtool_fuzz_yaml(const uint8_t* data, size_t size);
int caxtool_fuzz_values(const uint8_t* data, size_t size);
int caxtool_fuzz_promql(const uint8_t* data, size_t size);
int caxtool_fuzz_gotemplate(const uint8_t* data, size_t size);
int caxtool_fuzz_rules(const uint8_t* data, size_t size);
int caxtool_fuzz_promapi(const uint8_t* data, size_t size);
int caxtool_fuzz_series_stream(const uint8_t* data, size_t size);
int caxtool_fuzz_tsdb_index(const uint8_t* data, size_t size);
int caxtool_fuzz_exposition(const uint8_t* data, size_t size);
int caxtool_fuzz_collector(const uint8_t* data, size_t size);
int caxtool_fuzz_config(const uint8_t* data, size_t size);
int caxtool_fuzz_dashboard(const uint8_t* data, size_t size);
int caxtool_fuzz_ruletest(const uint8_t* data, size_t size);

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: fuzz_replay TARGET DIR\n");
    return 2;
  }
  struct Target {
    const char* name;
    int (*run)(const uint8_t*, size_t);
  };
  const Target targets[] = {{"yaml", caxtool_fuzz_yaml},
                            {"values", caxtool_fuzz_values},
                            {"promql", caxtool_fuzz_promql},
                            {"gotemplate", caxtool_fuzz_gotemplate},
                            {"rules", caxtool_fuzz_rules},
                            {"promapi", caxtool_fuzz_promapi},
                            {"series_stream", caxtool_fuzz_series_stream},
                            {"tsdb_index", caxtool_fuzz_tsdb_index},
                            {"exposition", caxtool_fuzz_exposition},
                            {"collector", caxtool_fuzz_collector},
                            {"config", caxtool_fuzz_config},
                            {"dashboard", caxtool_fuzz_dashboard},
                            {"ruletest", caxtool_fuzz_ruletest}};
  int (*target)(const uint8_t*, size_t) = nullptr;
  for (const Target& t : targets) {
    if (std::strcmp(argv[1], t.name) == 0) target = t.run;
  }
  if (target == nullptr) {
    std::fprintf(stderr, "unknown target %s\n", argv[1]);
    return 2;
  }
  size_t count = 0;
  for (const auto& entry : std::filesystem::directory_iterator(argv[2])) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(in)),
                               std::istreambuf_iterator<char>());
    target(bytes.data(), bytes.size());
    ++count;
  }
  std::printf("replayed %zu cases\n", count);
  return count > 0 ? 0 : 1;
}
