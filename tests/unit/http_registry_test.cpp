// The HTTP registry client against a real server on 127.0.0.1: results and how long they take.

#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "support/temp_dir.h"
#include "support/test_http_server.h"
#include "suppcheck/registry/http_registry.h"

using namespace suppcheck;
using namespace std::chrono;
using suppcheck::test::TempDir;
using suppcheck::test::TestHttpServer;

namespace {

HttpRegistryOptions FastOptions() {
  HttpRegistryOptions o;
  o.connectTimeout = milliseconds(500);
  o.attemptTimeout = milliseconds(800);
  o.deadline = milliseconds(2000);
  o.retries = 2;
  o.backoff = milliseconds(50);
  return o;  // no disk cache unless a test sets one
}

struct Timed {
  RegistryAnswer answer;
  double seconds;
};

Timed Lookup(const std::string& url, const std::string& number, HttpRegistryOptions o = FastOptions()) {
  auto reg = HttpRegistry::Create(url, o);
  REQUIRE(reg);
  const auto t0 = steady_clock::now();
  RegistryAnswer a = (*reg)->Lookup(number);
  return {a, duration<double>(steady_clock::now() - t0).count()};
}

// FastOptions with the disk cache in `cache`.
HttpRegistryOptions CachedIn(const TempDir& cache) {
  HttpRegistryOptions o = FastOptions();
  o.cacheDir = cache.path();
  return o;
}

}  // namespace

TEST_CASE("the number is percent-encoded into the URL template", "[registry][http]") {
  auto reg = HttpRegistry::Create("https://registry.example/api/{number}?q={number}", {});
  REQUIRE(reg);
  CHECK((*reg)->UrlFor("NUT/PL 1234/56") ==
        "https://registry.example/api/NUT%2FPL%201234%2F56?q=NUT%2FPL%201234%2F56");
}

TEST_CASE("found and not found", "[registry][http]") {
  TestHttpServer server;
  const Timed found = Lookup(server.Url("found"), "NUT/PL 1234/56");
  CHECK(found.answer.status == RegistryStatus::Listed);
  CHECK(found.answer.detail["product"] == "Magnesium 375");
  CHECK(found.answer.detail["number"] == "NUT/PL 1234/56");  // the server saw the decoded number
  CHECK(found.seconds < 1.0);
  const Timed missing = Lookup(server.Url("notfound"), "NUT 1/2");
  CHECK(missing.answer.status == RegistryStatus::NotListed);
}

