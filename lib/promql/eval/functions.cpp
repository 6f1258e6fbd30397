// SPDX-License-Identifier: Apache-2.0
// Function calls: arguments are evaluated, then the function runs on the vector (element-wise
// math, clamps, dates, sorting, absent, scalar/vector, timestamp) or hands each series of its
// range argument to functions_range.cpp. Which functions keep the metric name follows
// Prometheus (last_over_time, sort, label_* keep it; the rest drop it).
#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>

#include "promql/eval/internal.h"
#include "util/go_strconv.h"

namespace caxtool::promql::eval::detail {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double sgn(double v) { return v < 0 ? -1 : v > 0 ? 1 : v; }

// Go's math.Max and math.Min: an infinity wins over NaN, NaN over everything else.
double go_max(double x, double y) {
  if (std::isinf(x) && x > 0) return x;
  if (std::isinf(y) && y > 0) return y;
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  return std::max(x, y);
}
double go_min(double x, double y) {
  if (std::isinf(x) && x < 0) return x;
  if (std::isinf(y) && y < 0) return y;
  if (std::isnan(x) || std::isnan(y)) return kNaN;
  return std::min(x, y);
}

double (*simple_function(std::string_view n))(double) {
  struct Entry {
    std::string_view name;
    double (*f)(double);
  };
  static const Entry kTable[] = {
      {"abs", [](double v) { return std::fabs(v); }},
      {"ceil", [](double v) { return std::ceil(v); }},
      {"floor", [](double v) { return std::floor(v); }},
      {"exp", go_exp},
      {"sqrt", [](double v) { return std::sqrt(v); }},
      {"ln", go_log},
      {"log2", go_log2},
      {"log10", go_log10},
      {"sin", go_sin},
      {"cos", go_cos},
      {"tan", go_tan},
      {"asin", go_asin},
      {"acos", go_acos},
      {"atan", go_atan},
      {"sinh", go_sinh},
      {"cosh", go_cosh},
      {"tanh", go_tanh},
      {"asinh", go_asinh},
      {"acosh", go_acosh},
      {"atanh", go_atanh},
      {"deg", [](double v) { return v * 180 / M_PI; }},
      {"rad", [](double v) { return v * M_PI / 180; }},
      {"sgn", sgn},
  };
  for (const auto& e : kTable)
    if (e.name == n) return e.f;
  return nullptr;
}

// Civil date of a Unix time in seconds (UTC), as Go (up to 1.22, which built promtool 2.42)
// computes time.Unix(int64(v), 0).UTC(): on unsigned "absolute" seconds counted from the year
// -292277022399, in 400-, 100- and 4-year cycles. Times before that year wrap around to its
// end; NaN, the infinities and |v| >= 2^63, which int64() maps to math.MinInt64, land there.
struct Civil {
  int64_t year;
  int month, day, hour, minute, weekday, yday;
};

Civil civil(double v) {
  constexpr int64_t kUnixToInternal = int64_t{719162} * 86400;
  constexpr int64_t kInternalToAbsolute = int64_t{730692556} * 146097 * 86400;
  constexpr int64_t kAbsoluteZeroYear = -292277022399;
  // Go adds in int64 and wraps; unsigned arithmetic does the same without overflow.
  uint64_t abs = static_cast<uint64_t>(util::go_int64(v)) +
                 static_cast<uint64_t>(kUnixToInternal + kInternalToAbsolute);
  Civil c{};
  c.hour = static_cast<int>(abs % 86400 / 3600);
  c.minute = static_cast<int>(abs % 3600 / 60);
  c.weekday = static_cast<int>((abs + 86400) % (7 * 86400) / 86400);  // year zero began on a Monday
  uint64_t d = abs / 86400;
  uint64_t n = d / 146097;
  uint64_t y = 400 * n;
  d -= 146097 * n;
  n = d / 36524;
  n -= n >> 2;  // the last day of a 400-year cycle
  y += 100 * n;
  d -= 36524 * n;
  n = d / 1461;
  y += 4 * n;
  d -= 1461 * n;
  n = d / 365;
  n -= n >> 2;  // the last day of a leap year
  y += n;
  d -= 365 * n;
  c.year = static_cast<int64_t>(y) + kAbsoluteZeroYear;
  int day = static_cast<int>(d);
  c.yday = day + 1;
  bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
  if (leap && day == 31 + 29 - 1) {
    c.month = 2;
    c.day = 29;
    return c;
  }
  if (leap && day > 31 + 29 - 1) --day;
  static const int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};
  int month = day / 31;
  if (day >= kBefore[month + 1]) ++month;
  c.month = month + 1;
  c.day = day - kBefore[month] + 1;
  return c;
}

