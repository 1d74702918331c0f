// ancre tm: translation memory maintenance (merge, prune, check).
#include <iostream>
#include <sstream>

#include "src/cli/signals.h"
#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/report/view.h"

namespace ancre::cli {
namespace {

po::options_description MergeOptions() {
  po::options_description o("Options of tm merge");
  o.add_options()("help,h", "show this help");
  AddDbOption(&o);
  return o;
}

po::options_description PruneOptions() {
  po::options_description o("Options of tm prune");
  o.add_options()                                                                              //
      ("help,h", "show this help")                                                             //
      ("below", po::value<double>(), "remove units whose best alignment score is below this")  //
      ("document", po::value<int64_t>(),
       "remove this document (id from 'ancre stats --documents') and what came only from it")  //
      ("dry-run", "only print what would be removed")                                          //
      ("yes,y", "do it without asking (required when not on a terminal)");
  AddDbOption(&o);
  return o;
}

po::options_description CheckOptions() {
  po::options_description o("Options of tm check");
  o.add_options()("help,h", "show this help");
  AddDbOption(&o);
  return o;
}

std::string Describe(const tm::PruneResult& r) {
  return std::to_string(r.units) + " translation unit(s), " + std::to_string(r.provenances) +
         " provenance(s), " + std::to_string(r.documents) + " document(s), " +
         std::to_string(r.alignments) + " alignment run(s), " + std::to_string(r.segments) +
         " segment(s)";
}

int RunMerge(const std::vector<std::string>& args) {
  po::options_description visible = MergeOptions();
  po::options_description all;
  all.add(visible).add_options()("other", po::value<std::string>(), "other TM");
  po::positional_options_description positional;
  positional.add("other", 1);
  po::variables_map vm;
  ParseArgs("tm merge", args, all, positional, &vm);
  if (vm.count("help")) {
    std::cout << "Usage: ancre tm merge OTHER.sqlite --db tm.sqlite\n\n" << visible;
    return 0;
  }
  if (!vm.count("other")) throw UsageError("tm merge: missing OTHER.sqlite to merge in");
  const std::string other = vm["other"].as<std::string>();
  // A missing or foreign OTHER is refused before --db is opened, so that a
  // TM this merge was to create is not left behind empty.
  tm::OpenOptions read_only;
  read_only.read_only = true;
  read_only.create = false;
  read_only.lock_wait_ms = BusyTimeoutFromArgs(vm);
  const tm::TranslationMemory from(other, read_only);
  ReportFileSizeLimitAsError();
  tm::TranslationMemory store = OpenStore(vm, /*write=*/true, /*create=*/true);
  // The merge is one transaction (then the search indexes catch up): an
  // interruption before its commit stops at once and rolls it back; one
  // during a commit waits for it (see InstallInterruptHandler).
  const tm::MergeResult r = store.Merge(from);
  std::cout << "merged " << other << " into " << store.name() << ": " << r.units_added
            << " new unit(s), " << r.units_existing << " already present, " << r.provenances_added
            << " provenance(s), " << r.documents_added << " document(s), " << r.alignments_added
            << " alignment run(s) added\n";
  return 0;
}

int RunPrune(const std::vector<std::string>& args) {
  po::options_description visible = PruneOptions();
  po::variables_map vm;
  ParseArgs("tm prune", args, visible, {}, &vm);
  if (vm.count("help")) {
    std::cout << "Usage: ancre tm prune --below SCORE | --document ID [--dry-run] [--yes]\n\n"
              << visible
              << "\nWhat a score says, per mode, measured on the development news (a translation\n"
                 "scored 0.05-0.50 is right 9 times in 10: --below 0.4 would remove good units):\n"
              << report::CalibrationTable()
              << "\nExample:\n  ancre tm prune --below 0.05 --dry-run --db tm.sqlite\n";
    return 0;
  }
  tm::PruneOptions options;
  if (vm.count("below")) {
    options.below = RangeOption("tm prune", vm, "below", 0, 1);
  }
  if (vm.count("document")) {
    options.document_id = vm["document"].as<int64_t>();
    if (options.document_id <= 0) throw UsageError("tm prune: --document takes a document id");
  }
  if (options.below < 0 && options.document_id == 0) {
    throw UsageError("tm prune: say what to remove: --below SCORE and/or --document ID");
  }
  ReportFileSizeLimitAsError();
  tm::TranslationMemory store = OpenStore(vm, /*write=*/true);
  options.dry_run = true;
  tm::PruneResult plan = store.Prune(options);
  if (vm.count("dry-run")) {
    std::cout << "would remove " << Describe(plan) << " from " << store.name() << "\n";
    return 0;
  }
  if (plan.units == 0 && plan.documents == 0 && plan.provenances == 0) {
    std::cout << "nothing to remove from " << store.name() << "\n";
    return 0;
  }
  std::cerr << "will remove " << Describe(plan) << " from " << store.name() << "\n";
  if (!Confirm("tm prune", "remove them?", vm.count("yes") > 0)) {
    std::cerr << "nothing removed\n";
    return 1;
  }
  options.dry_run = false;
  // One transaction: an interruption before its commit stops at once and
  // rolls it back; one during the commit waits for it.
  const tm::PruneResult done = store.Prune(options);
  std::cout << "removed " << Describe(done) << " from " << store.name() << "\n";
  return 0;
}

int RunCheck(const std::vector<std::string>& args) {
  po::options_description visible = CheckOptions();
  po::variables_map vm;
  ParseArgs("tm check", args, visible, {}, &vm);
  if (vm.count("help")) {
    std::cout << "Usage: ancre tm check --db tm.sqlite\n\n" << visible;
    return 0;
  }
  // Opened for writing when the file allows it (a read-only file is opened
  // read-only): a backend's index check may need write access, though it changes nothing.
  tm::OpenOptions options;
  options.create = false;
  options.lock_wait_ms = vm["busy-timeout"].as<int>();
  tm::TranslationMemory store(vm["db"].as<std::string>(), options);
  tm::CheckReport r = store.Check();
  for (const auto& p : r.integrity_problems) std::cout << "integrity: " << p << "\n";
  for (const auto& p : r.foreign_key_problems) std::cout << "reference: " << p << "\n";
  std::cout << "units without provenance: " << r.units_without_provenance << "\n"
            << "duplicate units: " << r.duplicate_units << "\n"
            << "units not indexed yet: " << r.unindexed_units
            << (r.unindexed_units > 0 ? " (read-only file: a writer indexes them)" : "") << "\n"
            << "documents in no alignment run: " << r.documents_without_alignment << "\n";
  if (!r.ok()) {
    std::cerr << "ancre: error: " << store.name()
              << ": the translation memory has problems (above); restore it from a backup, or "
                 "rebuild it with 'ancre tm merge' into a new file\n";
    return 1;
  }
  std::cout << store.name() << ": ok\n";
  return 0;
}

}  // namespace

std::string TmHelp() {
  std::ostringstream s;
  s << "Usage: ancre tm merge|prune|check [options]\n\n"
       "Maintenance of a translation memory:\n"
       "  tm merge OTHER.sqlite   copy another TM's documents, units and provenances in,\n"
       "                          deduplicating (OTHER is not modified)\n"
       "  tm prune                remove units below an alignment score, or a document and\n"
       "                          everything that came only from it (asks first; --yes)\n"
       "  tm check                integrity check, index check, orphans and duplicates\n\n"
    << MergeOptions() << "\n"
    << PruneOptions() << "\n"
    << CheckOptions()
    << "\nExamples:\n"
       "  ancre tm merge colleague.sqlite --db tm.sqlite\n"
       "  ancre tm prune --below 0.05 --dry-run --db tm.sqlite\n"
       "  ancre tm prune --document 3 --yes --db tm.sqlite\n"
       "  ancre tm check --db tm.sqlite\n";
  return s.str();
}

int RunTm(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    if (args.empty()) {
      std::cerr << TmHelp();
      return 2;
    }
    std::cout << TmHelp();
    return 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "merge") return RunMerge(rest);
  if (args[0] == "prune") return RunPrune(rest);
  if (args[0] == "check") return RunCheck(rest);
  throw UsageError("tm: unknown action '" + args[0] + "': use merge, prune or check");
}

}  // namespace ancre::cli
