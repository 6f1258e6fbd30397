// SPDX-License-Identifier: Apache-2.0
// Functions that rewrite or group by labels: label_replace and label_join (with Prometheus's
// label-name and regex errors), histogram_quantile(s) over classic `le` buckets, and
// sort_by_label. They keep the metric name unless they are told to change it.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <unordered_map>

#include "promql/eval/internal.h"
#include "promql/regex.h"

namespace caxtool::promql::eval::detail {
namespace {

bool valid_utf8(std::string_view s) {
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) >> 6) != 2) return false;
    i += n;
  }
  return true;
}

// facette.io/natsort's Compare, which sort_by_label uses: digit runs compare as numbers.
bool natural_less(std::string_view a, std::string_view b) {
  auto chunks = [](std::string_view s) {
    std::vector<std::string_view> out;
    size_t i = 0;
    while (i < s.size()) {
      bool digit = std::isdigit(static_cast<unsigned char>(s[i])) != 0;
      size_t j = i;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) != 0) == digit) ++j;
      out.push_back(s.substr(i, j - i));
      i = j;
    }
    return out;
  };
  auto ca = chunks(a), cb = chunks(b);
  for (size_t i = 0; i < ca.size(); ++i) {
    if (i >= cb.size()) return false;
    bool na = std::isdigit(static_cast<unsigned char>(ca[i][0])) != 0 && ca[i].size() < 19;
    bool nb = std::isdigit(static_cast<unsigned char>(cb[i][0])) != 0 && cb[i].size() < 19;
    if (na && nb) {
      long long x = std::stoll(std::string(ca[i])), y = std::stoll(std::string(cb[i]));
      if (x != y) return x < y;
    } else if (ca[i] != cb[i]) {
      return ca[i] < cb[i];
    }
    if (i == ca.size() - 1) return true;
    if (i == cb.size() - 1) return false;
  }
  return false;
}

