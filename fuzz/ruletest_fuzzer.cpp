// SPDX-License-Identifier: Apache-2.0
// Fuzz target: what `test rules` reads from a user's files. The first byte picks the part: the
// test-file loader, the expanding series notation (with its labels, and native histograms on
// every other selector byte), or the template executor
// on alert data. Any input must give a result or an error, never a crash or a hang; a series
// never expands past the limit it is given.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "gotemplate/exec.h"
#include "ruletest/series.h"
#include "ruletest/test_file.h"

int caxtool_fuzz_ruletest(const uint8_t* data, size_t size) {
  using namespace caxtool;
  if (size < 1 || size > 1 << 16) return 0;
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  switch (data[0] % 3) {
    case 0: {
      ruletest::LoadResult r = ruletest::load_test_file(text, "fuzz.yml", promql::Version{2, 42});
      for (const auto& d : r.diagnostics.items()) {
        if (d.message.empty()) std::abort();
      }
      break;
    }
    case 1: {
      size_t split = text.find('\n');
      std::string_view series = split == std::string_view::npos ? "x" : text.substr(0, split);
      std::string_view values = split == std::string_view::npos ? text : text.substr(split + 1);
      ruletest::NotationError err;
      constexpr size_t kLimit = 10'000;
      // The native-histogram notation (2.47+) on every other selector byte.
      bool histograms = (data[0] / 3) % 2 == 1;
      auto parsed = ruletest::parse_series(series, values, err, kLimit, histograms);
      if (parsed && parsed->values.size() > kLimit) std::abort();
      if (!parsed && err.message.empty()) std::abort();
      if (parsed) {
        const promql::eval::FloatHistogram* prev = nullptr;
        for (const auto& [i, h] : parsed->histograms) {
          if (i >= parsed->values.size() || h->test_expression().size() < 4) std::abort();
          (void)h->all_buckets();
          if (prev) (void)h->detect_reset(*prev);
          prev = h.get();
        }
      }
      break;
    }
    default: {
      gotemplate::AlertData alert;
      alert.labels = {{"instance", "a:1"}, {"job", "j"}};
      alert.value = 1.5;
      gotemplate::ExpandOptions o;
      o.name = "__alert_Fuzz";
      o.query = [](const std::string&, std::vector<gotemplate::QuerySample>& out, std::string&) {
        out = {{{{"job", "j"}}, 2}};
        return true;
      };
      gotemplate::ExpandResult r = gotemplate::expand_alert_template(text, alert, o);
      if (r.error && r.error->empty()) std::abort();
      break;
    }
  }
  return 0;
}

#ifndef CAXTOOL_REPLAY
extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return caxtool_fuzz_ruletest(data, size);
}
#endif
