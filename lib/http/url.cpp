// SPDX-License-Identifier: Apache-2.0
// See url.h. Also the one helper of Response that is not transport-specific.
#include "http/url.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "http/client.h"

namespace caxtool::http {

namespace {
char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }
}  // namespace

std::string_view Response::header(std::string_view name) const {
  for (const auto& [k, v] : headers) {
    if (k.size() == name.size() && std::equal(k.begin(), k.end(), name.begin(), [](char a, char b) {
          return lower(a) == lower(b);
        })) {
      return v;
    }
  }
  return {};
}

ParsedUrl parse_url(std::string_view url) {
  ParsedUrl out;
  size_t sep = url.find("://");
  if (sep == std::string_view::npos) return out;
  std::string scheme(url.substr(0, sep));
  std::transform(scheme.begin(), scheme.end(), scheme.begin(), lower);
  if (scheme != "http" && scheme != "https") return out;
  std::string_view rest = url.substr(sep + 3);
  size_t end = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, end);
  std::string_view tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (size_t at = authority.rfind('@'); at != std::string_view::npos) {
    out.has_userinfo = true;
    authority = authority.substr(at + 1);
  }
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return out;
    host = authority.substr(1, close - 1);
    std::string_view after = authority.substr(close + 1);
    if (!after.empty()) {
      if (after.front() != ':') return out;
      port = after.substr(1);
    }
  } else if (size_t colon = authority.rfind(':'); colon != std::string_view::npos) {
    host = authority.substr(0, colon);
    port = authority.substr(colon + 1);
  }
  if (host.empty()) return out;
  out.origin.scheme = scheme;
  out.origin.host = std::string(host);
  std::transform(out.origin.host.begin(), out.origin.host.end(), out.origin.host.begin(), lower);
  out.origin.port = scheme == "https" ? 443 : 80;
  if (!port.empty()) {
    int p = 0;
    auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), p);
    if (ec != std::errc() || ptr != port.data() + port.size() || p <= 0 || p > 65535) return out;
    out.origin.port = p;
  }
  std::string_view path = tail.substr(0, tail.find_first_of("?#"));
  out.path = std::string(path);
  out.ok = true;
  return out;
}

std::string form_escape(std::string_view s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(s.size());
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += ch;
    } else if (c == ' ') {
      out += '+';
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string encode_params(const Params& params) {
  std::string out;
  for (const auto& [k, v] : params) {
    if (!out.empty()) out += '&';
    out += form_escape(k);
    out += '=';
    out += form_escape(v);
  }
  return out;
}

std::string join_url(std::string_view root, std::string_view path, const Params& params) {
  while (!root.empty() && root.back() == '/') root.remove_suffix(1);
  std::string out(root);
  out += path;
  if (!params.empty()) {
    out += path.find('?') == std::string_view::npos ? '?' : '&';
    out += encode_params(params);
  }
  return out;
}

std::string redact_url(std::string_view url) {
  size_t sep = url.find("://");
  if (sep == std::string_view::npos) return std::string(url);
  size_t start = sep + 3;
  // The last '@' before the query: a password may hold '/' (a malformed URL, but hide it too).
  size_t end = url.find_first_of("?#", start);
  std::string_view authority =
      url.substr(start, end == std::string_view::npos ? url.npos : end - start);
  size_t at = authority.rfind('@');
  if (at == std::string_view::npos) return std::string(url);
  std::string out(url.substr(0, start));
  out += "<redacted>@";
  out += url.substr(start + at + 1);
  return out;
}

std::string base64(std::string_view bytes) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  size_t i = 0;
  auto byte = [&](size_t k) { return static_cast<unsigned>(static_cast<unsigned char>(bytes[k])); };
  for (; i + 2 < bytes.size(); i += 3) {
    unsigned n = (byte(i) << 16) | (byte(i + 1) << 8) | byte(i + 2);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += kAlphabet[(n >> 6) & 63];
    out += kAlphabet[n & 63];
  }
  if (size_t left = bytes.size() - i; left > 0) {
    unsigned n = byte(i) << 16;
    if (left == 2) n |= byte(i + 1) << 8;
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += left == 2 ? kAlphabet[(n >> 6) & 63] : '=';
    out += '=';
  }
  return out;
}

}  // namespace caxtool::http
