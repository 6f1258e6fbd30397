// SPDX-License-Identifier: Apache-2.0
// meta.json through nlohmann/json, whose exceptions stop here: the rest of lib/tsdb sees a
// BlockMeta or a TsdbError.
#include "tsdb/meta.h"

#include <nlohmann/json.hpp>

#include "util/file.h"

namespace caxtool::tsdb {

namespace {

TsdbError meta_error(std::string message) {
  TsdbError e;
  e.kind = TsdbError::Kind::kCorrupt;
  e.file = "meta.json";
  e.message = std::move(message);
  return e;
}

}  // namespace

std::variant<BlockMeta, TsdbError> parse_meta(const std::string& text) {
  try {
    auto j = nlohmann::json::parse(text);
    if (!j.is_object()) return meta_error("not a JSON object");
    BlockMeta m;
    m.ulid = j.at("ulid").get<std::string>();
    m.min_time = j.at("minTime").get<int64_t>();
    m.max_time = j.at("maxTime").get<int64_t>();
    m.version = j.at("version").get<int>();
    if (m.version != 1) {
      return meta_error("unexpected meta file version " + std::to_string(m.version) + " (want 1)");
    }
    if (auto s = j.find("stats"); s != j.end() && s->is_object()) {
      m.num_samples = s->value("numSamples", uint64_t{0});
      m.num_series = s->value("numSeries", uint64_t{0});
      m.num_chunks = s->value("numChunks", uint64_t{0});
      m.num_tombstones = s->value("numTombstones", uint64_t{0});
    }
    if (auto c = j.find("compaction"); c != j.end() && c->is_object()) {
      m.compaction_level = c->value("level", 0);
    }
    return m;
  } catch (const nlohmann::json::exception& e) {
    return meta_error(e.what());
  }
}

std::variant<BlockMeta, TsdbError> read_meta(const std::string& block_dir) {
  std::string why;
  auto text = util::read_file(block_dir + "/meta.json", why);
  if (!text) {
    TsdbError e = meta_error(why);
    e.kind = TsdbError::Kind::kUnreadable;
    e.block = block_dir;
    return e;
  }
  auto r = parse_meta(*text);
  if (auto* e = std::get_if<TsdbError>(&r)) e->block = block_dir;
  return r;
}

}  // namespace caxtool::tsdb
