// SPDX-License-Identifier: Apache-2.0
// /api/v1/series read as it arrives: each series is handed to a callback and forgotten, so a
// million-series answer costs the memory of one series, not of the answer.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "json/stream.h"
#include "promapi/api.h"

namespace caxtool::promapi {

// One series' labels, __name__ included, valid only during the callback.
using SeriesLabels = std::vector<std::pair<std::string_view, std::string_view>>;

class SeriesStream : private json::Handler {
 public:
  using Callback = std::function<void(const SeriesLabels&)>;
  explicit SeriesStream(Callback callback) : callback_(std::move(callback)), reader_(*this) {}

  bool feed(std::string_view chunk);
  bool finish();
  const std::string& error() const { return error_; }
  uint64_t series() const { return series_; }
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  void start_object() override;
  void end_object() override;
  void start_array() override;
  void end_array() override;
  void key(std::string_view k) override;
  void string(std::string_view s) override;
  void scalar(std::string_view) override;

  Callback callback_;
  json::StreamReader reader_;
  size_t depth_ = 0;
  std::string top_key_;  // the current key of the envelope
  std::string status_;
  std::string label_;  // the current label name inside a series
  std::vector<std::pair<std::string, std::string>> labels_;
  size_t used_ = 0;  // labels_ entries of the current series (the rest keep their capacity)
  SeriesLabels view_;
  uint64_t series_ = 0;
  std::vector<std::string> warnings_;
  std::string error_;
};

// Streams GET /api/v1/series?match[]=selector through `callback`. Failures, streamed or not,
// come back as an ApiError.
std::optional<ApiError> stream_series(http::Session& session, const std::string& selector,
                                      const SeriesStream::Callback& callback,
                                      uint64_t* count = nullptr);

}  // namespace caxtool::promapi