bool valid_label_name(std::string_view n, bool utf8) {
  if (n.empty()) return false;
  if (utf8) return valid_utf8(n);
  for (size_t i = 0; i < n.size(); ++i) {
    char c = n[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

LabelsPtr set_label(const Labels& l, const std::string& name, const std::string& value) {
  Labels out;
  out.reserve(l.size() + 1);
  bool done = false;
  for (const auto& p : l) {
    if (!done && p.first >= name) {
      done = true;
      if (!value.empty()) out.emplace_back(name, value);
      if (p.first == name) continue;
    }
    out.push_back(p);
  }
  if (!done && !value.empty()) out.emplace_back(name, value);
  return make_labels(std::move(out));
}

// Go's strconv.ParseFloat, near enough for bucket bounds: no surrounding space, all consumed.
bool parse_float(std::string_view s, double& out) {
  if (s.empty() || std::isspace(static_cast<unsigned char>(s[0]))) return false;
  std::string str(s);
  char* end = nullptr;
  out = std::strtod(str.c_str(), &end);
  return end == str.c_str() + str.size();
}

// labels.FormatOpenMetricsFloat: Go's shortest 'g' form, with ".0" when it has no '.' or 'e'.
std::string open_metrics_float(double q) {
  std::string out = format_value(q);
  if (std::isnan(q) || std::isinf(q)) return out;
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

}  // namespace

Val Evaluator::eval_label_function(const Call& c, int64_t ts) {
  std::string_view n = c.name;
  bool utf8 = opt_.version.major >= 3;
  if (n == "histogram_quantile" || n == "histogram_quantiles") {
    // histogram_quantiles(v, "label", q...): every quantile, named by `label`.
    bool multi = n == "histogram_quantiles";
    std::vector<double> qs;
    std::string q_label;
    Val v;
    if (multi) {
      v = eval(*c.args[0], ts);
      q_label = eval(*c.args[1], ts).str;
      for (size_t i = 2; i < c.args.size(); ++i) qs.push_back(eval(*c.args[i], ts).scalar);
    } else {
      qs.push_back(eval(*c.args[0], ts).scalar);
      v = eval(*c.args[1], ts);
    }
    auto named = [&](const LabelsPtr& l, double q) {
      return multi ? set_label(*l, q_label, open_metrics_float(q)) : l;
    };
    struct Group {
      LabelsPtr labels;
      std::vector<std::pair<double, double>> buckets;
    };
    std::unordered_map<std::string, size_t> index;
    std::vector<Group> groups;
    Vector out;
    std::vector<const VSample*> natives;
    for (const auto& s : v.vec) {
      if (s.h) {
        natives.push_back(&s);
        continue;
      }
      double upper;
      if (!parse_float(label_value(*s.labels, "le"), upper)) continue;
      auto [it, inserted] = index.try_emplace(bucket_group_key(*s.labels), groups.size());
      if (inserted) {
        Labels l;
        for (const auto& p : *s.labels)
          if (p.first != "le" && (delayed_names() || p.first != "__name__")) l.push_back(p);
        groups.push_back(Group{make_labels(std::move(l)), {}});
      }
      groups[it->second].buckets.emplace_back(upper, s.v);
    }
    // A native histogram and classic buckets of one series: neither is used (3.x's warning).
    std::vector<bool> mixed(groups.size(), false);
    std::vector<const VSample*> pure;
    for (const VSample* s : natives) {
      auto it = index.find(bucket_group_key(*s->labels));
      if (it != index.end()) {
        mixed[it->second] = true;
        warn(
            "PromQL warning: vector contains a mix of classic and native histograms for metric "
            "name \"" +
            std::string(label_value(*s->labels, "__name__")) + "\"");
        continue;
      }
      pure.push_back(s);
    }
    bool forced = false;
    for (double q : qs) {
      for (const VSample* s : pure)
        out.push_back(VSample{named(delayed_names() ? s->labels : nameless(*s), q),
                              native_quantile(q, *s->h, opt_.version.major >= 3), ts, nullptr,
                              nullptr, delayed_names()});
      for (size_t i = 0; i < groups.size(); ++i) {
        if (mixed[i]) continue;
        out.push_back(VSample{named(groups[i].labels, q),
                              bucket_quantile(q, groups[i].buckets, forced), ts, nullptr, nullptr,
                              delayed_names()});
      }
    }
    if (forced && opt_.version.major >= 3)
      warn("PromQL info: input to histogram_quantile needed to be fixed for monotonicity");
    return Val::of_vector(std::move(out));
  }
  Val v = eval(*c.args[0], ts);
  if (n == "sort_by_label" || n == "sort_by_label_desc") {
    std::vector<std::string> names;
    for (size_t i = 1; i < c.args.size(); ++i) names.push_back(eval(*c.args[i], ts).str);
    bool desc = n == "sort_by_label_desc";
    std::stable_sort(v.vec.begin(), v.vec.end(), [&](const VSample& a, const VSample& b) {
      for (const auto& ln : names) {
        auto x = label_value(*a.labels, ln), y = label_value(*b.labels, ln);
        if (x != y) return desc ? !natural_less(x, y) : natural_less(x, y);
      }
      int cmp = compare_labels(*a.labels, *b.labels);
      return desc ? cmp > 0 : cmp < 0;
    });
    return v;
  }
  std::vector<std::string> args;
  for (size_t i = 1; i < c.args.size(); ++i) args.push_back(eval(*c.args[i], ts).str);
  if (n == "label_replace") {
    const std::string& dst = args[0];
    const std::string& repl = args[1];
    const std::string& src = args[2];
    const std::string& re = args[3];
    // Checked once per pattern and wording: rules run the same label_replace at every step.
    thread_local std::unordered_map<std::string, std::optional<std::string>> checked;
    bool quote_raw = opt_.version >= Version{2, 52};
    std::string check_key = std::string(quote_raw ? "1" : "0") + (utf8 ? "1" : "0") + re;
    auto ck = checked.find(check_key);
    if (ck == checked.end())
      ck = checked.emplace(check_key, promql::detail::check_regex(re, quote_raw, utf8).error).first;
    // Prometheus names the pattern, not the parser's complaint.
    if (ck->second) fail("invalid regular expression in label_replace(): " + re);
    if (!valid_label_name(dst, utf8))
      fail("invalid destination label name in label_replace(): " + dst);
    const promql::detail::LabelRegex& regex = cached_regex(re, utf8);
    std::string res;
    for (auto& s : v.vec) {
      if (!regex.expand(label_value(*s.labels, src), repl, res)) continue;
      s.labels = set_label(*s.labels, dst, res);
      if (dst == "__name__") s.drop = false;  // a name set here stays (delayed name removal)
    }
    return v;
  }
  // label_join(v, dst, sep, src...)
  const std::string& dst = args[0];
  if (!valid_label_name(dst, utf8)) fail("invalid destination label name in label_join(): " + dst);
  for (size_t i = 2; i < args.size(); ++i)
    if (!valid_label_name(args[i], utf8))
      fail("invalid source label name in label_join(): " + args[i]);
  for (auto& s : v.vec) {
    std::string joined;
    for (size_t i = 2; i < args.size(); ++i) {
      if (i > 2) joined += args[1];
      joined += label_value(*s.labels, args[i]);
    }
    s.labels = set_label(*s.labels, dst, joined);
    if (dst == "__name__") s.drop = false;
  }
  return v;
}

}  // namespace caxtool::promql::eval::detail