bool date_function(std::string_view n, double v, double& out) {
  Civil c = civil(v);
  if (n == "minute") {
    out = c.minute;
  } else if (n == "hour") {
    out = c.hour;
  } else if (n == "day_of_week") {
    out = c.weekday;
  } else if (n == "day_of_month") {
    out = c.day;
  } else if (n == "day_of_year") {
    out = c.yday;
  } else if (n == "month") {
    out = c.month;
  } else if (n == "year") {
    out = static_cast<double>(c.year);
  } else if (n == "days_in_month") {
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (c.year % 4 == 0 && c.year % 100 != 0) || c.year % 400 == 0;
    out = kDays[c.month - 1] + (leap && c.month == 2 ? 1 : 0);
  } else {
    return false;
  }
  return true;
}

Labels absent_labels(const Expr* e) {
  const VectorSelector* vs = e->as<VectorSelector>();
  if (const auto* m = e->as<MatrixSelector>()) vs = m->vector_selector();
  Labels out;
  if (!vs) return out;
  std::vector<std::string> drop;
  for (const Matcher& m : vs->matchers) {
    if (m.name == "__name__") continue;
    bool has =
        std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == m.name; });
    if (m.op == MatchOp::kEqual && !has) {
      if (!m.value.empty()) out.emplace_back(m.name, m.value);
    } else {
      drop.push_back(m.name);
    }
  }
  std::erase_if(out, [&](const auto& p) {
    return std::find(drop.begin(), drop.end(), p.first) != drop.end();
  });
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

const Expr* unwrap(const Expr* e) {
  while (const auto* p = e->as<Paren>()) e = p->expr.get();
  return e;
}

Val Evaluator::eval_call(const Call& c, int64_t ts) {
  std::string_view n = c.name;
  if (Val h; eval_histogram_call(c, ts, h)) return h;
  if (is_range_function(n)) return eval_range_function(c, ts);
  if (n == "label_replace" || n == "label_join" || n == "histogram_quantile" ||
      n == "histogram_quantiles" || n == "sort_by_label" || n == "sort_by_label_desc")
    return eval_label_function(c, ts);
  if (n == "info") return eval_info(c, ts);
  if (n == "time") return Val::of_scalar(static_cast<double>(ts) / 1000);
  if (n == "start") return Val::of_scalar(static_cast<double>(start_) / 1000);
  if (n == "end") return Val::of_scalar(static_cast<double>(end_) / 1000);
  if (n == "step") return Val::of_scalar(static_cast<double>(step_) / 1000);
  if (n == "range") return Val::of_scalar(static_cast<double>(end_ - start_) / 1000);
  if (n == "pi") return Val::of_scalar(M_PI);
  if (n == "vector") {
    double v = eval(*c.args[0], ts).scalar;
    return Val::of_vector({VSample{make_labels({}), v, ts}});
  }
  if (n == "scalar") {
    // The one float sample; histograms are ignored.
    Val v = eval(*c.args[0], ts);
    const VSample* one = nullptr;
    for (const auto& s : v.vec) {
      if (s.h) continue;
      if (one) return Val::of_scalar(kNaN);
      one = &s;
    }
    return Val::of_scalar(one ? one->v : kNaN);
  }
  if (n == "absent") {
    Val v = eval(*c.args[0], ts);
    if (!v.vec.empty()) return Val::of_vector({});
    return Val::of_vector({VSample{make_labels(absent_labels(c.args[0].get())), 1, ts}});
  }
  Val v;
  if (c.args.empty()) {
    v = Val::of_vector({VSample{make_labels({}), static_cast<double>(ts) / 1000, ts}});
  } else {
    v = eval(*c.args[0], ts);
  }
  std::vector<double> params;
  for (size_t i = 1; i < c.args.size(); ++i) params.push_back(eval(*c.args[i], ts).scalar);
  if (n == "timestamp") {
    bool direct = unwrap(c.args[0].get())->kind == NodeKind::kVectorSelector;
    for (auto& s : v.vec) {
      s.v = static_cast<double>(direct ? s.t : ts) / 1000;
      s.h = nullptr;  // the timestamp of a histogram sample is a float
      drop_name_of(s);
    }
    return v;
  }
  // The other functions of a vector ignore histogram samples (an operator or aggregation
  // below may pass them on; selectors directly below drop them already).
  std::erase_if(v.vec, [](const VSample& s) { return s.h != nullptr; });
  if (n == "sort" || n == "sort_desc") {
    bool desc = n == "sort_desc";
    std::stable_sort(v.vec.begin(), v.vec.end(), [desc](const VSample& a, const VSample& b) {
      if (std::isnan(a.v)) return false;
      if (std::isnan(b.v)) return true;
      return desc ? a.v > b.v : a.v < b.v;
    });
    return v;
  }
  double (*f)(double) = simple_function(n);
  Vector out;
  out.reserve(v.vec.size());
  for (auto& s : v.vec) {
    double r;
    if (f) {
      r = f(s.v);
    } else if (n == "round") {
      double inv = 1.0 / (params.empty() ? 1.0 : params[0]);
      r = std::floor(s.v * inv + 0.5) / inv;
    } else if (n == "clamp") {
      if (params[1] < params[0]) return Val::of_vector({});
      r = go_max(params[0], go_min(params[1], s.v));
    } else if (n == "clamp_max") {
      r = go_min(params[0], s.v);
    } else if (n == "clamp_min") {
      r = go_max(params[0], s.v);
    } else if (!date_function(n, s.v, r)) {
      fail("function \"" + std::string(n) + "\" is not supported by this evaluator");
    }
    out.push_back(VSample{s.labels, r, ts, s.origin, nullptr, s.drop});
    drop_name_of(out.back());
  }
  return Val::of_vector(std::move(out));
}

