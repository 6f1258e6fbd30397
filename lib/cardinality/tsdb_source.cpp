// SPDX-License-Identifier: Apache-2.0
// See tsdb_source.h. Each pass walks the all-postings list (every series reference, in order)
// and decodes each series entry into label strings from the symbol table.
#include "cardinality/tsdb_source.h"

#include <memory>

#include "tsdb/blocks.h"
#include "tsdb/error.h"
#include "tsdb/index_reader.h"
#include "tsdb/mapped_file.h"

namespace caxtool::cardinality {

namespace {

struct OpenBlock {
  std::string path;
  tsdb::MappedFile file;
  std::unique_ptr<tsdb::IndexReader> reader;
};

tsdb::TsdbError in_block(tsdb::TsdbError e, const std::string& path) {
  if (e.block.empty()) e.block = path;
  return e;
}

// Visits the series of one block; `seen` drops series an earlier block had (null: one block).
std::string visit_block(const OpenBlock& b, const SeriesVisitor& visit, exposition::HashSet* seen) {
  const tsdb::IndexReader& r = *b.reader;
  uint64_t all_offset = 0;
  bool found = false;
  auto err =
      r.for_each_postings_entry([&](std::string_view n, std::string_view v, uint64_t offset) {
        if (n.empty() && v.empty()) {
          all_offset = offset;
          found = true;
        }
        return false;  // the all-postings key is the first entry
      });
  if (err) return tsdb::describe(in_block(*err, b.path));
  if (!found) return "block " + b.path + ": index: no all-postings list";
  auto list = r.postings(all_offset, true);
  if (auto* e = std::get_if<tsdb::TsdbError>(&list)) return tsdb::describe(in_block(*e, b.path));
  const tsdb::PostingsList& refs = std::get<tsdb::PostingsList>(list);
  tsdb::SeriesEntry entry;
  std::vector<std::pair<std::string_view, std::string_view>> labels;
  for (uint32_t i = 0; i < refs.count; ++i) {
    uint64_t end = 0;
    if (auto e = r.read_series(refs.at(i), entry, end)) return tsdb::describe(in_block(*e, b.path));
    labels.clear();
    for (const auto& [n, v] : entry.labels) labels.emplace_back(r.symbol(n), r.symbol(v));
    // Symbol indices differ between blocks: a series' identity across blocks is its strings'.
    if (seen != nullptr) {
      uint64_t identity = 0;
      for (const auto& [n, v] : labels) {
        identity += exposition::hash_label(n, v);
      }
      if (!seen->insert(identity)) continue;
    }
    visit(labels);
  }
  return "";
}

}  // namespace

std::variant<SeriesSource, std::string> tsdb_source(const std::string& data_dir,
                                                    const std::string& ulid, bool all,
                                                    TsdbSourceInfo& info) {
  auto listed = tsdb::list_blocks(data_dir);
  if (auto* e = std::get_if<tsdb::TsdbError>(&listed)) return tsdb::describe(*e);
  std::vector<tsdb::BlockDir> chosen;
  if (all) {
    chosen = std::get<std::vector<tsdb::BlockDir>>(listed);
  } else {
    auto one = tsdb::select_block(std::get<std::vector<tsdb::BlockDir>>(listed), data_dir, ulid);
    if (auto* e = std::get_if<tsdb::TsdbError>(&one)) return tsdb::describe(*e);
    chosen.push_back(std::get<tsdb::BlockDir>(one));
  }
  auto blocks = std::make_shared<std::vector<OpenBlock>>();
  for (const tsdb::BlockDir& d : chosen) {
    auto mapped = tsdb::MappedFile::open(d.path + "/index");
    if (auto* why = std::get_if<std::string>(&mapped))
      return "block " + d.path + ": index: " + *why;
    OpenBlock b;
    b.path = d.path;
    b.file = std::move(std::get<tsdb::MappedFile>(mapped));
    auto opened = tsdb::IndexReader::open(b.file.bytes());
    if (auto* e = std::get_if<tsdb::TsdbError>(&opened))
      return tsdb::describe(in_block(*e, d.path));
    b.reader = std::make_unique<tsdb::IndexReader>(std::move(std::get<tsdb::IndexReader>(opened)));
    blocks->push_back(std::move(b));
    info.blocks.push_back(d.ulid);
  }
  return SeriesSource([blocks](const SeriesVisitor& visit) -> std::string {
    exposition::HashSet seen;
    for (const OpenBlock& b : *blocks) {
      std::string e = visit_block(b, visit, blocks->size() > 1 ? &seen : nullptr);
      if (!e.empty()) return e;
    }
    return "";
  });
}

}  // namespace caxtool::cardinality
