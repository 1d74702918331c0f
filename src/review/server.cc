#include "src/review/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <cstdio>
#include <random>
#include <utility>

#include "src/core/json.h"
#include "src/review/actions.h"
#include "src/review/page.h"
#include "tm/review.h"

namespace ancre::review {
namespace {

// Equal without saying where they differ (the time of a comparison that
// stops at the first difference tells an attacker how much of a guess is right).
bool SameToken(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "localhost" || address == "::1" ||
         address.rfind("127.", 0) == 0;
}

void SetError(httplib::Response& res, int status, const std::string& message) {
  res.status = status;
  std::string body = "{\"error\":";
  AppendJsonString(message, &body);
  body += status == 409 ? ",\"reload\":true}" : "}";
  res.set_content(body, "application/json; charset=utf-8");
}

}  // namespace

std::string RandomToken() {
  std::random_device random;  // /dev/urandom on Linux (libstdc++)
  std::string token;
  for (int i = 0; i < 4; ++i) {
    char part[9];
    std::snprintf(part, sizeof part, "%08x", static_cast<unsigned>(random()));
    token += part;
  }
  return token;
}

struct Server::Impl {
  Session& session;
  ServerOptions options;
  httplib::Server http;
  int port = 0;

  Impl(Session& s, ServerOptions o) : session(s), options(std::move(o)) {}

  // Whether the request may be served; answers 403 (or 421) itself if not.
  bool Allowed(const httplib::Request& req, httplib::Response& res) const {
    std::string given = req.get_param_value("token");
    if (given.empty()) given = req.get_header_value("X-Ancre-Token");
    if (!SameToken(given, options.token)) {
      SetError(res, 403,
               "this request has no valid token; open the address 'ancre review' printed, "
               "with its ?token=");
      return false;
    }
    if (IsLoopback(options.address)) {
      const std::string host = req.get_header_value("Host");
      const std::string port_part = ":" + std::to_string(port);
      if (host != "127.0.0.1" + port_part && host != "localhost" + port_part &&
          host != "[::1]" + port_part) {
        SetError(res, 421, "this server answers only for 127.0.0.1 and localhost");
        return false;
      }
    }
    return true;
  }

  void Routes() {
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-store");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Referrer-Policy", "no-referrer");  // the token stays out of Referer
      res.set_header("X-Frame-Options", "DENY");
    });
    http.Get("/", [this](const httplib::Request& req, httplib::Response& res) {
      if (!Allowed(req, res)) return;
      res.set_header("Content-Security-Policy",
                     "default-src 'none'; script-src 'self'; style-src 'self'; connect-src "
                     "'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                     "frame-ancestors 'none'");
      res.set_content(PageHtml(options.token), "text/html; charset=utf-8");
    });
    http.Get("/review.css", [this](const httplib::Request& req, httplib::Response& res) {
      if (Allowed(req, res)) res.set_content(PageCss(), "text/css; charset=utf-8");
    });
    http.Get("/review.js", [this](const httplib::Request& req, httplib::Response& res) {
      if (Allowed(req, res)) {
        res.set_content(std::string(PageScript()), "text/javascript; charset=utf-8");
      }
    });
    http.Get("/api/state", [this](const httplib::Request& req, httplib::Response& res) {
      if (!Allowed(req, res)) return;
      Serve(res, [&] { return session.StateJson(); });
    });
    http.Post("/api/action", [this](const httplib::Request& req, httplib::Response& res) {
      if (!Allowed(req, res)) return;
      // A JSON body: a cross-site form cannot send one without the browser
      // asking this server first, which it never allows.
      if (req.get_header_value("Content-Type").rfind("application/json", 0) != 0) {
        SetError(res, 415, "a review action is a JSON body (Content-Type: application/json)");
        return;
      }
      Serve(res, [&] { return session.Act(req.body); });
    });
    http.set_error_handler([](const httplib::Request&, httplib::Response& res) {
      if (res.body.empty()) SetError(res, res.status, "no such page");
    });
  }

  template <typename F>
  void Serve(httplib::Response& res, F&& answer) {
    try {
      res.set_content(answer(), "application/json; charset=utf-8");
    } catch (const tm::StaleReview& e) {
      SetError(res, 409, e.what());
    } catch (const BadRequest& e) {
      SetError(res, 400, e.what());
    } catch (const ActionError& e) {
      SetError(res, 400, e.what());
    } catch (const std::exception& e) {
      SetError(res, 500, e.what());
    }
  }
};

Server::Server(Session& session, ServerOptions options)
    : impl_(std::make_unique<Impl>(session, std::move(options))) {
  Impl& impl = *impl_;
  if (impl.options.token.empty()) impl.options.token = RandomToken();
  impl.http.set_payload_max_length(16 << 20);
  // SO_REUSEADDR only: httplib's default also sets SO_REUSEPORT, with which
  // a second server of the same user would share the port and its requests.
  impl.http.set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  impl.Routes();
  const std::string& address = impl.options.address;
  if (impl.options.port == 0) {
    impl.port = impl.http.bind_to_any_port(address);
  } else {
    impl.port = impl.http.bind_to_port(address, impl.options.port) ? impl.options.port : -1;
  }
  if (impl.port <= 0) {
    throw IoError("cannot listen on " + address +
                  (impl.options.port ? ":" + std::to_string(impl.options.port) : "") +
                  ": the port is taken or the address is not one of this machine's; give "
                  "another --port or --listen");
  }
}

Server::~Server() = default;

int Server::port() const { return impl_->port; }
const std::string& Server::token() const { return impl_->options.token; }

std::string Server::Url() const {
  const std::string& a = impl_->options.address;
  const std::string host = a == "0.0.0.0" || a == "::"        ? "127.0.0.1"
                           : a.find(':') != std::string::npos ? "[" + a + "]"
                                                              : a;
  return "http://" + host + ":" + std::to_string(impl_->port) + "/?token=" + impl_->options.token;
}

void Server::Run() { impl_->http.listen_after_bind(); }

void Server::Stop() { impl_->http.stop(); }

}  // namespace ancre::review
