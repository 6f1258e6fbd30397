// SPDX-License-Identifier: Apache-2.0
// promtool tsdb analyze (cmd/promtool/tsdb.go analyzeBlock) as four phases over the index:
// label names and values from the postings offset table, the series to analyse (all postings,
// or the selector's), one pass over their series entries summing per label pair, then ranking.
// Strings are looked up only for the entries that are printed.
#include <algorithm>
#include <map>
#include <string>

#include "tsdb/analysis.h"
#include "tsdb/index_reader.h"
#include "tsdb/mapped_file.h"
#include "tsdb/pair_table.h"
#include "tsdb/postings_select.h"

namespace caxtool::tsdb {

namespace {

// Pages of a streamed section are handed back every this many bytes, so the resident set stays
// a few megabytes whatever the index size.
constexpr uint64_t kReleaseEvery = 8u << 20;
constexpr uint32_t kCheckEvery = 1u << 14;  // series between cancellation checks

struct LabelStats {
  uint64_t values = 0;
  uint64_t value_bytes = 0;
};

// promtool's churn figure: uint64(float64(sum) / float64(span)). Go's conversion of an
// infinite or out-of-range quotient is platform-defined; 0 is printed here.
uint64_t churn(uint64_t sum, uint64_t span) {
  double q = static_cast<double>(sum) / static_cast<double>(span);
  if (!(q >= 0) || q >= 18446744073709551616.0) return 0;
  return static_cast<uint64_t>(q);
}

void sort_names(std::vector<NameCount>& v, size_t limit) {
  auto better = [](const NameCount& a, const NameCount& b) {
    return a.count != b.count ? a.count > b.count : a.name < b.name;
  };
  if (limit < v.size()) {
    std::partial_sort(v.begin(), v.begin() + static_cast<long>(limit), v.end(), better);
    v.resize(limit);
  } else {
    std::sort(v.begin(), v.end(), better);
  }
}

struct Ranked {
  uint64_t value;
  uint32_t name;
  uint32_t label_value;
};

// The `limit` best pairs by value, ties by (name, value). Symbol indices follow the sorted
// symbol table, so comparing indices compares the strings, without decoding any.
std::vector<PairCount> top_pairs(std::vector<Ranked> items, size_t limit, const IndexReader& r) {
  auto better = [](const Ranked& a, const Ranked& b) {
    if (a.value != b.value) return a.value > b.value;
    if (a.name != b.name) return a.name < b.name;
    return a.label_value < b.label_value;
  };
  size_t n = std::min(limit, items.size());
  std::partial_sort(items.begin(), items.begin() + static_cast<long>(n), items.end(), better);
  std::vector<PairCount> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back({std::string(r.symbol(items[i].name)),
                   std::string(r.symbol(items[i].label_value)), items[i].value});
  }
  return out;
}

TsdbError interrupted() {
  TsdbError e;
  e.kind = TsdbError::Kind::kInterrupted;
  e.message = "interrupted";
  return e;
}

// Phase 1: distinct values and their bytes per label name, from the postings offset table
// (promtool's LabelNames and SortedLabelValues read the same table).
std::optional<TsdbError> read_label_stats(const IndexReader& r,
                                          std::map<std::string, LabelStats, std::less<>>& out,
                                          uint64_t& all_offset, bool& have_all) {
  std::string_view current;
  LabelStats* stats = nullptr;
  return r.for_each_postings_entry(
      [&](std::string_view name, std::string_view value, uint64_t off) {
        if (name.empty()) {
          if (value.empty()) {
            all_offset = off;
            have_all = true;
          }
          return true;  // the all-postings key is not a label
        }
        // Entries come grouped by name; a map lookup only when the name changes.
        if (stats == nullptr || name != current) {
          current = name;
          stats = &out.try_emplace(std::string(name)).first->second;
        }
        ++stats->values;
        stats->value_bytes += value.size();
        return true;
      });
}

struct SeriesSource {
  const std::vector<uint32_t>* refs = nullptr;  // the selector's, or
  PostingsList all;                             // the all-postings list in place
  uint64_t all_offset = 0;
  size_t size() const { return refs != nullptr ? refs->size() : all.count; }
  uint32_t at(size_t i) const {
    return refs != nullptr ? (*refs)[i] : all.at(static_cast<uint32_t>(i));
  }
};

// Phase 3: one pass over the series entries, as promtool's loop over ir.Series.
std::optional<TsdbError> sum_series(const IndexReader& r, const SeriesSource& src, uint64_t span,
                                    const AnalyzeOptions& options, const MappedFile* pages,
                                    PairTable& table, uint64_t& total) {
  SeriesEntry e;
  uint64_t end = 0;
  uint64_t released = src.size() > 0 ? r.series_offset(src.at(0)) : 0;
  uint64_t list_released = src.all_offset;
  const size_t n = src.size();
  for (size_t i = 0; i < n; ++i) {
    uint32_t ref = src.at(i);
    if (auto err = r.read_series(ref, e, end)) return err;
    // The block time this series does not cover (Go would panic on a series without chunks).
    uint64_t covered =
        static_cast<uint64_t>(e.last_max_time) - static_cast<uint64_t>(e.first_min_time);
    uint64_t uncovered = e.chunks == 0 ? span : span - covered;
    for (const auto& [name, value] : e.labels) table.add(name, value, uncovered);
    total += e.labels.size();
    if ((i + 1) % kCheckEvery == 0) {
      if (options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed)) {
        return interrupted();
      }
      uint64_t here = r.series_offset(ref);
      if (pages != nullptr && here > released + kReleaseEvery) {
        pages->release(released, here);
        released = here;
        if (src.refs == nullptr) {
          uint64_t list_here = src.all_offset + 8 + uint64_t{4} * i;
          pages->release(list_released, list_here);
          list_released = list_here;
        }
      }
    }
  }
  if (pages != nullptr && end > released) pages->release(released, end);
  return std::nullopt;
}

