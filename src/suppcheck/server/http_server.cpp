#include "suppcheck/server/http_server.h"

#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <unistd.h>

#include <cstring>
#include <optional>

#include "suppcheck/server/web_api.h"
#include "suppcheck/util/text.h"
#include "suppcheck/server/work_queue.h"

namespace suppcheck::server {

struct HttpServer::Impl {
  Impl(WebApi& a, const HttpServerOptions& o)
      : api(a), watch(o.connections), scans(o.scanThreads), lookups(o.lookupThreads) {}
  WebApi& api;
  ConnectionWatch watch;
  WorkQueue scans;
  WorkQueue lookups;
  MHD_Daemon* daemon = nullptr;
  int port = 0;
};

namespace {

using Impl = HttpServer::Impl;

/// One request on its way through the server (MHD's per-request context).
struct Exchange {
  Request request;
  Work work = Work::kNone;
  Admission::Slot slot;
  enum class Phase { kReceiving, kWorking, kAnswering } phase = Phase::kReceiving;
  /// The answer once known: decided from the headers (then the body is read and dropped), the
  /// body went past the limit (413, the rest is dropped too), or set by the work queue before
  /// it resumes the connection.
  std::optional<Response> answer;
};

ConnectionWatch::Entry* WatchEntry(MHD_Connection* c) {
  const MHD_ConnectionInfo* info = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return info ? static_cast<ConnectionWatch::Entry*>(info->socket_context) : nullptr;
}

std::string HeaderValue(MHD_Connection* c, const char* name) {
  const char* v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
  return v ? v : "";
}

MHD_Result Send(MHD_Connection* c, const Response& response) {
  MHD_Response* r = MHD_create_response_from_buffer(response.body.size(), const_cast<char*>(response.body.data()),
                                                    MHD_RESPMEM_MUST_COPY);
  if (!r) return MHD_NO;
  if (!response.contentType.empty()) MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, response.contentType.c_str());
  for (const auto& [k, v] : SecurityHeaders()) MHD_add_response_header(r, k.c_str(), v.c_str());
  for (const auto& [k, v] : response.headers) MHD_add_response_header(r, k.c_str(), v.c_str());
  const MHD_Result ok = MHD_queue_response(c, static_cast<unsigned>(response.status), r);
  MHD_destroy_response(r);
  return ok;
}

// A route that throws (out of memory, a decoder's exception) answers 500; the server stays up.
Response HandleSafely(WebApi& api, const Request& request) {
  try {
    return api.Handle(request);
  } catch (const std::exception& e) {
    return JsonError(500, "internal_error", "the request failed: " + SanitizeUtf8(e.what()));
  } catch (...) {
    return JsonError(500, "internal_error", "the request failed");
  }
}

RequestHead ReadHead(MHD_Connection* c, const char* url, const char* method) {
  RequestHead head{method, url, HeaderValue(c, MHD_HTTP_HEADER_CONTENT_TYPE),
                   HeaderValue(c, MHD_HTTP_HEADER_CONTENT_ENCODING), std::nullopt};
  const std::string length = HeaderValue(c, MHD_HTTP_HEADER_CONTENT_LENGTH);
  if (!length.empty() && length.find_first_not_of("0123456789") == std::string::npos && length.size() < 19)
    head.contentLength = std::stoull(length);
  return head;
}

// Called for each request several times: once its headers are in, once per piece of body, once
// the body is complete, and once more after its work resumes the connection.
MHD_Result Advance(void* cls, MHD_Connection* c, const char* url, const char* method, const char* upload,
                   size_t* uploadSize, void** context) {
  auto* self = static_cast<Impl*>(cls);
  auto* ex = static_cast<Exchange*>(*context);
  if (!ex) {
    ex = new Exchange;
    *context = ex;
    ex->request.head = ReadHead(c, url, method);
    WebApi::Admitted admitted = self->api.Admit(ex->request.head);
    ex->work = admitted.work;
    ex->slot = std::move(admitted.slot);
    // An answer decided now is still sent only after the body has been read (and dropped):
    // clients that send the whole body before reading, browsers among them, then see it.
    ex->answer = std::move(admitted.answer);
    if (!ex->answer && ex->request.head.contentLength) ex->request.body.reserve(*ex->request.head.contentLength);
    return MHD_YES;
  }
  if (ex->phase == Exchange::Phase::kReceiving && *uploadSize > 0) {
    if (!ex->answer && ex->request.body.size() + *uploadSize <= self->api.maxUploadBytes()) {
      ex->request.body.append(upload, *uploadSize);
    } else if (!ex->answer) {
      ex->answer = WebApi::TooLarge();
      ex->slot = {};
      std::string().swap(ex->request.body);  // the memory goes back now, not at the end
    }
    *uploadSize = 0;
    return MHD_YES;
  }
  if (ex->phase == Exchange::Phase::kReceiving) {
    if (auto* e = WatchEntry(c)) self->watch.Received(e);
    if (ex->answer || ex->work == Work::kNone) {
      ex->phase = Exchange::Phase::kAnswering;
      return Send(c, ex->answer ? *ex->answer : HandleSafely(self->api, ex->request));
    }
    ex->phase = Exchange::Phase::kWorking;
    MHD_suspend_connection(c);
    const bool queued = (ex->work == Work::kScan ? self->scans : self->lookups).Submit([self, c, ex] {
      ex->answer = HandleSafely(self->api, ex->request);
      MHD_resume_connection(c);  // ex belongs to the poll thread again from here
    });
    if (!queued) {
      ex->answer = JsonError(503, "busy", "the server is stopping");
      MHD_resume_connection(c);
    }
    return MHD_YES;
  }
  if (ex->phase == Exchange::Phase::kWorking && ex->answer) {
    ex->phase = Exchange::Phase::kAnswering;
    return Send(c, *ex->answer);
  }
  return MHD_YES;
}

MHD_Result OnRequest(void* cls, MHD_Connection* c, const char* url, const char* method, const char*,
                     const char* upload, size_t* uploadSize, void** context) {
  try {
    return Advance(cls, c, url, method, upload, uploadSize, context);
  } catch (...) {  // nothing may unwind into the C library: drop this connection, keep the server
    return MHD_NO;
  }
}

void OnRequestDone(void* cls, MHD_Connection* c, void** context, MHD_RequestTerminationCode) {
  auto* self = static_cast<Impl*>(cls);
  delete static_cast<Exchange*>(*context);  // gives the admission slot back
  *context = nullptr;
  if (auto* e = WatchEntry(c)) self->watch.Answered(e);
}

void OnConnection(void* cls, MHD_Connection* c, void** socketContext, MHD_ConnectionNotificationCode code) {
  auto* self = static_cast<Impl*>(cls);
  if (code == MHD_CONNECTION_NOTIFY_STARTED) {
    const MHD_ConnectionInfo* fd = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    const MHD_ConnectionInfo* address = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    const sockaddr* a = address ? address->client_addr : nullptr;
    const socklen_t length = a && a->sa_family == AF_INET6 ? sizeof(sockaddr_in6) : sizeof(sockaddr_in);
    *socketContext = fd ? self->watch.Opened(fd->connect_fd, a, length) : nullptr;
  } else if (*socketContext) {
    self->watch.Closed(static_cast<ConnectionWatch::Entry*>(*socketContext));
    *socketContext = nullptr;
  }
}

MHD_Result OnAccept(void* cls, const sockaddr* address, socklen_t length) {
  return static_cast<Impl*>(cls)->watch.MayAccept(address, length) ? MHD_YES : MHD_NO;
}

// Paths reach the web API as sent: it decodes them itself, keeping a %00 as a byte.
size_t KeepEscaped(void*, MHD_Connection*, char* s) { return std::strlen(s); }

}  // namespace

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() { Stop(); }

