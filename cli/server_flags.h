// SPDX-License-Identifier: Apache-2.0
// The server options of CLI.md, shared by every command that talks to a server: bound once
// here, turned into an http::Session with its secrets read from their files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "command.h"
#include "http/client.h"
#include "http/session.h"

namespace caxtool::cli {

struct ServerFlags {
  std::string url;  // --url, else CAXTOOL_URL, else http://localhost:9090
  std::string bearer_token_file;
  std::string basic_auth_user;
  std::string basic_auth_password_file;
  std::vector<std::string> headers;
  std::string tenant;
  std::string engine = "auto";
  std::string ca_file;
  std::string cert_file;
  std::string key_file;
  bool insecure_skip_verify = false;
  std::string timeout = "30s";
  int retries = 2;
  std::string max_response_size = "1GB";

  void add_to(CLI::App& app, Choices& choices);
};

// What a command holds to talk to its server. The transport outlives the session.
struct Connection {
  std::unique_ptr<http::Client> client;
  std::unique_ptr<http::Session> session;
};

// nullptr after printing why (a bad flag: exit 2; an unreadable secret file: exit 3, in `code`).
std::unique_ptr<Connection> connect(const ServerFlags& flags, const GlobalOptions& global, Io& io,
                                    int& code);

}  // namespace caxtool::cli

namespace caxtool::promapi {
struct ApiError;
}

namespace caxtool::cli {

// Prints the error (what was asked, what came back, what to try); returns 3, or 130 on SIGINT.
int report_api_error(const promapi::ApiError& e, Io& io);

}  // namespace caxtool::cli

namespace caxtool::cli {

// Server commands print tables or JSON: --format github or sarif (findings in files) is a usage
// error there. Returns 0 or 2.
int check_text_or_json(const GlobalOptions& global, Io& io);

}  // namespace caxtool::cli