Val Evaluator::eval_range_function(const Call& c, int64_t ts) {
  std::string_view n = c.name;
  RangeArgs a;
  a.ts = ts;
  a.version = opt_.version;
  size_t mi = n == "quantile_over_time" ? 1 : 0;
  if (n == "quantile_over_time") a.p1 = eval(*c.args[0], ts).scalar;
  if (n == "predict_linear") a.p1 = eval(*c.args[1], ts).scalar;
  if (n == "holt_winters" || n == "double_exponential_smoothing") {
    a.p1 = eval(*c.args[1], ts).scalar;
    a.p2 = eval(*c.args[2], ts).scalar;
  }
  const Expr* arg = unwrap(c.args[mi].get());
  if (const auto* m = arg->as<MatrixSelector>();
      m && (m->vector_selector()->anchored || m->vector_selector()->smoothed))
    return eval_extended_range(c, *m, ts);
  if (const auto* m = arg->as<MatrixSelector>()) {
    a.range_end = reference_time(m->vector_selector()->at, m->vector_selector()->offset, ts);
    a.range_ms = range_ms(*m);
  } else if (const auto* s = arg->as<Subquery>()) {
    a.range_end = reference_time(s->at, s->offset, ts);
    a.range_ms = s->range_expr ? duration_ms(*s->range_expr, false) : s->range_ns / 1000000;
  }
  a.range_start = a.range_end - a.range_ms;
  SampleMark orig = sample_mark();
  Matrix m = eval_range_arg(*arg, ts);
  // Prometheus holds the subquery's points (a matrix selector's are not held yet), then each
  // series' window points while its output is added, then only the outputs.
  int64_t base = arg->kind == NodeKind::kSubquery ? sample_mark().cur : orig.cur;
  int64_t before = limited() ? accumulated(c) : 0, held = base + before;
  auto done = [&] {
    int64_t outs = held - base - before;
    int64_t total = accumulate(c, outs);
    set_samples({orig.cur + total, orig.in + outs});
  };
  if (n == "absent_over_time") {
    if (limited()) {
      // Prometheus computes absent_over_time as a 1 per series with points, then inverts it.
      for (const auto& s : m) check_samples(++held + static_cast<int64_t>(s.size));
      done();
    }
    if (!m.empty()) return Val::of_vector({});
    return Val::of_vector({VSample{make_labels(absent_labels(arg)), 1, ts}});
  }
  bool keep_name = n == "last_over_time" || n == "first_over_time";
  Vector out;
  out.reserve(m.size());
  bool rates = n == "rate" || n == "increase" || n == "delta";
  for (const auto& s : m) {
    a.s = s.samples();
    double r = 0;
    const FloatHistogram* h = nullptr;
    bool has;
    // Only a window of a series holding histograms (or of a subquery) can hold one.
    bool maybe_h = !s.origin || s.origin->has_histograms;
    if (!maybe_h ||
        std::none_of(a.s.begin(), a.s.end(), [](const Sample& x) { return x.h() != nullptr; })) {
      has = range_function(n, a, r);
    } else if (rates) {
      FloatHistogram res;
      unsigned rec = 0;
      has = histogram_rate(a, n != "delta", n == "rate", res, &rec);
      if (rec & kReconciledSub) custom_bounds_reconciled(*this, "subtraction");
      if (rec & kReconciledAdd) custom_bounds_reconciled(*this, "addition");
      if (has) h = keep(std::move(res));
    } else {
      has = histogram_window(n, a, r, h, label_value(*s.labels, "__name__"));
    }
    if (limited()) check_samples(held + static_cast<int64_t>(s.size) + (has ? 1 : 0));
    if (!has) continue;
    ++held;
    if (delayed_names()) {  // the name stays marked as a subquery's series had it
      out.push_back(VSample{s.labels, r, ts, s.origin, h, !keep_name || s.drop});
      continue;
    }
    LabelsPtr l = keep_name                                    ? s.labels
                  : (s.origin && s.labels == s.origin->labels) ? s.origin->nameless
                                                               : drop_name(s.labels);
    out.push_back(VSample{std::move(l), r, ts, s.origin, h});
  }
  if (limited()) done();
  return Val::of_vector(std::move(out));
}

}  // namespace caxtool::promql::eval::detail
