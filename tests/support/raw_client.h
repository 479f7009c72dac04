#pragma once
// A plain TCP client for HTTP tests that a well-behaved HTTP library cannot write: slow headers,
// endless chunked bodies, header floods, many connections from chosen 127.0.0.x addresses.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>

namespace suppcheck::test {

class RawConnection {
 public:
  /// Connects to 127.0.0.1:port from `source` (any 127.x.y.z address is this machine too).
  RawConnection(int port, const std::string& source = "127.0.0.1") {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<uint16_t>(port));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
    timeval tv{5, 0};
    setsockopt(fd_, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  }
  ~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  /// Sends all of `data`; false when the server closed or reset the connection (or 5 s passed).
  bool Send(const std::string& data) {
    size_t sent = 0;
    while (sent < data.size()) {
      const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<size_t>(n);
    }
    return true;
  }

  /// Whatever arrives within `wait` until the server closes the connection or a whole answer
  /// (headers and Content-Length body) is in.
  std::string Receive(std::chrono::milliseconds wait) {
    std::string got;
    const auto end = std::chrono::steady_clock::now() + wait;
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now());
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, static_cast<int>(std::max<long>(0, left.count()))) <= 0) break;
      char buf[65536];
      const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
      if (n <= 0) {
        closedByServer_ = true;
        break;
      }
      got.append(buf, static_cast<size_t>(n));
      if (Complete(got)) break;
    }
    return got;
  }

  /// True once Receive saw the server close (or reset) the connection.
  bool closedByServer() const { return closedByServer_; }

  /// Whether the server has closed the connection by now (waits up to `wait` to find out).
  bool ClosedWithin(std::chrono::milliseconds wait) {
    const auto end = std::chrono::steady_clock::now() + wait;
    do {
      Receive(std::chrono::duration_cast<std::chrono::milliseconds>(end - std::chrono::steady_clock::now()));
    } while (!closedByServer_ && std::chrono::steady_clock::now() < end);
    return closedByServer_;
  }

  /// The status code of an answer ("HTTP/1.1 413 ..."), or 0.
  static int Status(const std::string& answer) {
    if (answer.rfind("HTTP/1.", 0) != 0 || answer.size() < 12) return 0;
    return std::stoi(answer.substr(9, 3));
  }

 private:
  static bool Complete(const std::string& got) {
    const size_t end = got.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const std::string head = got.substr(0, end);
    std::string lower;
    for (char c : head) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const size_t at = lower.find("content-length:");
    if (at == std::string::npos) return false;
    return got.size() - end - 4 >= std::stoul(lower.substr(at + 15));
  }
  int fd_ = -1;
  bool connected_ = false;
  bool closedByServer_ = false;
};

}  // namespace suppcheck::test
