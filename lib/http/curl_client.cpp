// SPDX-License-Identifier: Apache-2.0
// The only file that includes <curl/curl.h> (prometheus-cpp's curl_wrapper): one easy handle
// owned by RAII, reused across requests so connections are kept alive, and every curl failure
// turned into an ErrorKind here, at the boundary.
#include "http/curl_client.h"

#include <curl/curl.h>
#include <dlfcn.h>

#include <algorithm>
#include <cctype>
#include <string>

namespace caxtool::http {

namespace {

// libcurl is opened when the first request is made, not at start-up: linked, it and its ~30
// dependencies (TLS, HTTP/2, LDAP, Kerberos...) cost every command 6 ms and 7 MB before main,
// a third of `check rules` on a small file, which never talks to a server.
struct Api {
  CURLcode (*global_init)(long);
  CURL* (*easy_init)();
  void (*easy_cleanup)(CURL*);
  void (*easy_reset)(CURL*);
  CURLcode (*easy_setopt)(CURL*, CURLoption, ...);
  CURLcode (*easy_getinfo)(CURL*, CURLINFO, ...);
  CURLcode (*easy_perform)(CURL*);
  const char* (*easy_strerror)(CURLcode);
  curl_slist* (*slist_append)(curl_slist*, const char*);
  void (*slist_free_all)(curl_slist*);
};

template <class F>
bool load(void* lib, const char* name, F& out) {
  out = reinterpret_cast<F>(dlsym(lib, name));
  return out != nullptr;
}

// nullptr when libcurl cannot be opened (the package libcurl4 provides it).
const Api* api() {
  static const Api* loaded = []() -> const Api* {
    void* lib = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) lib = dlopen("libcurl.so", RTLD_NOW | RTLD_LOCAL);
    if (lib == nullptr) return nullptr;
    static Api a;
    bool ok = load(lib, "curl_global_init", a.global_init) &&
              load(lib, "curl_easy_init", a.easy_init) &&
              load(lib, "curl_easy_cleanup", a.easy_cleanup) &&
              load(lib, "curl_easy_reset", a.easy_reset) &&
              load(lib, "curl_easy_setopt", a.easy_setopt) &&
              load(lib, "curl_easy_getinfo", a.easy_getinfo) &&
              load(lib, "curl_easy_perform", a.easy_perform) &&
              load(lib, "curl_easy_strerror", a.easy_strerror) &&
              load(lib, "curl_slist_append", a.slist_append) &&
              load(lib, "curl_slist_free_all", a.slist_free_all);
    if (!ok) return nullptr;
    a.global_init(CURL_GLOBAL_DEFAULT);
    return &a;
  }();
  return loaded;
}

struct Transfer {
  Response* response;
  uint64_t cap;
  bool too_large = false;
  const std::atomic<bool>* cancel;
  CURL* handle;
  const std::function<bool(std::string_view)>* sink;
  bool sized = false;
  bool streaming = false;
  bool stopped = false;
  uint64_t received = 0;
};

// simdjson reads this many bytes past the end; a body with them spare is parsed in place.
constexpr size_t kParsePadding = 64;

size_t on_body(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  if (!t->sized && t->sink != nullptr && *t->sink) {
    // Only a successful answer is streamed; an error body is kept whole for its message.
    long status = 0;
    api()->easy_getinfo(t->handle, CURLINFO_RESPONSE_CODE, &status);
    t->streaming = status >= 200 && status < 300;
  }
  if (t->streaming) {
    t->sized = true;
    t->received += n;
    if (t->received > t->cap) {
      t->too_large = true;
      return 0;
    }
    t->response->streamed = true;
    if (!(*t->sink)(std::string_view(data, n))) {
      t->stopped = true;
      return 0;
    }
    return n;
  }
  if (!t->sized) {
    // One allocation for a body whose length is announced, instead of a doubling series of
    // copies (a 100,000-target answer is ~50 MB).
    t->sized = true;
    curl_off_t length = -1;
    if (api()->easy_getinfo(t->handle, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) == CURLE_OK &&
        length > 0 && static_cast<uint64_t>(length) <= t->cap) {
      t->response->body.reserve(static_cast<size_t>(length) + kParsePadding);
    }
  }
  if (t->response->body.size() + n > t->cap) {
    t->too_large = true;
    return 0;  // makes curl fail with CURLE_WRITE_ERROR
  }
  t->response->body.append(data, n);
  return n;
}

size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t n = size * count;
  std::string_view line(data, n);
  if (line.substr(0, 5) == "HTTP/") {
    t->response->headers.clear();  // a new response (after 100 Continue)
    return n;
  }
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return n;
  std::string name(line.substr(0, colon));
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string_view value = line.substr(colon + 1);
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
    value.remove_suffix(1);
  }
  t->response->headers.emplace_back(std::move(name), std::string(value));
  return n;
}

int on_progress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* t = static_cast<Transfer*>(user);
  return t->cancel != nullptr && t->cancel->load() ? 1 : 0;
}

ErrorKind classify(CURLcode code) {
  switch (code) {
    case CURLE_COULDNT_CONNECT:
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return ErrorKind::kConnect;
    case CURLE_OPERATION_TIMEDOUT:
      return ErrorKind::kTimeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return ErrorKind::kTls;
    case CURLE_ABORTED_BY_CALLBACK:
      return ErrorKind::kCanceled;
    default:
      return ErrorKind::kOther;
  }
}

