// ancre review: a run of the TM (or two documents, aligned first) in the
// browser, on a local server, every correction written back to the TM.
#include <pthread.h>
#include <pwd.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <future>
#include <iostream>
#include <sstream>
#include <thread>

#include "src/cli/align_common.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/pipeline/freedict.h"
#include "src/pipeline/store.h"
#include "src/review/server.h"
#include "src/review/session.h"

namespace ancre::cli {
namespace {

po::options_description ReviewOptions() {
  po::options_description o("Options");
  o.add_options()                   //
      ("help,h", "show this help")  //
      ("run", po::value<int64_t>(),
       "review this alignment run ('ancre show --db TM' lists them)")                         //
      ("document", po::value<int64_t>(), "review the latest run that aligned this document")  //
      ("reviewer", po::value<std::string>(),
       "the name written on every bead you change (default: your login name)")           //
      ("port", po::value<int>()->default_value(0), "port to listen on; 0 = a free one")  //
      ("listen", po::value<std::string>()->default_value("127.0.0.1"),
       "address to listen on; anything but loopback lets other machines reach the page (the "
       "token is still required)");
  AddDbOption(&o);
  po::options_description alignment("Alignment (with FR EN, and for 're-align the rest')");
  alignment.add(AlignmentOptions());
  o.add(alignment);
  return o;
}

std::string LoginName() {
  if (const passwd* pw = getpwuid(geteuid()); pw && pw->pw_name && *pw->pw_name) {
    return pw->pw_name;
  }
  const char* user = std::getenv("USER");
  return user && *user ? user : "reviewer";
}

bool IsLoopback(const std::string& address) {
  return address == "127.0.0.1" || address == "localhost" || address == "::1" ||
         address.rfind("127.", 0) == 0;
}

}  // namespace

std::string ReviewHelp() {
  std::ostringstream s;
  s << "Usage: ancre review --db TM [--run ID | --document ID] [options]\n"
       "       ancre review FR EN --src-lang fr --tgt-lang en --db TM [options]\n\n"
       "Opens an alignment run of the TM for review in your browser: starts a web server on\n"
       "this machine (127.0.0.1) and prints the page's address, with a random token that\n"
       "every request needs; open it yourself. The page shows both documents side by side,\n"
       "bead by bead, with score, band and shared anchors: confirm or reject a bead, merge,\n"
       "split, move a sentence to the neighbouring bead, link two sentences, edit a\n"
       "sentence, undo and redo, and re-align what you have not reviewed around what you\n"
       "have. Every change is one transaction of the TM: the units follow their beads\n"
       "(an edited or merged bead replaces its unit; a rejected bead's unit goes), and\n"
       "'ancre export --status confirmed' writes only what a reviewer vouched for. With FR\n"
       "and EN, the documents are aligned and stored first. Ctrl-C stops the server.\n\n"
    << ReviewOptions()
    << "\nExamples:\n"
       "  ancre review --db tm.sqlite                 # the latest run\n"
       "  #   ancre review: http://127.0.0.1:40313/?token=3f9c...\n"
       "  ancre review --db tm.sqlite --run 3 --reviewer ana\n"
       "  ancre review article.fr.txt article.en.txt --src-lang fr --tgt-lang en --db tm.sqlite\n"
       "  ancre export --db tm.sqlite --status confirmed -o reviewed.tmx\n";
  return s.str();
}

int RunReview(const std::vector<std::string>& given) {
  // The alignment options require the languages, which a stored run has:
  // without them, placeholders stand in (a run's own are used), and two
  // documents without them are refused below.
  std::vector<std::string> args = given;
  const auto has = [&](const char* flag) {
    for (const std::string& a : given) {
      if (a == flag || a.rfind(std::string(flag) + "=", 0) == 0) return true;
    }
    return false;
  };
  const bool languages_given = has("--src-lang") || has("--tgt-lang");
  if (!languages_given) args.insert(args.end(), {"--src-lang", "fr", "--tgt-lang", "en"});
  po::variables_map vm;
  if (!ParseCommandLine("review", args, ReviewOptions(), {"src", "tgt"}, ReviewHelp, &vm)) {
    return 0;
  }
  if (vm.count("document") && vm.count("run")) {
    throw UsageError("review: give --document or --run, not both");
  }
  const bool align_first = vm.count("src") > 0 || vm.count("tgt") > 0;
  if (align_first && !languages_given) {
    throw UsageError("review: give --src-lang and --tgt-lang with the two documents to align");
  }
  if (align_first && (vm.count("document") || vm.count("run"))) {
    throw UsageError("review: give two documents to align, or --run/--document, not both");
  }
  const int port = vm["port"].as<int>();
  if (port < 0 || port > 65535) throw UsageError("review: --port must be between 0 and 65535");
  const std::string listen = vm["listen"].as<std::string>();
  const std::string reviewer =
      vm.count("reviewer") ? vm["reviewer"].as<std::string>() : LoginName();
  if (reviewer.empty()) throw UsageError("review: --reviewer cannot be empty");
  RequireUtf8(reviewer, "--reviewer");
  const std::string db = vm["db"].as<std::string>();
  RequireTmPath("review", db, /*create=*/align_first);
  AlignmentArgs alignment = AlignmentArgsFromVm("review", vm);

  int64_t run = 0;
  tm::TranslationMemory store = [&] {
    if (!align_first) return OpenStore(vm, /*write=*/true);
    const auto [src, tgt] = DocumentArgs("review", vm);
    const pipeline::AlignedDocuments aligned = AlignPair(src, tgt, alignment);
    tm::TranslationMemory created = OpenStore(vm, /*write=*/true, /*create=*/true);
    CommitSection section;
    run = pipeline::StoreAlignment(created, aligned).run_id;
    section.Done();
    return created;
  }();
  if (!align_first) {
    run = ChooseRun(store, vm.count("run") ? vm["run"].as<int64_t>() : 0,
                    vm.count("document") ? vm["document"].as<int64_t>() : 0);
  }

  // "Re-align the rest" aligns with the run's languages and the dictionaries
  // of the options (FreeDict's loaded at the first use: it takes seconds).
  const tm::StoredRun stored = store.LoadAlignment(run).run;
  review::SessionOptions options;
  options.reviewer = reviewer;
  options.align = alignment.pair.align;
  options.align.src_language = stored.source.language;
  options.align.tgt_language = stored.target.language;
  options.align.user_lexicon = alignment.pair.user_lexicon;
  if (const std::string dir = alignment.pair.dictionary_dir; !dir.empty()) {
    options.load_lexicon = [dir, src = stored.source.language, tgt = stored.target.language] {
      return std::make_shared<const align::Lexicon>(pipeline::LoadFreeDict(dir, src, tgt));
    };
  }
  review::Session reviewing(store, run, options);

  if (!IsLoopback(listen)) {
    std::cerr << "ancre: warning: listening on " << listen
              << ": other machines can reach the page; whoever has its address (with the "
                 "token) can change "
              << db << "\n";
  }
  // SIGINT and SIGTERM are taken by one thread that stops the server; the
  // others (the server's) never see them. Blocked before any thread starts.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  review::ServerOptions server_options;
  server_options.address = listen;
  server_options.port = port;
  review::Server server(reviewing, server_options);
  std::promise<void> finished;
  std::future<void> served = finished.get_future();
  std::atomic<bool> signalled = false;
  std::thread stopper([&] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    signalled = true;
    // Run() may not have started listening yet: ask until it has returned.
    do {
      server.Stop();
    } while (served.wait_for(std::chrono::milliseconds(20)) != std::future_status::ready);
  });
  std::cout << "ancre review: " << server.Url() << std::endl;
  std::cerr << "ancre: reviewing run " << run << " (" << stored.label << ", " << reviewing.beads()
            << " beads) as " << reviewer << "; open the address above; "
            << "Ctrl-C stops\n";
  server.Run();
  finished.set_value();
  // Run() ended on its own: wake the thread (a signal left pending is harmless: blocked).
  if (!signalled) kill(getpid(), SIGTERM);
  stopper.join();
  if (!store.Close()) {
    std::cerr << "ancre: warning: " << db << " keeps part of the review in its -wal file\n";
  }
  std::cerr << "ancre: review stopped; every change is in " << db << "\n";
  return 0;
}

}  // namespace ancre::cli
