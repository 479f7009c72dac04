#include "suppcheck/server/connection_watch.h"

#include <netinet/in.h>
#include <sys/socket.h>

#include <cstring>

namespace suppcheck::server {

struct ConnectionWatch::Entry {
  int fd = -1;
  std::string address;
  std::chrono::steady_clock::time_point since;
  bool receiving = true;  ///< a request (or the wait for one) is on the clock
};

namespace {

// The key a client is counted by: its IPv4 address, or the /64 of its IPv6 address (one
// machine usually has a whole /64); IPv4-mapped IPv6 addresses count as the IPv4 address.
std::string AddressKey(const sockaddr* a, socklen_t length) {
  if (a && a->sa_family == AF_INET && length >= static_cast<socklen_t>(sizeof(sockaddr_in))) {
    const auto* in = reinterpret_cast<const sockaddr_in*>(a);
    return std::string("4") + std::string(reinterpret_cast<const char*>(&in->sin_addr), 4);
  }
  if (a && a->sa_family == AF_INET6 && length >= static_cast<socklen_t>(sizeof(sockaddr_in6))) {
    const auto* in6 = reinterpret_cast<const sockaddr_in6*>(a);
    const auto* bytes = reinterpret_cast<const char*>(&in6->sin6_addr);
    if (IN6_IS_ADDR_V4MAPPED(&in6->sin6_addr)) return std::string("4") + std::string(bytes + 12, 4);
    return std::string("6") + std::string(bytes, 8);
  }
  return "other";
}

}  // namespace

ConnectionWatch::ConnectionWatch(ConnectionLimits limits) : limits_(limits) {
  sweeper_ = std::thread([this] { Sweep(); });
}

ConnectionWatch::~ConnectionWatch() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  sweeper_.join();
  for (Entry* e : open_) delete e;
}

bool ConnectionWatch::MayAccept(const sockaddr* address, socklen_t length) {
  std::lock_guard lock(mu_);
  if (static_cast<int>(open_.size()) >= limits_.maxTotal) return false;
  const auto it = perAddress_.find(AddressKey(address, length));
  return it == perAddress_.end() || it->second < limits_.maxPerAddress;
}

ConnectionWatch::Entry* ConnectionWatch::Opened(int fd, const sockaddr* address, socklen_t length) {
  auto* e = new Entry{fd, AddressKey(address, length), std::chrono::steady_clock::now(), true};
  std::lock_guard lock(mu_);
  open_.insert(e);
  ++perAddress_[e->address];
  return e;
}

void ConnectionWatch::Received(Entry* e) {
  std::lock_guard lock(mu_);
  e->receiving = false;
}

void ConnectionWatch::Answered(Entry* e) {
  std::lock_guard lock(mu_);
  e->receiving = true;
  e->since = std::chrono::steady_clock::now();
}

void ConnectionWatch::Closed(Entry* e) {
  {
    std::lock_guard lock(mu_);
    open_.erase(e);
    if (--perAddress_[e->address] <= 0) perAddress_.erase(e->address);
  }
  delete e;
}

int ConnectionWatch::cutOff() const {
  std::lock_guard lock(mu_);
  return cutOff_;
}

void ConnectionWatch::Sweep() {
  const auto every = std::min(std::chrono::milliseconds(250), limits_.receiveDeadline / 4);
  std::unique_lock lock(mu_);
  while (!cv_.wait_for(lock, every, [&] { return stopping_; })) {
    const auto now = std::chrono::steady_clock::now();
    for (Entry* e : open_) {
      if (!e->receiving || now - e->since < limits_.receiveDeadline) continue;
      // Safe while we hold the lock: the socket is only closed after Closed(), which waits
      // for it. shutdown() keeps the descriptor; the poll thread sees the end and closes it.
      ::shutdown(e->fd, SHUT_RDWR);
      e->receiving = false;
      ++cutOff_;
    }
  }
}

}  // namespace suppcheck::server