// "Failed to connect to h port 1 after 0 ms: ..." -> "Failed to connect to h port 1: ...": the
// time says nothing the user needs, and it makes messages differ from run to run.
void strip_elapsed(std::string& message) {
  size_t at = message.find(" after ");
  if (at == std::string::npos) return;
  size_t i = at + 7;
  size_t digits = i;
  while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
  if (i == digits || message.compare(i, 3, " ms") != 0) return;
  message.erase(at, i + 3 - at);
}

class CurlHeaders {
 public:
  ~CurlHeaders() { api()->slist_free_all(list_); }
  void add(const std::string& line) { list_ = api()->slist_append(list_, line.c_str()); }
  curl_slist* get() const { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

class CurlClient : public Client {
 public:
  explicit CurlClient(const TransportOptions& options) : options_(options) {
    if (api() != nullptr) handle_ = api()->easy_init();
  }
  ~CurlClient() override {
    if (handle_ != nullptr) api()->easy_cleanup(handle_);
  }
  CurlClient(const CurlClient&) = delete;
  CurlClient& operator=(const CurlClient&) = delete;

  Response send(const Request& request) override {
    Response response;
    if (handle_ == nullptr) {
      response.error = ErrorKind::kOther;
      response.error_message = api() == nullptr
                                   ? "libcurl could not be loaded (install the libcurl4 package)"
                                   : "could not initialise libcurl";
      return response;
    }
    CURL* h = handle_;
    api()->easy_reset(h);
    Transfer transfer{&response, options_.max_body_bytes, false, options_.cancel,
                      h,         &request.on_body};
    CurlHeaders headers;
    for (const auto& [name, value] : request.headers) headers.add(name + ": " + value);
    if (!request.body.empty()) headers.add("Content-Type: application/x-www-form-urlencoded");

    api()->easy_setopt(h, CURLOPT_URL, request.url.c_str());
    api()->easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    api()->easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
    api()->easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
    api()->easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "");  // every encoding libcurl can decode
    api()->easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    api()->easy_setopt(h, CURLOPT_TIMEOUT_MS,
                       static_cast<long>(std::max<int64_t>(1, request.timeout_ms)));
    api()->easy_setopt(
        h, CURLOPT_CONNECTTIMEOUT_MS,
        static_cast<long>(std::max<int64_t>(1, std::min<int64_t>(request.timeout_ms, 10000))));
    api()->easy_setopt(h, CURLOPT_USERAGENT, "caxtool");
    api()->easy_setopt(h, CURLOPT_BUFFERSIZE, 512L * 1024);
    api()->easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    api()->easy_setopt(h, CURLOPT_WRITEDATA, &transfer);
    api()->easy_setopt(h, CURLOPT_HEADERFUNCTION, on_header);
    api()->easy_setopt(h, CURLOPT_HEADERDATA, &transfer);
    api()->easy_setopt(h, CURLOPT_XFERINFOFUNCTION, on_progress);
    api()->easy_setopt(h, CURLOPT_XFERINFODATA, &transfer);
    api()->easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
    if (request.method == "POST" || !request.body.empty()) {
      api()->easy_setopt(h, CURLOPT_POSTFIELDS, request.body.c_str());
      api()->easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE,
                         static_cast<curl_off_t>(request.body.size()));
    } else if (request.method == "HEAD") {
      api()->easy_setopt(h, CURLOPT_NOBODY, 1L);
    }
    if (!options_.ca_file.empty()) api()->easy_setopt(h, CURLOPT_CAINFO, options_.ca_file.c_str());
    if (!options_.cert_file.empty()) {
      api()->easy_setopt(h, CURLOPT_SSLCERT, options_.cert_file.c_str());
    }
    if (!options_.key_file.empty())
      api()->easy_setopt(h, CURLOPT_SSLKEY, options_.key_file.c_str());
    if (options_.insecure_skip_verify) {
      api()->easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 0L);
      api()->easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    char error_buffer[CURL_ERROR_SIZE] = {0};
    api()->easy_setopt(h, CURLOPT_ERRORBUFFER, error_buffer);

    CURLcode code = api()->easy_perform(h);
    long status = 0;
    api()->easy_getinfo(h, CURLINFO_RESPONSE_CODE, &status);
    response.status = status;
    if (code != CURLE_OK) {
      response.error = transfer.too_large ? ErrorKind::kTooLarge
                       : transfer.stopped ? ErrorKind::kStopped
                                          : classify(code);
      if (transfer.too_large) {
        response.error_message =
            "the response is larger than " + std::to_string(options_.max_body_bytes >> 20) + " MiB";
      } else if (transfer.stopped) {
        response.error_message = "the reader stopped the transfer";
      } else {
        response.error_message =
            error_buffer[0] != '\0' ? error_buffer : api()->easy_strerror(code);
        strip_elapsed(response.error_message);
      }
      return response;
    }
    if (status >= 300 && status < 400) {
      char* location = nullptr;
      api()->easy_getinfo(h, CURLINFO_REDIRECT_URL, &location);
      if (location != nullptr) response.location = location;
    }
    return response;
  }

 private:
  TransportOptions options_;
  CURL* handle_ = nullptr;
};

}  // namespace

std::unique_ptr<Client> make_curl_client(const TransportOptions& options) {
  return std::make_unique<CurlClient>(options);
}

}  // namespace caxtool::http
