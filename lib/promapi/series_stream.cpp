// SPDX-License-Identifier: Apache-2.0
// See series_stream.h. Depth 1 is the envelope, depth 2 the `data` array, depth 3 one series;
// anything else in the envelope (warnings, stats) is read or skipped by depth alone.
#include "promapi/series_stream.h"

#include <optional>

namespace caxtool::promapi {

void SeriesStream::start_object() {
  ++depth_;
  if (depth_ == 3 && top_key_ == "data") used_ = 0;
}

void SeriesStream::end_object() {
  // After an error nothing more is delivered, however much of the chunk the reader still parses:
  // how the network cut the body must not change what the caller sees.
  if (depth_ == 3 && top_key_ == "data" && error_.empty()) {
    view_.clear();
    for (size_t i = 0; i < used_; ++i) view_.emplace_back(labels_[i].first, labels_[i].second);
    ++series_;
    callback_(view_);
  }
  --depth_;
}

void SeriesStream::start_array() { ++depth_; }
void SeriesStream::end_array() { --depth_; }

void SeriesStream::key(std::string_view k) {
  if (depth_ == 1) {
    top_key_.assign(k);
  } else if (depth_ == 3) {
    label_.assign(k);
  }
}

void SeriesStream::string(std::string_view s) {
  if (depth_ == 1 && top_key_ == "status") {
    status_.assign(s);
  } else if (depth_ == 1 && top_key_ == "error") {
    error_ = "the server answered an error: " + std::string(s);
  } else if (depth_ == 2 && top_key_ == "warnings") {
    warnings_.emplace_back(s);
  } else if (depth_ == 3 && top_key_ == "data") {
    if (used_ == labels_.size()) labels_.emplace_back();
    labels_[used_].first.assign(label_);
    labels_[used_].second.assign(s);
    ++used_;
  }
}

void SeriesStream::scalar(std::string_view) {}

bool SeriesStream::feed(std::string_view chunk) {
  if (!reader_.feed(chunk)) {
    if (error_.empty()) error_ = reader_.error();
    return false;
  }
  return error_.empty();
}

bool SeriesStream::finish() {
  if (!error_.empty()) return false;
  if (!reader_.finish()) {
    error_ = reader_.error();
    return false;
  }
  if (status_ != "success") {
    error_ =
        status_.empty() ? "the answer has no status" : "the answer's status is '" + status_ + "'";
    return false;
  }
  return true;
}

std::optional<ApiError> stream_series(http::Session& session, const std::string& selector,
                                      const SeriesStream::Callback& callback, uint64_t* count) {
  http::Params params{{"match[]", selector}};
  SeriesStream stream(callback);
  http::Response r = session.get("/api/v1/series", params,
                                 [&stream](std::string_view chunk) { return stream.feed(chunk); });
  std::string asked = session.describe("/api/v1/series", params);
  if (r.error == http::ErrorKind::kStopped || (r.ok() && r.streamed && !stream.finish())) {
    ApiError e;
    e.asked = std::move(asked);
    e.status = r.status;
    e.message = stream.error();
    e.hint = "the body was cut short or the server is not a Prometheus-compatible API";
    return e;
  }
  if (!r.ok()) return failure(std::move(asked), r, session.options());
  if (!r.streamed) {
    // Not a success (an error envelope or plain text), or an empty 2xx body.
    ApiResult parsed = parse_envelope(std::move(asked), std::move(r));
    if (auto* e = std::get_if<ApiError>(&parsed)) return std::move(*e);
    ApiError e;
    e.asked = session.describe("/api/v1/series", params);
    e.message = "an empty answer";
    return e;
  }
  if (count != nullptr) *count = stream.series();
  return std::nullopt;
}

}  // namespace caxtool::promapi
