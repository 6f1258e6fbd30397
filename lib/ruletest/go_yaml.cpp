// SPDX-License-Identifier: Apache-2.0
// yaml.v2's resolve.go, reduced to the tag: the YAML 1.1 words for null, booleans and the float
// specials, then for a scalar starting with a digit, a sign or a dot, a timestamp, an integer
// (strconv.ParseInt/ParseUint with base prefixes, underscores removed), a float in YAML style,
// or a 0b binary integer; anything else is a string.
#include "ruletest/go_yaml.h"

#include <re2/re2.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>

#include "util/go_strconv.h"

namespace caxtool::ruletest {
namespace {

bool one_of(std::string_view s, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), s) != words.end();
}

bool looks_like_timestamp(const std::string& s) {
  // The date forms yaml.v2 tries first (2006-1-2, optionally with a time part).
  static const re2::RE2 kDate(R"(\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?)");
  return re2::RE2::FullMatch(s, kDate);
}

}  // namespace

std::string go_v2_tag(const yaml::Node& n) {
  if (n.is_sequence()) return "!!seq";
  if (n.is_mapping()) return "!!map";
  if (!n.tag.empty()) return n.tag;
  if (n.style != yaml::Style::kPlain) return "!!str";
  const std::string& s = n.value;
  if (one_of(s, {"", "~", "null", "Null", "NULL"})) return "!!null";
  if (one_of(s,
             {"y",  "Y",  "yes", "Yes", "YES", "on",   "On",   "ON",   "n",     "N",     "no",
              "No", "NO", "off", "Off", "OFF", "true", "True", "TRUE", "false", "False", "FALSE"}))
    return "!!bool";
  if (one_of(s, {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf", "-.Inf", "-.INF",
                 ".nan", ".NaN", ".NAN"}))
    return "!!float";
  char c = s[0];
  if (c == '.') {
    char* end = nullptr;
    std::strtod(s.c_str(), &end);
    return end == s.c_str() + s.size() ? "!!float" : "!!str";
  }
  if (!((c >= '0' && c <= '9') || c == '+' || c == '-')) return "!!str";
  if (looks_like_timestamp(s)) return "!!timestamp";
  std::string plain;
  for (char ch : s)
    if (ch != '_') plain.push_back(ch);
  int64_t i = 0;
  uint64_t u = 0;
  if (util::go_parse_int(plain, &i) == util::GoNumError::kNone) return "!!int";
  if (util::go_parse_uint(plain, &u) == util::GoNumError::kNone) return "!!int";
  static const re2::RE2 kFloat(R"([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?)");
  if (re2::RE2::FullMatch(plain, kFloat)) return "!!float";
  static const re2::RE2 kBinary(R"(-?0b[01]+)");
  if (re2::RE2::FullMatch(plain, kBinary)) return "!!int";
  return "!!str";
}

std::string go_v2_type_error(const yaml::Node& n, std::string_view type) {
  std::string tag = go_v2_tag(n);
  std::string value;
  if (tag != "!!seq" && tag != "!!map") {
    value = n.value.size() > 10 ? " `" + n.value.substr(0, 7) + "...`" : " `" + n.value + "`";
  }
  return "cannot unmarshal " + tag + value + " into " + std::string(type);
}

}  // namespace caxtool::ruletest
