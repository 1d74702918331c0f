// The review page's local web server: serves the page (page.h) and the
// session's JSON (session.h) over HTTP on one address, loopback by default.
// Every request must carry the server's random token (in the URL's ?token=
// or the X-Ancre-Token header), so that another user of the machine cannot
// read or write the TM through it; changes are POST requests with a JSON
// body; on loopback, a Host header naming another host is refused (DNS
// rebinding). Answers say what went wrong: 400 a request the page should
// not send or an action that cannot be taken, 403 no or wrong token, 409 a
// bead another review changed (the page reloads), 500 the TM failed.
//
// Usage (given ancre::review::Session& session):
//   ancre::review::Server server(session, {});
//   std::cout << server.Url() << "\n";
//   server.Run();  // until server.Stop() from another thread
//
// Thread-safety: Run() on one thread; Stop(), port() and Url() from any.
#pragma once

#include <memory>
#include <string>

#include "src/review/session.h"

namespace ancre::review {

struct ServerOptions {
  std::string address = "127.0.0.1";  // where to listen; "0.0.0.0" = every interface
  int port = 0;                       // 0 = a free port the system chooses
  std::string token;                  // required in every request; empty = a random one
};

// A random token of 32 hex digits (128 bits from the system's random source).
std::string RandomToken();

class Server {
 public:
  // Listens on options.address and port (requests are served by Run()).
  // `session` must outlive the server. Throws IoError when the address
  // cannot be bound (port taken, not an address of this machine).
  Server(Session& session, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const;
  const std::string& token() const;
  // The page's address with the token: http://127.0.0.1:PORT/?token=...
  std::string Url() const;

  // Serves requests until Stop(); requests under way are finished first.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ancre::review
