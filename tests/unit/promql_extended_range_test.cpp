// SPDX-License-Identifier: Apache-2.0
// The extended range selectors of 3.7+ (`anchored`, `smoothed`) in the evaluation engine, on
// hand-computed windows: the boundary values rate/increase/delta take instead of
// extrapolating, changes/resets from the anchor sample, the padded bare range selector, the
// interpolating instant selector, staleness markers skipped, and the functions that refuse the
// modifiers. Prometheus's own cases run in the corpus (extended_vectors.test).
#include <catch2/catch.hpp>
#include <cmath>

#include "promql/eval/engine.h"
#include "promql/parser.h"
#include "promql_eval_helpers.h"

using namespace caxtool::promql;
using namespace caxtool::promql::eval;

namespace {

EvalResult run(const std::string& expr, int64_t t, const Storage& st) {
  ParseOptions po;
  po.enable_extended_range_selectors = true;
  return testing::eval_at(expr, t, st, po);
}

double one(const std::string& expr, int64_t t, const Storage& st) {
  EvalResult r = run(expr, t, st);
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  return r.value.series[0].samples.at(0).v;
}

// metric: 1 2 3 4 5 at 0s, 15s, ..., 60s, then 9 10 11 12 13.
void load_counter(Storage& st) {
  for (int i = 0; i < 10; ++i)
    st.append({{"__name__", "metric"}}, i * 15000, i < 5 ? 1.0 + i : 4.0 + i);
}

}  // namespace

TEST_CASE("promql eval: anchored increase is the difference of the boundary samples") {
  Storage st;
  load_counter(st);
  // (−10s, 50s]: anchored at the sample at 0s (value 1), ends at 45s (value 4).
  CHECK(one("increase(metric[1m] anchored)", 50000, st) == Approx(3));
  // (20s, 80s]: anchor 15s (2), last 75s (9); no reset.
  CHECK(one("increase(metric[1m] anchored)", 80000, st) == Approx(7));
  CHECK(one("rate(metric[1m] anchored)", 80000, st) == Approx(7.0 / 60));
  CHECK(one("delta(metric[1m] anchored offset 30s)", 110000, st) == Approx(7));
  // Plain increase extrapolates instead.
  CHECK(one("increase(metric[1m])", 50000, st) == Approx(4));
}

TEST_CASE("promql eval: smoothed increase interpolates at both boundaries") {
  Storage st;
  load_counter(st);
  // Right boundary 50s between 45s (4) and 60s (5): 4 + 1/3.
  CHECK(one("increase(metric[1m] smoothed)", 50000, st) == Approx(10.0 / 3));
  // (5s, 65s]: left between 0s (1) and 15s (2) at 5s = 4/3; right between 60s (5) and 75s (9)
  // at 65s = 5 + 4/3.
  CHECK(one("increase(metric[1m] smoothed)", 65000, st) == Approx(5));
}

TEST_CASE("promql eval: smoothed counter interpolation restarts at a reset") {
  Storage st;
  st.append({{"__name__", "c"}}, 0, 100);
  st.append({{"__name__", "c"}}, 15000, 10);
  // (2s, 12s]: left 0 + 10 * 2/15, right 10 * 12/15; no correction left inside.
  CHECK(one("rate(c[10s] smoothed)", 12000, st) == Approx((8 - 4.0 / 3) / 10));
  // delta is no counter: straight interpolation from 100 to 10.
  CHECK(one("delta(c[10s] smoothed)", 12000, st) == Approx(-60));
}

TEST_CASE("promql eval: anchored changes and resets count from the anchor sample") {
  Storage st;
  for (int i = 0; i < 6; ++i) st.append({{"__name__", "g"}}, i * 60000, i % 2 == 0 ? 2 : 1);
  // (4m, 5m]: the anchor at 4m (2) and 5m (1).
  CHECK(one("changes(g[1m] anchored)", 300000, st) == 1);
  CHECK(one("resets(g[1m] anchored)", 300000, st) == 1);
  CHECK(one("changes(g[1m])", 300000, st) == 0);
  // No sample after the range start: no result at all.
  CHECK(run("changes(g[1m] anchored)", 400000, st).value.series.empty());
}

