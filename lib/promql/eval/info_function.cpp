// SPDX-License-Identifier: Apache-2.0
// info(v [, {selector}]), Prometheus's experimental join of info metrics (2.55+): each series of
// v gains the data labels of the info series (target_info, or those the selector's __name__
// matchers pick) sharing its identifying labels, instance and job. Evaluated per step as the
// rest of the engine: the info series are looked up with the lookback at the time the first
// selector of v reads at (its @ and offset, or those of the subqueries around it), so info(v @ t)
// is enriched as of t. Between info series of one metric with the same identifying labels the
// newest sample wins; data-label matchers restrict which info series and which labels count, and
// a series without any info match is dropped when a data matcher rejects the empty value.
// v's own series that are info series themselves pass through unchanged.
// Two differences from Prometheus, both outside its tests: the @/offset reading is that of
// Prometheus after 3.14.0 (#19266; 3.14.0 and earlier read the info series at the step time)
// for every version, and the identifying values that filter the info series are those of the
// step's series, where a range query in Prometheus collects them over all steps first.
#include <algorithm>
#include <map>
#include <set>

#include "promql/eval/internal.h"
#include "promql/regex.h"

namespace caxtool::promql::eval::detail {
namespace {

const char* const kIdentifying[] = {"instance", "job"};

bool matches(const Matcher& m, std::string_view v, bool dot_nl) {
  switch (m.op) {
    case MatchOp::kEqual:
      return v == m.value;
    case MatchOp::kNotEqual:
      return v != m.value;
    case MatchOp::kRegex:
      return cached_regex(m.value, dot_nl).matches(v);
    case MatchOp::kNotRegex:
      return !cached_regex(m.value, dot_nl).matches(v);
  }
  return false;
}

Matcher name_matcher(MatchOp op, std::string value) {
  Matcher m;
  m.name = "__name__";
  m.op = op;
  m.value = std::move(value);
  return m;
}

// The __name__ matchers that select info series: as written when one is positive, else the
// negative ones after `.+_info`, and target_info when there are none.
std::vector<Matcher> effective_name_matchers(const std::vector<Matcher>& written) {
  for (const auto& m : written)
    if (m.op == MatchOp::kEqual || m.op == MatchOp::kRegex) return written;
  std::vector<Matcher> out;
  if (written.empty()) {
    out.push_back(name_matcher(MatchOp::kEqual, "target_info"));
    return out;
  }
  out.push_back(name_matcher(MatchOp::kRegex, ".+_info"));
  out.insert(out.end(), written.begin(), written.end());
  return out;
}

// The first vector selector of `e` (Prometheus's Inspect order), with the subqueries around it.
const VectorSelector* first_selector(const Expr& e, std::vector<const Subquery*>& path) {
  if (const auto* vs = e.as<VectorSelector>()) return vs;
  if (const auto* sq = e.as<Subquery>()) path.push_back(sq);
  for (const Expr* child : children(e))
    if (const VectorSelector* vs = first_selector(*child, path)) return vs;
  if (e.as<Subquery>()) path.pop_back();
  return nullptr;
}

// The join key: an info metric's name and the identifying labels present.
std::string signature(std::string_view info_name, const Labels& l) {
  std::string key;
  append_key(key, "__name__", info_name);
  for (const char* id : kIdentifying) {
    std::string_view v = label_value(l, id);
    if (!v.empty()) append_key(key, id, v);
  }
  return key;
}

}  // namespace

int64_t Evaluator::info_reference_time(const Expr& arg, int64_t ts) const {
  std::vector<const Subquery*> path;
  const VectorSelector* vs = first_selector(arg, path);
  if (!vs) return ts;
  auto offset_ms = [&](const Offset& o) { return -reference_time(At{}, o, 0); };
  int64_t off = offset_ms(vs->offset);
  const At* anchor = vs->at.kind != At::Kind::kNone ? &vs->at : nullptr;
  for (size_t i = path.size(); anchor == nullptr && i-- > 0;) {
    off += offset_ms(path[i]->offset);
    if (path[i]->at.kind != At::Kind::kNone) anchor = &path[i]->at;
  }
  return (anchor ? reference_time(*anchor, Offset{}, ts) : ts) - off;
}

Val Evaluator::eval_info(const Call& c, int64_t ts) {
  bool dot_nl = opt_.version.major >= 3;
  int64_t info_t = info_reference_time(*c.args[0], ts);
  Val base = eval(*c.args[0], ts);
  // Data-label matchers by label name; __name__ matchers pick the info metrics.
  std::map<std::string, std::vector<Matcher>> data;
  std::vector<Matcher> written_names;
  if (c.args.size() > 1) {
    const auto* sel = unwrap(c.args[1].get())->as<VectorSelector>();
    if (!sel) fail("info(): the second argument must be a label selector");
    for (const auto& m : sel->matchers) {
      if (m.name == "__name__")
        written_names.push_back(m);
      else
        data[m.name].push_back(m);
    }
  }
  std::vector<Matcher> names = effective_name_matchers(written_names);
  auto is_info = [&](const Labels& l) {
    std::string_view n = label_value(l, "__name__");
    return std::all_of(names.begin(), names.end(),
                       [&](const Matcher& m) { return matches(m, n, dot_nl); });
  };
  // The identifying values of the series to enrich.
  std::vector<bool> ignored(base.vec.size());
  std::map<std::string, std::set<std::string, std::less<>>, std::less<>> id_values;
  for (size_t i = 0; i < base.vec.size(); ++i) {
    ignored[i] = is_info(*base.vec[i].labels);
    if (ignored[i]) continue;
    for (const char* id : kIdentifying) {
      std::string_view v = label_value(*base.vec[i].labels, id);
      if (!v.empty()) id_values[id].emplace(v);
    }
  }
  // The info series at info_t, the newest per metric name and identifying labels.
  std::map<std::string, VSample> by_sig;
  std::set<std::string> info_names;
  if (!id_values.empty()) {
    VectorSelector sel;
    for (const auto& [n, ms] : data) sel.matchers.insert(sel.matchers.end(), ms.begin(), ms.end());
    sel.matchers.insert(sel.matchers.end(), names.begin(), names.end());
    sel.at.kind = At::Kind::kTimestamp;
    sel.at.milliseconds = info_t;
    Vector found;
    {
      HistogramScope scope(*this, true);
      found = select_vector(sel, ts);
    }
    for (auto& s : found) {
      bool same_ids = std::all_of(id_values.begin(), id_values.end(), [&](const auto& kv) {
        return kv.second.count(label_value(*s.labels, kv.first)) > 0;
      });
      if (!same_ids) continue;
      if (s.h)
        fail("this should be an info metric, with float samples: " + format_labels(*s.labels));
      std::string name(label_value(*s.labels, "__name__"));
      info_names.insert(name);
      auto [it, inserted] = by_sig.try_emplace(signature(name, *s.labels), s);
      if (inserted || it->second.t > s.t) continue;
      if (it->second.t == s.t)
        fail("found duplicate series for info metric: existing " +
             format_labels(*it->second.labels) + " @ " + std::to_string(it->second.t) + ", new " +
             format_labels(*s.labels) + " @ " + std::to_string(s.t));
      it->second = s;
    }
  }
  bool drop_unmatched = false;
  for (const auto& [n, ms] : data)
    for (const auto& m : ms)
      if (!matches(m, "", dot_nl)) drop_unmatched = true;
  Vector out;
  for (size_t i = 0; i < base.vec.size(); ++i) {
    VSample& s = base.vec[i];
    if (ignored[i]) {
      out.push_back(std::move(s));
      continue;
    }
    std::map<std::string, std::string> add;
    bool seen = false;
    for (const auto& name : info_names) {
      auto it = by_sig.find(signature(name, *s.labels));
      if (it == by_sig.end()) continue;
      seen = true;
      for (const auto& [ln, lv] : *it->second.labels) {
        if (ln == "__name__" || (!data.empty() && !data.count(ln))) continue;
        auto prev = add.find(ln);
        if (prev != add.end() && prev->second != lv) fail("conflicting label: " + ln);
        if (!label_value(*s.labels, ln).empty()) continue;
        add.emplace(ln, lv);
      }
    }
    if (!seen && drop_unmatched) continue;
    if (!add.empty()) {
      Labels l = *s.labels;
      l.insert(l.end(), add.begin(), add.end());
      std::sort(l.begin(), l.end());
      s.labels = make_labels(std::move(l));
      s.origin = nullptr;
    }
    s.t = ts;
    out.push_back(std::move(s));
  }
  return Val::of_vector(std::move(out));
}

}  // namespace caxtool::promql::eval::detail
