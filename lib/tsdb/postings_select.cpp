// SPDX-License-Identifier: Apache-2.0
// Matchers that reject "" select the union of the postings of the values they accept; matchers
// that accept "" (!=, !~, ="", =~".*") remove the union of the values they reject from the rest.
// One pass over the postings offset table finds the lists; each list read is CRC-checked.
#include "tsdb/postings_select.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace caxtool::tsdb {

namespace {

struct Plan {
  const LabelMatcher* matcher = nullptr;
  bool keeps_empty = false;       // the matcher accepts "": subtract the values it rejects
  std::vector<uint64_t> offsets;  // postings lists to union
};

std::optional<TsdbError> union_of(const IndexReader& index, const std::vector<uint64_t>& offsets,
                                  std::vector<uint32_t>& out) {
  out.clear();
  if (offsets.size() == 1) {
    auto p = index.postings(offsets[0], /*verify_crc=*/true);
    if (auto* e = std::get_if<TsdbError>(&p)) return *e;
    const PostingsList& list = std::get<PostingsList>(p);
    out.reserve(list.count);
    for (uint32_t i = 0; i < list.count; ++i) out.push_back(list.at(i));
    if (!std::is_sorted(out.begin(), out.end())) std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return std::nullopt;
  }
  // Many lists (__name__=~".+" unions thousands): a bitmap over the possible references is
  // linear and small (one bit per 16 bytes of index), where merging list after list is not.
  uint64_t data_end = index.bytes().size() - kTocSize;
  uint64_t max_ref = index.version() == 1 ? data_end : data_end / 16;
  std::vector<uint64_t> bits(max_ref / 64 + 1, 0);
  size_t total = 0;
  for (uint64_t off : offsets) {
    auto p = index.postings(off, /*verify_crc=*/true);
    if (auto* e = std::get_if<TsdbError>(&p)) return *e;
    const PostingsList& list = std::get<PostingsList>(p);
    for (uint32_t i = 0; i < list.count; ++i) {
      uint32_t ref = list.at(i);
      if (ref >= max_ref) {
        TsdbError e;
        e.file = "index";
        e.offset = off;
        e.message =
            "postings list refers to series " + std::to_string(ref) + ", past the end of the data";
        return e;
      }
      bits[ref / 64] |= uint64_t{1} << (ref % 64);
    }
    total += list.count;
  }
  out.reserve(total);
  for (size_t w = 0; w < bits.size(); ++w) {
    for (uint64_t b = bits[w]; b != 0; b &= b - 1) {
      out.push_back(static_cast<uint32_t>(w * 64 + static_cast<unsigned>(__builtin_ctzll(b))));
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<TsdbError> select_series(const IndexReader& index,
                                       const std::vector<LabelMatcher>& matchers,
                                       std::vector<uint32_t>& refs) {
  std::vector<Plan> plans;
  for (const auto& m : matchers) plans.push_back({&m, m.matches(""), {}});
  uint64_t all_offset = 0;
  bool have_all = false;
  auto err = index.for_each_postings_entry(
      [&](std::string_view name, std::string_view value, uint64_t off) {
        if (name.empty() && value.empty()) {
          all_offset = off;
          have_all = true;
          return true;
        }
        for (auto& p : plans) {
          if (p.matcher->name != name) continue;
          if (p.matcher->matches(value) != p.keeps_empty) p.offsets.push_back(off);
        }
        return true;
      });
  if (err) return err;

  // Smallest positive set first: every later intersection is then cheaper.
  std::vector<std::vector<uint32_t>> positive;
  std::vector<uint32_t> set;
  for (const auto& p : plans) {
    if (p.keeps_empty) continue;
    if (auto e = union_of(index, p.offsets, set)) return e;
    positive.push_back(std::move(set));
    set.clear();
  }
  std::sort(positive.begin(), positive.end(),
            [](const auto& a, const auto& b) { return a.size() < b.size(); });
  refs.clear();
  if (positive.empty()) {
    if (!have_all) return std::nullopt;  // no all-postings key: no series
    auto p = index.postings(all_offset, /*verify_crc=*/true);
    if (auto* e = std::get_if<TsdbError>(&p)) return *e;
    const PostingsList& list = std::get<PostingsList>(p);
    refs.reserve(list.count);
    for (uint32_t i = 0; i < list.count; ++i) refs.push_back(list.at(i));
  } else {
    refs = std::move(positive.front());
    std::vector<uint32_t> tmp;
    for (size_t i = 1; i < positive.size(); ++i) {
      tmp.clear();
      std::set_intersection(refs.begin(), refs.end(), positive[i].begin(), positive[i].end(),
                            std::back_inserter(tmp));
      refs.swap(tmp);
    }
  }
  std::vector<uint32_t> tmp;
  for (const auto& p : plans) {
    if (!p.keeps_empty || p.offsets.empty() || refs.empty()) continue;
    if (auto e = union_of(index, p.offsets, set)) return e;
    tmp.clear();
    std::set_difference(refs.begin(), refs.end(), set.begin(), set.end(), std::back_inserter(tmp));
    refs.swap(tmp);
  }
  if (!std::is_sorted(refs.begin(), refs.end())) std::sort(refs.begin(), refs.end());
  return std::nullopt;
}

}  // namespace caxtool::tsdb
