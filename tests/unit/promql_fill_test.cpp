// SPDX-License-Identifier: Apache-2.0
// The binary-operator fill modifiers of 3.10+ (fill, fill_left, fill_right) in the evaluation
// engine: a side's missing match replaced by the fill value, the filled series named by the
// matching labels only, comparisons filtering as usual, an empty side no longer short-cutting
// the operation, and the many-to-one forms. Prometheus's own cases run in the corpus
// (fill-modifier.test).
#include <catch2/catch.hpp>
#include <map>

#include "promql/eval/engine.h"
#include "promql/parser.h"

using namespace caxtool::promql;
using namespace caxtool::promql::eval;

namespace {

// The result as label set -> value, for order-independent checks.
std::map<std::string, double> eval_map(const std::string& expr, const Storage& st) {
  ParseOptions po;
  po.enable_binop_fill_modifiers = true;
  auto p = parse(expr, po);
  REQUIRE(p.ok());
  EvalResult r = eval_instant(*p.expr, 0, st, EvalOptions{});
  REQUIRE(r.ok());
  std::map<std::string, double> out;
  for (const auto& s : r.value.series) {
    REQUIRE(s.samples.size() == 1);
    out[format_labels(s.labels)] = s.samples[0].v;
  }
  return out;
}

void load(Storage& st) {
  st.append({{"__name__", "l"}, {"k", "a"}, {"x", "1"}}, 0, 10);
  st.append({{"__name__", "l"}, {"k", "b"}, {"x", "1"}}, 0, 20);
  st.append({{"__name__", "r"}, {"k", "a"}, {"x", "1"}}, 0, 100);
  st.append({{"__name__", "r"}, {"k", "c"}, {"x", "1"}}, 0, 300);
}

using M = std::map<std::string, double>;

}  // namespace

TEST_CASE("promql eval: fill stands in for the missing side of a one-to-one match") {
  Storage st;
  load(st);
  CHECK(eval_map("l + fill(1) r", st) ==
        M{{"{k=\"a\", x=\"1\"}", 110}, {"{k=\"b\", x=\"1\"}", 21}, {"{k=\"c\", x=\"1\"}", 301}});
  CHECK(eval_map("l - fill_left(1) r", st) ==
        M{{"{k=\"a\", x=\"1\"}", -90}, {"{k=\"c\", x=\"1\"}", -299}});
  CHECK(eval_map("l - fill_right(1) r", st) ==
        M{{"{k=\"a\", x=\"1\"}", -90}, {"{k=\"b\", x=\"1\"}", 19}});
  CHECK(eval_map("l - fill_left(2) fill_right(3) r", st) ==
        M{{"{k=\"a\", x=\"1\"}", -90}, {"{k=\"b\", x=\"1\"}", 17}, {"{k=\"c\", x=\"1\"}", -298}});
  // Without a modifier only the common series have a result.
  CHECK(eval_map("l + r", st) == M{{"{k=\"a\", x=\"1\"}", 110}});
}

TEST_CASE("promql eval: a filled series carries only the matching labels") {
  Storage st;
  load(st);
  // on(k): the filled right side of k="b" is {k="b"}, so the result keeps only k.
  CHECK(eval_map("l + on(k) fill(0) r", st) ==
        M{{"{k=\"a\"}", 110}, {"{k=\"b\"}", 20}, {"{k=\"c\"}", 300}});
  // A comparison keeps the left sample; a filled left one has no metric name.
  CHECK(eval_map("l > fill(15) r", st) == M{{"{__name__=\"l\", k=\"b\", x=\"1\"}", 20}});
  CHECK(eval_map("l < fill(15) r", st) ==
        M{{"{__name__=\"l\", k=\"a\", x=\"1\"}", 10}, {"{k=\"c\", x=\"1\"}", 15}});
  CHECK(eval_map("l == bool fill(20) r", st) ==
        M{{"{k=\"a\", x=\"1\"}", 0}, {"{k=\"b\", x=\"1\"}", 1}, {"{k=\"c\", x=\"1\"}", 0}});
}

TEST_CASE("promql eval: with a fill value an empty side still yields results") {
  Storage st;
  load(st);
  CHECK(eval_map("l + fill_right(5) nothing", st) ==
        M{{"{k=\"a\", x=\"1\"}", 15}, {"{k=\"b\", x=\"1\"}", 25}});
  CHECK(eval_map("l + fill_left(5) nothing", st).empty());
  CHECK(eval_map("nothing * fill_left(2) r", st) ==
        M{{"{k=\"a\", x=\"1\"}", 200}, {"{k=\"c\", x=\"1\"}", 600}});
}

TEST_CASE("promql eval: fill with group_left fills the one side or a match group") {
  Storage st;
  st.append({{"__name__", "req"}, {"m", "GET"}, {"s", "200"}}, 0, 100);
  st.append({{"__name__", "req"}, {"m", "PUT"}, {"s", "200"}}, 0, 200);
  st.append({{"__name__", "req"}, {"m", "GET"}, {"s", "500"}}, 0, 10);
  st.append({{"__name__", "lim"}, {"s", "200"}}, 0, 1000);
  st.append({{"__name__", "lim"}, {"s", "404"}}, 0, 500);
  CHECK(eval_map("req / on(s) group_left fill_right(10) lim", st) ==
        M{{"{m=\"GET\", s=\"200\"}", 0.1},
          {"{m=\"PUT\", s=\"200\"}", 0.2},
          {"{m=\"GET\", s=\"500\"}", 1}});
  // The unmatched one-side series becomes a single result named by the match group.
  CHECK(
      eval_map("req + on(s) group_left fill_left(0) lim", st) ==
      M{{"{m=\"GET\", s=\"200\"}", 1100}, {"{m=\"PUT\", s=\"200\"}", 1200}, {"{s=\"404\"}", 500}});
}

TEST_CASE("promql eval: fill with group_right and the matching errors it keeps") {
  Storage st;
  st.append({{"__name__", "meta"}, {"i", "a"}}, 0, 100);
  st.append({{"__name__", "meta"}, {"i", "c"}}, 0, 300);
  st.append({{"__name__", "cpu"}, {"c", "0"}, {"i", "a"}}, 0, 1);
  st.append({{"__name__", "cpu"}, {"c", "1"}, {"i", "a"}}, 0, 1);
  st.append({{"__name__", "cpu"}, {"c", "0"}, {"i", "b"}}, 0, 1);
  CHECK(eval_map("meta * on(i) group_right fill_right(0) cpu", st) ==
        M{{"{c=\"0\", i=\"a\"}", 100}, {"{c=\"1\", i=\"a\"}", 100}, {"{c=\"0\", i=\"b\"}", 0}});
  CHECK(eval_map("meta * on(i) group_right fill_left(1) cpu", st) ==
        M{{"{c=\"0\", i=\"a\"}", 100}, {"{c=\"1\", i=\"a\"}", 100}, {"{i=\"c\"}", 300}});
  // Two series of one match group on the one side are still an error, fill or not.
  ParseOptions po;
  po.enable_binop_fill_modifiers = true;
  auto p = parse("meta + on(i) fill(0) cpu", po);
  REQUIRE(p.ok());
  EvalResult r = eval_instant(*p.expr, 0, st, EvalOptions{});
  REQUIRE(r.error);
  CHECK(r.error->find("found duplicate series for the match group {i=\"a\"}") != std::string::npos);
}
