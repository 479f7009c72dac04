#pragma once
// A real HTTP server on 127.0.0.1 for registry tests, started by the test on a free port.
// Paths choose the behaviour: /found/{n}, /notfound/{n}, /flaky/{n} (two 500s, then found),
// /fail/{n} (500 forever), /slow/{n} (answers after 5 s), /malformed/{n}, /huge/{n} (2 MiB),
// /wrong/{n} (about another number), /redirect/{n}, /notbool/{n}, /html/{n}, /drip/{n}
// (one byte every 200 ms, forever), /deep/{n} (DeepAnswer()). `hits` counts requests.

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace suppcheck::test {

/// A registry answer nested 100000 levels deep, under the 256 KiB answer limit (issue 13, D6):
/// {"found":true,"x":[[[[...]]]]}.
inline std::string DeepAnswer(size_t depth = 100000) {
  return R"({"found":true,"x":)" + std::string(depth, '[') + std::string(depth, ']') + "}";
}

class TestHttpServer {
 public:
  TestHttpServer() {
    using httplib::Request;
    using httplib::Response;
    auto json = [](Response& res, const std::string& body) { res.set_content(body, "application/json"); };
    server_.Get(R"(/found/(.*))", [this, json](const Request& req, Response& res) {
      ++hits;
      json(res, R"({"found": true, "number": ")" + req.matches[1].str() + R"(", "product": "Magnesium 375"})");
    });
    server_.Get(R"(/notfound/(.*))", [this, json](const Request&, Response& res) {
      ++hits;
      json(res, R"({"found": false})");
    });
    server_.Get(R"(/flaky/(.*))", [this, json](const Request&, Response& res) {
      if (++hits <= 2) {
        res.status = 500;
        res.set_content("temporarily broken", "text/plain");
        return;
      }
      json(res, R"({"found": true})");
    });
    server_.Get(R"(/fail/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.status = 503;
      res.set_content("down", "text/plain");
    });
    server_.Get(R"(/slow/(.*))", [this, json](const Request&, Response& res) {
      ++hits;
      for (int i = 0; i < 100 && !stopping_; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      json(res, R"({"found": true})");
    });
    server_.Get(R"(/malformed/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.set_content("{found: yes", "application/json");
    });
    server_.Get(R"(/notbool/(.*))", [this, json](const Request&, Response& res) {
      ++hits;
      json(res, R"({"found": "yes"})");
    });
    server_.Get(R"(/html/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.set_content("<html><body>Search results</body></html>", "text/html");
    });
    server_.Get(R"(/huge/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.set_content(R"({"found": true, "pad": ")" + std::string(2 << 20, 'x') + "\"}", "application/json");
    });
    server_.Get(R"(/wrong/(.*))", [this, json](const Request&, Response& res) {
      ++hits;
      json(res, R"({"found": true, "number": "NUT 9/9"})");
    });
    server_.Get(R"(/deep/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.set_content(DeepAnswer(), "application/json");
    });
    server_.Get(R"(/redirect/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.set_redirect("http://other-host.invalid/steal");
    });
    server_.Get(R"(/drip/(.*))", [this](const Request&, Response& res) {
      ++hits;
      res.set_chunked_content_provider("application/json", [this](size_t, httplib::DataSink& sink) {
        if (stopping_) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        sink.write(" ", 1);
        return true;
      });
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ~TestHttpServer() {
    stopping_ = true;
    server_.stop();
    thread_.join();
  }

  std::string Url(const std::string& behaviour) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + behaviour + "/{number}";
  }

  std::atomic<int> hits{0};

 private:
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
};

/// A 127.0.0.1 port that nothing listens on (bound, never listened on, then released).
inline int ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

}  // namespace suppcheck::test