int HttpServer::port() const { return impl_->port; }

Expected<std::unique_ptr<HttpServer>> HttpServer::Start(WebApi& api, const HttpServerOptions& o) {
  const std::string where = o.host + ":" + std::to_string(o.port);
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = AI_PASSIVE;
  addrinfo* found = nullptr;
  if (getaddrinfo(o.host.c_str(), std::to_string(o.port).c_str(), &hints, &found) != 0 || !found)
    return MakeError("bad_address", "cannot listen on " + o.host + ": not an address of this machine");
  sockaddr_storage address{};
  std::memcpy(&address, found->ai_addr, std::min<size_t>(found->ai_addrlen, sizeof address));
  freeaddrinfo(found);

  auto impl = std::make_unique<Impl>(api, o);
  unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_ALLOW_SUSPEND_RESUME;
  if (address.ss_family == AF_INET6) flags |= MHD_USE_IPv6;
  impl->daemon = MHD_start_daemon(
      flags, static_cast<uint16_t>(o.port), OnAccept, impl.get(), OnRequest, impl.get(),
      MHD_OPTION_SOCK_ADDR, reinterpret_cast<sockaddr*>(&address),
      MHD_OPTION_CONNECTION_MEMORY_LIMIT, o.connectionMemory,
      // A backstop above our own cap, which closes excess connections at once (MHD's makes them wait).
      MHD_OPTION_CONNECTION_LIMIT, static_cast<unsigned>(o.connections.maxTotal + 16),
      MHD_OPTION_CONNECTION_TIMEOUT, static_cast<unsigned>(o.idleTimeout.count()),
      MHD_OPTION_NOTIFY_COMPLETED, OnRequestDone, impl.get(),
      MHD_OPTION_NOTIFY_CONNECTION, OnConnection, impl.get(),
      MHD_OPTION_UNESCAPE_CALLBACK, KeepEscaped, impl.get(),
      MHD_OPTION_END);
  if (!impl->daemon) return MakeError("cannot_listen", "cannot listen on " + where + " (in use, or not allowed)");
  const MHD_DaemonInfo* info = MHD_get_daemon_info(impl->daemon, MHD_DAEMON_INFO_BIND_PORT);
  impl->port = info ? info->port : o.port;
  return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

void HttpServer::Stop() {
  if (!impl_ || !impl_->daemon) return;
  const MHD_socket listening = MHD_quiesce_daemon(impl_->daemon);
  // The poll thread keeps running while the work queues finish, so that their answers are sent.
  impl_->scans.Finish();
  impl_->lookups.Finish();
  MHD_stop_daemon(impl_->daemon);
  impl_->daemon = nullptr;
  if (listening != MHD_INVALID_SOCKET) close(listening);
}

}  // namespace suppcheck::server
