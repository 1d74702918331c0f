// The review server (src/review/server.h) on a TM in memory: the token, the
// loopback address, the Host check, and what the answers say.
#include "src/review/server.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "tests/review/review_fixture.h"

namespace ancre::review {
namespace {

class ServerTest : public testing::ReviewFixture {
 protected:
  void Start(ServerOptions options = {}) {
    session_ = std::make_unique<Session>(tm_, run_, SessionOptions{"tester", {}, nullptr});
    server_ = std::make_unique<Server>(*session_, options);
    thread_ = std::thread([this] {
      server_->Run();
      returned_ = true;
    });
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_connection_timeout(30);
    client_->set_read_timeout(60);
  }
  ~ServerTest() override {
    if (!server_) return;
    // Run() may not be listening yet when Stop() comes: ask until it returned.
    do {
      server_->Stop();
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    } while (!returned_);
    thread_.join();
  }
  std::string Path(const std::string& path) const { return path + "?token=" + server_->token(); }
  httplib::Result Post(const std::string& body, const std::string& token) {
    httplib::Headers headers;
    if (!token.empty()) headers.insert({"X-Ancre-Token", token});
    return client_->Post("/api/action", headers, body, "application/json");
  }

  std::unique_ptr<Session> session_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  std::thread thread_;
  std::atomic<bool> returned_ = false;
};

TEST_F(ServerTest, EveryRequestNeedsTheToken) {
  Start();
  EXPECT_EQ(server_->token().size(), 32u);
  EXPECT_NE(server_->Url().find("http://127.0.0.1:" + std::to_string(server_->port()) +
                                "/?token=" + server_->token()),
            std::string::npos);
  for (const char* path : {"/", "/review.js", "/review.css", "/api/state"}) {
    auto bare = client_->Get(path);
    ASSERT_TRUE(bare) << path;
    EXPECT_EQ(bare->status, 403) << path;
    auto wrong = client_->Get(std::string(path) + "?token=" + std::string(32, '0'));
    EXPECT_EQ(wrong->status, 403) << path;
    auto right = client_->Get(Path(path));
    EXPECT_EQ(right->status, 200) << path;
  }
  const std::string confirm =
      "{\"action\":\"confirm\",\"bead\":" + std::to_string(Load().beads[0].id) + "}";
  auto refused = Post(confirm, "");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 403);
  EXPECT_EQ(Post(confirm, "nope")->status, 403);
  EXPECT_EQ(Load().beads[0].status, tm::BeadStatus::kAutomatic);  // the TM is unchanged
  auto done = Post(confirm, server_->token());
  EXPECT_EQ(done->status, 200) << done->body;
  EXPECT_EQ(Load().beads[0].status, tm::BeadStatus::kConfirmed);
}

TEST_F(ServerTest, ChangesArePostsWithAJsonBody) {
  Start();
  EXPECT_EQ(client_->Get(Path("/api/action"))->status, 404);
  httplib::Headers headers = {{"X-Ancre-Token", server_->token()}};
  auto form = client_->Post("/api/action", headers, "action=confirm&bead=1",
                            "application/x-www-form-urlencoded");
  EXPECT_EQ(form->status, 415);
  EXPECT_EQ(Load().undoable, 0u);
}

TEST_F(ServerTest, AnswersSayWhatWentWrong) {
  Start();
  const tm::ReviewState s = Load();
  const std::string token = server_->token();
  auto bad = Post("{\"action\":\"fly\"}", token);
  EXPECT_EQ(bad->status, 400);
  EXPECT_NE(bad->body.find("unknown action"), std::string::npos);
  auto last = Post(
      "{\"action\":\"merge\",\"next\":true,\"bead\":" + std::to_string(s.beads.back().id) + "}",
      token);
  EXPECT_EQ(last->status, 400);
  EXPECT_NE(last->body.find("last bead"), std::string::npos);
  // Another page changed the bead: this page's version is refused, it reloads.
  const std::string id = std::to_string(s.beads[0].id);
  EXPECT_EQ(Post("{\"action\":\"confirm\",\"bead\":" + id + "}", token)->status, 200);
  auto stale =
      Post("{\"action\":\"reject\",\"bead\":" + id + ",\"versions\":{\"" + id + "\":0}}", token);
  EXPECT_EQ(stale->status, 409);
  EXPECT_NE(stale->body.find("\"reload\":true"), std::string::npos);
  EXPECT_NE(stale->body.find("changed by another review"), std::string::npos);
  EXPECT_EQ(Load().beads[0].status, tm::BeadStatus::kConfirmed);
}

TEST_F(ServerTest, AnotherHostNameIsRefusedOnLoopback) {
  Start();
  httplib::Headers rebinding = {{"Host", "attacker.example:" + std::to_string(server_->port())}};
  auto r = client_->Get(Path("/api/state"), rebinding);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 421);
  httplib::Headers local = {{"Host", "localhost:" + std::to_string(server_->port())}};
  EXPECT_EQ(client_->Get(Path("/api/state"), local)->status, 200);
}

// An IPv4 address of this machine that is not loopback, or "".
std::string OtherAddress() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string found;
  for (ifaddrs* a = list; a && found.empty(); a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET) continue;
    char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, text, sizeof text);
    if (std::string(text).rfind("127.", 0) != 0) found = text;
  }
  freeifaddrs(list);
  return found;
}

bool Connects(const std::string& address, int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, address.c_str(), &to.sin_addr);
  const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0;
  close(fd);
  return ok;
}

TEST_F(ServerTest, ListensOnLoopbackOnlyByDefault) {
  Start();
  EXPECT_TRUE(Connects("127.0.0.1", server_->port()));
  const std::string other = OtherAddress();
  if (other.empty()) GTEST_SKIP() << "SKIPPED: this machine has no address but loopback";
  EXPECT_FALSE(Connects(other, server_->port())) << other;
}

TEST_F(ServerTest, TheGivenPortIsUsedAndATakenOneSaysSo) {
  Start();
  ServerOptions same;
  same.port = server_->port();
  Session other(tm_, run_, SessionOptions{"tester", {}, nullptr});
  EXPECT_THROW(Server(other, same), IoError);
}

}  // namespace
}  // namespace ancre::review