std::variant<Analysis, TsdbError> run(std::span<const uint8_t> bytes, const BlockMeta& meta,
                                      const AnalyzeOptions& options, const MappedFile* pages) {
  auto opened = IndexReader::open(bytes);
  if (auto* e = std::get_if<TsdbError>(&opened)) return *e;
  const IndexReader& r = std::get<IndexReader>(opened);
  Analysis a;
  a.meta = meta;
  a.index_version = r.version();

  std::map<std::string, LabelStats, std::less<>> label_stats;
  uint64_t all_offset = 0;
  bool have_all = false;
  if (auto e = read_label_stats(r, label_stats, all_offset, have_all)) return *e;
  if (pages != nullptr) pages->release(r.toc().postings_table, bytes.size() - kTocSize);

  std::vector<uint32_t> selected;
  SeriesSource src;
  if (!options.matchers.empty()) {
    if (auto e = select_series(r, options.matchers, selected)) return *e;
    src.refs = &selected;
    a.selector = options.selector;
    a.matched_series = selected.size();
  } else if (have_all) {
    auto p = r.postings(all_offset, /*verify_crc=*/true);
    if (auto* e = std::get_if<TsdbError>(&p)) return *e;
    src.all = std::get<PostingsList>(p);
    src.all_offset = all_offset;
  }

  const uint64_t span = static_cast<uint64_t>(meta.max_time) - static_cast<uint64_t>(meta.min_time);
  PairTable table(r.symbol_count());
  if (auto e = sum_series(r, src, span, options, pages, table, a.postings_total)) return *e;
  std::vector<PairTable::Pair> pairs = table.pairs();
  a.postings_unique = pairs.size();

  // Phase 4: rankings.
  const size_t limit = options.limit;
  std::optional<uint32_t> metric_name = r.find_symbol("__name__");
  std::vector<Ranked> by_churn, by_count, metrics;
  by_churn.reserve(pairs.size());
  by_count.reserve(pairs.size());
  std::map<uint32_t, uint64_t> name_churn;  // symbol index -> summed uncovered time
  std::map<uint32_t, LabelStats> selected_stats;
  for (const auto& p : pairs) {
    by_churn.push_back({churn(p.sum, span), p.name, p.value});
    by_count.push_back({p.count, p.name, p.value});
    name_churn[p.name] += p.sum;
    if (metric_name && p.name == *metric_name) metrics.push_back({p.count, p.name, p.value});
    if (!options.matchers.empty()) {
      LabelStats& s = selected_stats[p.name];
      ++s.values;
      s.value_bytes += r.symbol(p.value).size();
    }
  }
  a.churn_by_label_pair = top_pairs(std::move(by_churn), limit, r);
  a.most_common_label_pairs = top_pairs(std::move(by_count), limit, r);
  for (const auto& [name, sum] : name_churn) {
    a.churn_by_label_name.push_back({std::string(r.symbol(name)), churn(sum, span)});
  }
  sort_names(a.churn_by_label_name, limit);

  // With a selector, label names and values are those of the selected series (promtool 2.48+
  // passes the matchers to LabelNames and SortedLabelValues); without, the whole table's.
  if (!options.matchers.empty()) {
    label_stats.clear();
    for (const auto& [name, s] : selected_stats) label_stats[std::string(r.symbol(name))] = s;
  }
  a.label_names = label_stats.size();
  for (const auto& [name, s] : label_stats) {
    a.highest_cumulative_value_length.push_back({name, s.value_bytes});
    a.highest_cardinality_labels.push_back({name, s.values});
  }
  sort_names(a.highest_cumulative_value_length, limit);
  sort_names(a.highest_cardinality_labels, limit);
  for (auto& p : top_pairs(std::move(metrics), limit, r)) {
    a.highest_cardinality_metric_names.push_back({std::move(p.value), p.count});
  }
  return a;
}

}  // namespace

std::variant<Analysis, TsdbError> analyze_index(std::span<const uint8_t> index,
                                                const BlockMeta& meta,
                                                const AnalyzeOptions& options) {
  return run(index, meta, options, nullptr);
}

std::variant<Analysis, TsdbError> analyze_block(const std::string& block_dir,
                                                const AnalyzeOptions& options) {
  auto meta = read_meta(block_dir);
  if (auto* e = std::get_if<TsdbError>(&meta)) return *e;
  auto file = MappedFile::open(block_dir + "/index");
  if (auto* why = std::get_if<std::string>(&file)) {
    TsdbError e;
    e.kind = TsdbError::Kind::kUnreadable;
    e.block = block_dir;
    e.file = "index";
    e.message = *why;
    return e;
  }
  const MappedFile& f = std::get<MappedFile>(file);
  auto result = run(f.bytes(), std::get<BlockMeta>(meta), options, &f);
  if (auto* e = std::get_if<TsdbError>(&result)) {
    e->block = block_dir;
  } else {
    std::get<Analysis>(result).block_dir = block_dir;
  }
  return result;
}

}  // namespace caxtool::tsdb
