#pragma once
// Watches the open connections of the server for the two limits its HTTP library does not hold
// the way we need:
// - caps: at most `maxTotal` connections, at most `maxPerAddress` from one client address (an
//   IPv6 client counts by its /64), checked before a connection is set up, so that excess ones
//   are closed at once instead of waiting in the listen backlog;
// - an absolute deadline to receive a request (its headers and its body), counted from the
//   connection's start or from the end of its previous request and never restarted by a byte
//   arriving: a client that sends a header line every 10 s is cut off when the deadline passes.
// A sweeper thread shuts down the socket of a connection past its deadline; the poll thread
// then sees the connection end and cleans it up as for any client that went away.

#include <sys/socket.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_set>

namespace suppcheck::server {

struct ConnectionLimits {
  int maxTotal = 256;
  int maxPerAddress = 32;
  std::chrono::milliseconds receiveDeadline{60000};
};

class ConnectionWatch {
 public:
  explicit ConnectionWatch(ConnectionLimits limits);
  ~ConnectionWatch();
  ConnectionWatch(const ConnectionWatch&) = delete;
  ConnectionWatch& operator=(const ConnectionWatch&) = delete;

  struct Entry;

  /// Room for one more connection from this address?
  bool MayAccept(const sockaddr* address, socklen_t length);
  /// A connection was set up on `fd`: its request deadline starts now.
  Entry* Opened(int fd, const sockaddr* address, socklen_t length);
  /// The request has fully arrived: no deadline while it is worked on and answered.
  void Received(Entry* e);
  /// The answer was sent: the next request on the connection has a deadline from now.
  void Answered(Entry* e);
  /// Must be called before the connection's socket is closed.
  void Closed(Entry* e);

  /// Connections cut off because their request did not arrive in time (for tests and logs).
  int cutOff() const;

 private:
  void Sweep();
  const ConnectionLimits limits_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  std::unordered_set<Entry*> open_;
  std::map<std::string, int> perAddress_;
  int cutOff_ = 0;
  bool stopping_ = false;
  std::thread sweeper_;
};

}  // namespace suppcheck::server
