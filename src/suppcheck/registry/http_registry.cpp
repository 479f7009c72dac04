#include "suppcheck/registry/http_registry.h"

#include <curl/curl.h>

#include <future>
#include <map>
#include <mutex>
#include <thread>

#include "suppcheck/notification/notification_number.h"
#include "suppcheck/registry/answer_cache.h"
#include "suppcheck/util/bounded_json.h"
#include "suppcheck/util/text.h"

namespace suppcheck {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

void InitNetworking() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::string PercentEncode(std::string_view s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    if (IsAsciiAlpha(ch) || IsAsciiDigit(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += ch;
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

namespace {

constexpr std::string_view kPlaceholder = "{number}";

struct CurlDeleter {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistDeleter {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

struct Body {
  std::string data;
  size_t limit = 0;
  bool overflow = false;
};

size_t WriteBody(char* ptr, size_t size, size_t nmemb, void* user) {
  auto* body = static_cast<Body*>(user);
  const size_t n = size * nmemb;
  if (body->data.size() + n > body->limit) {
    body->overflow = true;
    return 0;  // makes curl stop with CURLE_WRITE_ERROR
  }
  body->data.append(ptr, n);
  return n;
}

std::string Seconds(milliseconds ms) {
  const auto tenths = (ms.count() + 50) / 100;
  return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "") + " s";
}

// One HTTP exchange, classified.
struct Attempt {
  bool definite = false;   // a usable answer (listed / not listed)
  bool retryable = false;  // worth another try (timeout, refused, 429, 5xx)
  RegistryAnswer answer;
};

}  // namespace

struct HttpRegistry::Impl {
  std::string urlTemplate;
  HttpRegistryOptions options;
  std::unique_ptr<AnswerCache> cache;
  std::mutex memoMu;
  std::map<std::string, RegistryAnswer> memo;  // answers already given in this process
  // Lookups under way: a second worker asking for the same number waits for the first one's
  // answer instead of asking the server again (a batch of many photos of one product).
  std::map<std::string, std::shared_future<RegistryAnswer>> inflight;
  std::mutex rateMu;
  Clock::time_point nextSlot{};  // rate limit: when the next request may start

  // Waits for a request slot so that all threads together stay under the rate limit.
  void WaitForSlot() {
    if (options.maxRequestsPerSecond <= 0) return;
    const auto interval = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / options.maxRequestsPerSecond));
    Clock::time_point slot;
    {
      std::lock_guard lock(rateMu);
      slot = std::max(Clock::now(), nextSlot);
      nextSlot = slot + interval;
    }
    std::this_thread::sleep_until(slot);
  }

  Attempt Fetch(const std::string& url, const std::string& canonical, milliseconds remaining) const {
    Attempt result;
    auto fail = [&](std::string why, bool retryable) {
      result.answer = RegistryAnswer::Failure(url, std::move(why));
      result.retryable = retryable;
      return result;
    };
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) return fail("cannot start an HTTP client", false);
    Body body;
    body.limit = options.maxResponseBytes;
    char errbuf[CURL_ERROR_SIZE] = {0};
    std::unique_ptr<curl_slist, SlistDeleter> headers(curl_slist_append(nullptr, "Accept: application/json"));
    const long attemptMs = static_cast<long>(std::min(options.attemptTimeout, remaining).count());
    const long connectMs = static_cast<long>(std::min(options.connectTimeout, remaining).count());
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, std::max(1L, connectMs));
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, std::max(1L, attemptMs));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(options.maxResponseBytes));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_USERAGENT, "suppcheck/" SUPPCHECK_VERSION);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // let curl decode gzip/deflate

    const CURLcode rc = curl_easy_perform(c);
    const std::string curlMessage = errbuf[0] ? std::string(errbuf) : curl_easy_strerror(rc);
    if (rc == CURLE_WRITE_ERROR || rc == CURLE_FILESIZE_EXCEEDED || body.overflow)
      return fail("the answer is larger than " + std::to_string(options.maxResponseBytes / 1024) +
                      " KiB; refused",
                  false);
    if (rc == CURLE_OPERATION_TIMEDOUT) return fail("no answer within " + Seconds(milliseconds(attemptMs)), true);
    if (rc == CURLE_COULDNT_CONNECT) return fail("cannot connect: " + curlMessage, true);
    if (rc == CURLE_GOT_NOTHING || rc == CURLE_RECV_ERROR || rc == CURLE_SEND_ERROR || rc == CURLE_PARTIAL_FILE)
      return fail("the connection broke: " + curlMessage, true);
    if (rc != CURLE_OK) return fail(curlMessage, false);

    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 300 && status < 400) {
      char* location = nullptr;
      curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &location);
      return fail("the server redirects (HTTP " + std::to_string(status) + ")" +
                      (location ? std::string(" to ") + location : std::string()) +
                      "; redirects are not followed, point --registry at the final URL",
                  false);
    }
    if (status == 429 || status >= 500) return fail("the server answered HTTP " + std::to_string(status), true);

    char* type = nullptr;
    curl_easy_getinfo(c, CURLINFO_CONTENT_TYPE, &type);
    result.answer = InterpretRegistryAnswer(status, body.data, type ? type : "", canonical, url);
    result.definite = result.answer.status == RegistryStatus::Listed || result.answer.status == RegistryStatus::NotListed;
    return result;
  }
};

