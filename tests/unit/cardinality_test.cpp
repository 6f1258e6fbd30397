// SPDX-License-Identifier: Apache-2.0
#include <catch2/catch.hpp>

#include "cardinality/counter.h"
#include "cardinality/live.h"
#include "cardinality/report.h"

using namespace caxtool::cardinality;

namespace {
using Labels = std::vector<std::pair<std::string_view, std::string_view>>;
}

TEST_CASE("cardinality: counter finds the metric, its driving label and the label values",
          "[cardinality]") {
  Counter c;
  std::vector<std::string> ids;
  for (int i = 0; i < 50; ++i) ids.push_back("c" + std::to_string(i));
  for (int i = 0; i < 50; ++i) {
    c.add(Labels{{"__name__", "msgs_total"},
                 {"conversation_id", ids[static_cast<size_t>(i)]},
                 {"agent", i % 2 ? "a" : "b"}});
  }
  c.add(Labels{{"__name__", "up"}, {"job", "x"}});
  c.add(Labels{{"job", "y"}, {"__name__", "up"}});
  CHECK(c.total_series() == 52);
  auto metrics = c.metrics(10);
  REQUIRE(metrics.size() == 2);
  CHECK(metrics[0].name == "msgs_total");
  CHECK(metrics[0].series == 50);
  CHECK(metrics[0].top_label == "conversation_id");
  CHECK(metrics[0].top_label_values == 50);
  CHECK(metrics[1].name == "up");
  CHECK(metrics[1].top_label == "job");
  CHECK(c.metrics(1).size() == 1);
  auto labels = c.labels(0);
  REQUIRE(labels.size() == 3);
  CHECK(labels[0].name == "conversation_id");
  CHECK(labels[0].values == 50);
  CHECK(labels[1].name == "agent");
  CHECK(labels[1].values == 2);
  CHECK(labels[1].series == 50);
  CHECK(labels[2].name == "job");
  CHECK(c.values_on_metric("msgs_total", "agent") == 2);
  CHECK(c.values_on_metric("up", "agent") == 0);
  CHECK(c.label_values("job") == 2);
  CHECK(c.metric_series("up") == 2);
  auto pairs = c.label_pairs(2);
  REQUIRE(pairs.size() == 2);
  CHECK(pairs[0].name == "agent=a");
  CHECK(pairs[0].count == 25);
}

TEST_CASE("cardinality: offenders of each budget", "[cardinality]") {
  Counter c;
  std::vector<std::string> v;
  for (int i = 0; i < 20; ++i) v.push_back(std::to_string(i));
  for (int i = 0; i < 20; ++i)
    c.add(Labels{{"__name__", "big"}, {"user_id", v[static_cast<size_t>(i)]}});
  c.add(Labels{{"__name__", "small"}, {"job", "x"}});
  Budgets b;
  CHECK(find_offenders(c, b).empty());
  b.max_series = 10;
  b.max_series_per_metric = 5;
  b.max_label_values = 10;
  b.forbidden = {"user_id", "never_seen"};
  auto o = find_offenders(c, b);
  REQUIRE(o.size() == 4);
  CHECK((o[0].kind == "series" && o[0].value == 21 && o[0].budget == 10));
  CHECK((o[1].kind == "metric" && o[1].name == "big" && o[1].value == 20));
  CHECK((o[2].kind == "label" && o[2].name == "user_id" && o[2].value == 20));
  CHECK((o[3].kind == "forbidden" && o[3].name == "user_id"));
}

TEST_CASE("cardinality: relabel snippets quote what needs quoting", "[cardinality]") {
  CHECK(drop_metric_yaml("a.b") ==
        "- source_labels: [__name__]\n  regex: 'a\\.b'\n  action: drop\n");
  CHECK(drop_label_from_metric_yaml("m", "path") ==
        "- source_labels: [__name__]\n  regex: 'm'\n  target_label: path\n  replacement: ''\n");
  CHECK(labeldrop_yaml("it's") == "- action: labeldrop\n  regex: 'it''s'\n");
  CHECK(quote_regex("a+b(c)|d") == "a\\+b\\(c\\)\\|d");
}

TEST_CASE("cardinality: selectors take one more matcher", "[cardinality]") {
  CHECK(with_matcher("", "a=\"b\"") == "{a=\"b\"}");
  CHECK(with_matcher("up", "a=\"b\"") == "up{a=\"b\"}");
  CHECK(with_matcher("{job=\"x\"}", "a=~\".+\"") == "{job=\"x\",a=~\".+\"}");
  CHECK(with_matcher("up{}", "a=\"b\"") == "up{a=\"b\"}");
  CHECK(promql_quote("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
}
