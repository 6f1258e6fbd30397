// SPDX-License-Identifier: Apache-2.0
// A transcription of the algorithm of Go's time.Duration.String: hours, minutes and seconds
// with the fraction's trailing zeros dropped, and ns/µs/ms below a second.
#include "tsdb/go_duration.h"

namespace caxtool::tsdb {

namespace {

// Writes v / 10^prec's fraction (".25") before `w`, without trailing zeros; returns v / 10^prec.
uint64_t put_fraction(char* buf, int& w, uint64_t v, int prec) {
  bool print = false;
  for (int i = 0; i < prec; ++i) {
    auto digit = static_cast<char>(v % 10);
    print = print || digit != 0;
    if (print) buf[--w] = static_cast<char>('0' + digit);
    v /= 10;
  }
  if (print) buf[--w] = '.';
  return v;
}

void put_int(char* buf, int& w, uint64_t v) {
  if (v == 0) {
    buf[--w] = '0';
    return;
  }
  while (v > 0) {
    buf[--w] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
}

}  // namespace

std::string go_duration_string(int64_t nanoseconds) {
  char buf[40];
  int w = sizeof buf;
  auto u = static_cast<uint64_t>(nanoseconds);
  bool neg = nanoseconds < 0;
  if (neg) u = ~u + 1;
  if (u < 1000000000) {
    if (u == 0) return "0s";
    int prec = 0;
    buf[--w] = 's';
    if (u < 1000) {
      buf[--w] = 'n';
    } else if (u < 1000000) {
      prec = 3;
      buf[--w] = '\xb5';  // U+00B5 MICRO SIGN, as Go writes it
      buf[--w] = '\xc2';
    } else {
      prec = 6;
      buf[--w] = 'm';
    }
    u = put_fraction(buf, w, u, prec);
    put_int(buf, w, u);
  } else {
    buf[--w] = 's';
    u = put_fraction(buf, w, u, 9);
    put_int(buf, w, u % 60);
    u /= 60;
    if (u > 0) {
      buf[--w] = 'm';
      put_int(buf, w, u % 60);
      u /= 60;
      if (u > 0) {
        buf[--w] = 'h';
        put_int(buf, w, u);
      }
    }
  }
  if (neg) buf[--w] = '-';
  return std::string(buf + w, sizeof buf - static_cast<size_t>(w));
}

}  // namespace caxtool::tsdb