RegistryAnswer InterpretRegistryAnswer(long status, std::string_view body, std::string_view contentType,
                                       const std::string& canonical, const std::string& source) {
  // Bounded: an answer nested 100000 deep would overflow the stack when copied (issue 13, D6).
  auto parsed = ParseBoundedJson(body);
  const nlohmann::ordered_json json = parsed ? std::move(*parsed) : nlohmann::ordered_json();
  const bool usable = json.is_object() && json.contains("found") && json["found"].is_boolean();
  if (!usable) {
    if (status != 200 && status != 404)
      return RegistryAnswer::Failure(source, "the server answered HTTP " + std::to_string(status));
    const std::string what = parsed ? "has no boolean \"found\" field" : parsed.error().message;
    return RegistryAnswer::Failure(source, "the answer " + what + " (HTTP " + std::to_string(status) +
                                               (contentType.empty() ? std::string() : ", " + SanitizeUtf8(contentType)) +
                                               ")");
  }
  // A server that answers about another number is not to be trusted for this one.
  if (json.contains("number") && json["number"].is_string()) {
    const std::string theirs = CanonicalNotificationNumber(json["number"].get<std::string>());
    if (theirs != canonical)
      return RegistryAnswer::Failure(
          source, "the answer is about another number ('" + SanitizeUtf8(json["number"].get<std::string>()) + "')");
  }
  RegistryAnswer answer;
  answer.source = source;
  answer.status = json["found"].get<bool>() ? RegistryStatus::Listed : RegistryStatus::NotListed;
  nlohmann::ordered_json detail = nlohmann::ordered_json::object();
  for (auto it = json.begin(); it != json.end(); ++it)
    if (it.key() != "found") detail[it.key()] = it.value();
  if (!detail.empty()) answer.detail = std::move(detail);
  return answer;
}

HttpRegistry::HttpRegistry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpRegistry::~HttpRegistry() = default;

Expected<std::unique_ptr<HttpRegistry>> HttpRegistry::Create(std::string urlTemplate, HttpRegistryOptions options) {
  const std::string lower = AsciiLower(urlTemplate);
  if (lower.rfind("http://", 0) != 0 && lower.rfind("https://", 0) != 0)
    return MakeError("bad_registry", "registry URL '" + urlTemplate + "' must start with http:// or https://");
  if (urlTemplate.find(kPlaceholder) == std::string::npos)
    return MakeError("bad_registry", "registry URL '" + urlTemplate +
                                         "' has no {number} placeholder (e.g. https://host/api/{number})");
  if (options.retries < 0 || options.deadline.count() <= 0 || options.attemptTimeout.count() <= 0)
    return MakeError("bad_registry", "registry timeouts must be positive and retries not negative");
  InitNetworking();
  auto impl = std::make_unique<Impl>();
  impl->cache = std::make_unique<AnswerCache>(options.cacheDir, urlTemplate, options.cacheTtl);
  impl->urlTemplate = std::move(urlTemplate);
  impl->options = std::move(options);
  return std::unique_ptr<HttpRegistry>(new HttpRegistry(std::move(impl)));
}

std::string HttpRegistry::UrlFor(const std::string& canonicalNumber) const {
  std::string url = impl_->urlTemplate;
  const std::string encoded = PercentEncode(canonicalNumber);
  for (size_t p = url.find(kPlaceholder); p != std::string::npos; p = url.find(kPlaceholder, p + encoded.size()))
    url.replace(p, kPlaceholder.size(), encoded);
  return url;
}

RegistryAnswer HttpRegistry::Lookup(const std::string& canonicalNumber) {
  {
    std::lock_guard lock(impl_->memoMu);
    if (auto it = impl_->memo.find(canonicalNumber); it != impl_->memo.end()) return it->second;
  }
  if (auto cached = impl_->cache->Get(canonicalNumber)) {
    std::lock_guard lock(impl_->memoMu);
    impl_->memo.emplace(canonicalNumber, *cached);
    return *cached;
  }

  // Join a lookup of the same number already under way, or become the one that does it.
  std::promise<RegistryAnswer> promise;
  {
    std::unique_lock lock(impl_->memoMu);
    if (auto it = impl_->memo.find(canonicalNumber); it != impl_->memo.end()) return it->second;
    if (auto it = impl_->inflight.find(canonicalNumber); it != impl_->inflight.end()) {
      auto future = it->second;
      lock.unlock();
      return future.get();
    }
    impl_->inflight.emplace(canonicalNumber, promise.get_future().share());
  }
  RegistryAnswer answer = Fetch(canonicalNumber);
  {
    std::lock_guard lock(impl_->memoMu);
    if (answer.status == RegistryStatus::Listed || answer.status == RegistryStatus::NotListed)
      impl_->memo.emplace(canonicalNumber, answer);
    impl_->inflight.erase(canonicalNumber);
  }
  promise.set_value(answer);
  return answer;
}

RegistryAnswer HttpRegistry::Fetch(const std::string& canonicalNumber) {
  const std::string url = UrlFor(canonicalNumber);
  const auto& opt = impl_->options;
  const auto deadline = Clock::now() + opt.deadline;
  milliseconds wait = opt.backoff;
  Attempt last;
  last.answer = RegistryAnswer::Failure(url, "no time left for a request within the deadline");
  int attempts = 0;
  for (int i = 0; i <= opt.retries; ++i) {
    const auto remaining = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    if (remaining.count() <= 0) break;
    impl_->WaitForSlot();
    last = impl_->Fetch(url, canonicalNumber, std::chrono::duration_cast<milliseconds>(deadline - Clock::now()));
    ++attempts;
    if (last.definite || !last.retryable) break;
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    if (i == opt.retries || left <= wait) break;
    std::this_thread::sleep_for(wait);
    wait *= 2;
  }
  if (!last.definite) {
    if (attempts > 1) last.answer.error += " (" + std::to_string(attempts) + " attempts)";
    return last.answer;
  }
  impl_->cache->Put(canonicalNumber, last.answer);
  return last.answer;
}

std::string HttpRegistry::Describe() const { return "HTTP registry " + impl_->urlTemplate; }

}  // namespace suppcheck
