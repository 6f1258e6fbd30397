// SPDX-License-Identifier: Apache-2.0
// The libcurl transport behind http::Client.
#pragma once

#include <memory>

#include "http/client.h"

namespace caxtool::http {

// Proxies come from libcurl's usual environment variables (http_proxy, https_proxy, no_proxy,
// ALL_PROXY); gzip and deflate are accepted and decoded.
std::unique_ptr<Client> make_curl_client(const TransportOptions& options);

}  // namespace caxtool::http