TEST_CASE("promql eval: a bare anchored range selector gains boundary points") {
  Storage st;
  load_counter(st);
  EvalResult r = run("metric[1m] anchored", 50000, st);
  REQUIRE(r.ok());
  REQUIRE(r.value.series.size() == 1);
  const auto& s = r.value.series[0].samples;
  REQUIRE(s.size() == 6);
  CHECK(s.front().t == -10000);
  CHECK(s.front().v == 1);
  CHECK(s.back().t == 50000);
  CHECK(s.back().v == 4);
  EvalResult sm = run("metric[1m] smoothed", 50000, st);
  REQUIRE(sm.ok());
  CHECK(sm.value.series.at(0).samples.back().v == Approx(13.0 / 3));
}

TEST_CASE("promql eval: a smoothed instant selector interpolates between its neighbours") {
  Storage st;
  st.append({{"__name__", "m"}}, 0, 1);
  st.append({{"__name__", "m"}}, 60000, stale_nan());
  st.append({{"__name__", "m"}}, 120000, 3);
  // The staleness marker is skipped: 1 at 0s and 3 at 120s, so 2.5 at 90s.
  CHECK(one("m smoothed", 90000, st) == Approx(2.5));
  CHECK(one("m smoothed offset 30s", 120000, st) == Approx(2.5));
  // After the last sample the value carries on (within the lookback delta).
  CHECK(one("m smoothed", 200000, st) == 3);
  // Before the first sample there is nothing to carry.
  CHECK(run("m smoothed", -1000, st).value.series.empty());
  // The sample's time is the evaluation time.
  CHECK(one("timestamp(m smoothed)", 90000, st) == 90);
}

TEST_CASE("promql eval: only some functions take anchored or smoothed ranges") {
  Storage st;
  load_counter(st);
  EvalResult r = run("deriv(metric[1m] smoothed)", 60000, st);
  REQUIRE(r.error);
  CHECK(*r.error ==
        "smoothed modifier can only be used with: delta, increase, rate - not with deriv");
  r = run("max_over_time(metric[1m] anchored)", 60000, st);
  REQUIRE(r.error);
  CHECK(*r.error ==
        "anchored modifier can only be used with: changes, delta, increase, rate, resets - not "
        "with max_over_time");
  CHECK(run("resets(metric[1m] anchored)", 60000, st).ok());
}

TEST_CASE("promql parse: anchored and smoothed need 3.7 and the feature flag") {
  ParseOptions off;
  auto p = parse("rate(x[5m] anchored)", off);
  REQUIRE_FALSE(p.errors.empty());
  CHECK(p.errors[0].message == "anchored modifier is experimental and not enabled");
  ParseOptions on;
  on.enable_extended_range_selectors = true;
  p = parse("rate(x[5m] smoothed)", on);
  REQUIRE(p.ok());
  CHECK(format(*p.expr) == "rate(x[5m] smoothed)");
  on.version = Version{3, 6};
  // Before 3.7 `anchored` is no keyword: an identifier where none may stand.
  CHECK_FALSE(parse("rate(x[5m] anchored)", on).ok());
}

TEST_CASE("promql eval: anchored and smoothed answer at every time over ragged series") {
  // Gaps, a staleness marker, a reset, a lone sample and a series mixing floats and histograms:
  // every combination must evaluate (or be refused) without failing.
  Storage st;
  const Labels ragged{{"__name__", "m"}, {"s", "ragged"}};
  st.append(ragged, {{0, 5}, {15000, 1}, {20000, stale_nan()}, {200000, 7}, {200001, 9}});
  st.append({{"__name__", "m"}, {"s", "lone"}}, 100000, 3);
  const Labels mixed{{"__name__", "m"}, {"s", "mixed"}};
  st.append(mixed, 30000, 1);
  auto h = std::make_shared<FloatHistogram>();
  h->count = 2;
  h->sum = 3;
  st.append(mixed, 60000, h);
  const char* exprs[] = {"rate(m[1m] anchored)",
                         "increase(m[10s] smoothed)",
                         "delta(m[1m] smoothed)",
                         "changes(m[30s] anchored)",
                         "resets(m[2m] anchored)",
                         "m smoothed",
                         "m[1m] anchored",
                         "rate(m[1m] smoothed offset -1m)",
                         "increase(m[1m] anchored @ 100)"};
  for (const char* e : exprs) {
    for (int64_t t = -600000; t <= 1200000; t += 7000) {
      EvalResult r = run(e, t, st);
      // A bare range over the histogram series is Prometheus's one refusal.
      if (!r.ok()) CHECK(r.error->find("not supported with histograms") != std::string::npos);
      for (const auto& s : r.value.series)
        for (const auto& x : s.samples) CHECK((x.h() != nullptr || !std::isinf(x.v)));
    }
  }
}
