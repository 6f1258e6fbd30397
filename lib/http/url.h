// SPDX-License-Identifier: Apache-2.0
// The little URL work caxtool needs, done by hand so that it is the same for the curl transport
// and the test fake: joining the API root with a path, form encoding, comparing origins for
// redirects, and hiding credentials in anything that may be printed.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace caxtool::http {

using Params = std::vector<std::pair<std::string, std::string>>;

struct Origin {
  std::string scheme;  // lower case
  std::string host;    // lower case, without brackets
  int port = 0;        // the scheme's default when the URL names none
  bool operator==(const Origin&) const = default;
};

// nullopt-like: `ok` is false when `url` is not http(s)://host[:port]...
struct ParsedUrl {
  bool ok = false;
  Origin origin;
  std::string path;  // from the first '/' after the authority, query excluded; "" if none
  bool has_userinfo = false;
};
ParsedUrl parse_url(std::string_view url);

// "a b&c" -> "a+b%26c", as Go's url.QueryEscape.
std::string form_escape(std::string_view s);
// "k1=v1&k2=v2", escaped.
std::string encode_params(const Params& params);

// The root without its trailing slashes, then `path` (which starts with '/'), then the query.
std::string join_url(std::string_view root, std::string_view path, const Params& params = {});

// The URL with any user:password@ removed, for messages and -v.
std::string redact_url(std::string_view url);

std::string base64(std::string_view bytes);

}  // namespace caxtool::http
