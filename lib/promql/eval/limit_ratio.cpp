// SPDX-License-Identifier: Apache-2.0
// limit_ratio's sampling, as Prometheus's HashRatioSampler does it: a series' offset is its
// label-set hash over 2^64-1, and ratio r keeps it when the offset is below r (r >= 0) or at or
// above 1+r (r < 0), so limit_ratio(r, x) and limit_ratio(-(1-r), x) split x in two. The hash
// is labels.Hash() of the build Prometheus releases ship (the stringlabels tag of .promu.yml
// from 2.54 on, later the default build): XXH64 over each name and value in label order, each
// prefixed by its length: since 3.5 one byte below 255 and otherwise 0xff and three
// little-endian bytes, before 3.5 a uvarint. (The slicelabels build hashes "name\xffvalue\xff"
// instead; no release uses it.)
#include <limits>

#include "promql/eval/internal.h"
#include "util/xxhash.h"

namespace caxtool::promql::eval::detail {
namespace {

void append_sized(std::string& buf, const std::string& s, bool varint) {
  size_t n = s.size();
  if (varint) {
    for (; n >= 0x80; n >>= 7) buf.push_back(static_cast<char>((n & 0x7f) | 0x80));
    buf.push_back(static_cast<char>(n));
  } else if (n < 255) {
    buf.push_back(static_cast<char>(n));
  } else {
    buf.push_back(static_cast<char>(0xff));
    buf.push_back(static_cast<char>(n & 0xff));
    buf.push_back(static_cast<char>((n >> 8) & 0xff));
    buf.push_back(static_cast<char>((n >> 16) & 0xff));
  }
  buf += s;
}

}  // namespace

uint64_t prometheus_labels_hash(const Labels& l, bool varint_sizes) {
  std::string buf;
  for (const auto& [name, value] : l) {
    append_sized(buf, name, varint_sizes);
    append_sized(buf, value, varint_sizes);
  }
  return util::xxhash64(buf);
}

bool limit_ratio_keeps(double r, const Labels& l, Version v) {
  // float64(hash) / float64(math.MaxUint64): both sides rounded to a double as Go does.
  constexpr double kMax = static_cast<double>(std::numeric_limits<uint64_t>::max());
  double offset = static_cast<double>(prometheus_labels_hash(l, v < Version{3, 5})) / kMax;
  return (r >= 0 && offset < r) || (r < 0 && offset >= 1.0 + r);
}

}  // namespace caxtool::promql::eval::detail