TEST_CASE("500 twice then success is retried to success", "[registry][http]") {
  TestHttpServer server;
  const Timed t = Lookup(server.Url("flaky"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Listed);
  CHECK(server.hits == 3);
  CHECK(t.seconds < 1.5);
}

TEST_CASE("500 forever gives an error after the bounded retries", "[registry][http]") {
  TestHttpServer server;
  const Timed t = Lookup(server.Url("fail"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error == "the server answered HTTP 503 (3 attempts)");
  CHECK(server.hits == 3);
  CHECK(t.seconds < 2.0);
}

TEST_CASE("a server slower than the timeout gives an error within the deadline", "[registry][http]") {
  TestHttpServer server;
  const Timed t = Lookup(server.Url("slow"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error.find("no answer within") != std::string::npos);
  CHECK(t.seconds >= 0.7);
  CHECK(t.seconds < 2.5);  // deadline 2 s, plus scheduling slack
}

TEST_CASE("a slow-drip body cannot hold a lookup beyond its deadline", "[registry][http]") {
  TestHttpServer server;
  const Timed t = Lookup(server.Url("drip"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.seconds < 2.5);
}

TEST_CASE("malformed, non-boolean and HTML answers are errors, not verdicts", "[registry][http]") {
  TestHttpServer server;
  const Timed bad = Lookup(server.Url("malformed"), "NUT 1/2");
  CHECK(bad.answer.status == RegistryStatus::Error);
  CHECK(bad.answer.error == "the answer is not JSON (HTTP 200, application/json)");
  const Timed notBool = Lookup(server.Url("notbool"), "NUT 1/2");
  CHECK(notBool.answer.status == RegistryStatus::Error);
  CHECK(notBool.answer.error.find("has no boolean \"found\" field") != std::string::npos);
  const Timed html = Lookup(server.Url("html"), "NUT 1/2");
  CHECK(html.answer.status == RegistryStatus::Error);
  CHECK(html.answer.error.find("text/html") != std::string::npos);
  CHECK(server.hits == 3);  // none of these is retried: the server answered, wrongly
}

TEST_CASE("an oversized body is refused", "[registry][http]") {
  TestHttpServer server;
  // Time is not the point here, the size is: generous timeouts, so that a loaded machine (the
  // test server building and sending 2 MiB) cannot turn the refusal into a timeout.
  HttpRegistryOptions o = FastOptions();
  o.attemptTimeout = milliseconds(10000);
  o.deadline = milliseconds(20000);
  const Timed t = Lookup(server.Url("huge"), "NUT 1/2", o);
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error == "the answer is larger than 256 KiB; refused");
}

TEST_CASE("an answer about another number is not trusted", "[registry][http]") {
  TestHttpServer server;
  const Timed t = Lookup(server.Url("wrong"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error.find("about another number ('NUT 9/9')") != std::string::npos);
}

TEST_CASE("redirects are not followed", "[registry][http]") {
  TestHttpServer server;
  const Timed t = Lookup(server.Url("redirect"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error.find("redirects (HTTP 302) to http://other-host.invalid/steal") != std::string::npos);
  CHECK(server.hits == 1);
}

TEST_CASE("connection refused gives an error quickly", "[registry][http]") {
  const int port = suppcheck::test::ClosedPort();
  const Timed t = Lookup("http://127.0.0.1:" + std::to_string(port) + "/r/{number}", "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error.find("cannot connect") != std::string::npos);
  CHECK(t.seconds < 1.0);
}

TEST_CASE("answers are cached on disk and in memory, errors are not", "[registry][http]") {
  TestHttpServer server;
  TempDir cache;
  HttpRegistryOptions o = CachedIn(cache);
  {
    auto reg = HttpRegistry::Create(server.Url("found"), o);
    REQUIRE(reg);
    CHECK((*reg)->Lookup("NUT 1/2").status == RegistryStatus::Listed);
    CHECK((*reg)->Lookup("NUT 1/2").status == RegistryStatus::Listed);
    CHECK(server.hits == 1);
  }
  // A new process (a new registry object) reads the disk cache.
  const RegistryAnswer a = Lookup(server.Url("found"), "NUT 1/2", o).answer;
  CHECK(a.status == RegistryStatus::Listed);
  CHECK(a.fromCache);
  CHECK(a.detail["product"] == "Magnesium 375");
  CHECK(server.hits == 1);
  // An expired entry is fetched again.
  o.cacheTtl = seconds(-1);
  CHECK(Lookup(server.Url("found"), "NUT 1/2", o).answer.status == RegistryStatus::Listed);
  CHECK(server.hits == 2);
  {
    auto reg = HttpRegistry::Create(server.Url("fail"), o);
    REQUIRE(reg);
    CHECK((*reg)->Lookup("NUT 3/4").status == RegistryStatus::Error);
    const int after = server.hits;
    CHECK((*reg)->Lookup("NUT 3/4").status == RegistryStatus::Error);
    CHECK(server.hits > after);  // errors are asked again
  }
}

TEST_CASE("a server with an invalid TLS certificate is refused quickly", "[registry][http]") {
  // A self-signed certificate, served by `openssl s_server` on a 127.0.0.1 port.
  if (std::system("command -v openssl >/dev/null 2>&1") != 0) {
    WARN("openssl is not installed: TLS test not run");
    return;
  }
  TempDir dir;
  const std::string key = (dir / "key.pem").string(), cert = (dir / "cert.pem").string();
  REQUIRE(std::system(("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -keyout " + key +
                       " -out " + cert + " >/dev/null 2>&1").c_str()) == 0);
  const int port = suppcheck::test::ClosedPort();
  const pid_t pid = fork();
  if (pid == 0) {
    const int null = open("/dev/null", O_RDWR);
    dup2(null, 0);
    dup2(null, 1);
    dup2(null, 2);
    execlp("openssl", "openssl", "s_server", "-accept", std::to_string(port).c_str(), "-cert", cert.c_str(), "-key",
           key.c_str(), "-www", "-quiet", static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until it listens.
  for (int i = 0; i < 100; ++i) {
    httplib::Client probe("127.0.0.1", port);
    probe.set_connection_timeout(0, 100000);
    if (probe.Get("/")) break;  // plain HTTP to a TLS port fails, but only once it is listening
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool up = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    ::close(fd);
    if (up) break;
    std::this_thread::sleep_for(milliseconds(50));
  }
  const Timed t = Lookup("https://127.0.0.1:" + std::to_string(port) + "/{number}", "NUT 1/2");
  kill(pid, SIGTERM);
  waitpid(pid, nullptr, 0);
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error.find("certificate") != std::string::npos);
  CHECK(t.seconds < 2.0);
}

TEST_CASE("D6: an answer nested 100000 levels deep is an error, not a stack overflow", "[registry][http][hostile]") {
  TestHttpServer server;
  REQUIRE(suppcheck::test::DeepAnswer().size() < 256 * 1024);
  const Timed t = Lookup(server.Url("deep"), "NUT 1/2");
  CHECK(t.answer.status == RegistryStatus::Error);
  CHECK(t.answer.error == "the answer nests deeper than 64 levels (HTTP 200, application/json)");
  CHECK(server.hits == 1);  // not retried: the server answered, wrongly
}

TEST_CASE("a cache file nested too deep is a miss, not a crash", "[registry][http][hostile]") {
  TestHttpServer server;
  TempDir cache;
  const HttpRegistryOptions o = CachedIn(cache);
  CHECK(Lookup(server.Url("found"), "NUT 1/2", o).answer.status == RegistryStatus::Listed);
  // Overwrite the one cache file with a deep one (a damaged disk, another program).
  int files = 0;
  for (const auto& e : std::filesystem::recursive_directory_iterator(cache.path()))
    if (e.is_regular_file()) {
      std::ofstream(e.path(), std::ios::binary)
          << R"({"number":"NUT 1/2","fetched":)" + std::to_string(std::time(nullptr)) +
                 R"(,"source":"x","found":true,"detail":)" +
                 std::string(100000, '[') + std::string(100000, ']') + "}";
      ++files;
    }
  REQUIRE(files == 1);
  const RegistryAnswer a = Lookup(server.Url("found"), "NUT 1/2", o).answer;
  CHECK(a.status == RegistryStatus::Listed);
  CHECK_FALSE(a.fromCache);
  CHECK(server.hits == 2);
}
