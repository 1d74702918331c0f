// ancre stats: what the translation memory holds.
#include <iostream>
#include <sstream>

#include "src/cli/tm_common.h"
#include "src/core/error.h"
#include "src/core/json.h"

namespace ancre::cli {
namespace {

po::options_description StatsOptions() {
  po::options_description o("Options");
  o.add_options()                                                              //
      ("help,h", "show this help")                                             //
      ("documents", "also list the documents (id, language, segments, path)")  //
      ("format,f", po::value<std::string>()->default_value("text"), "text or json");
  AddDbOption(&o);
  return o;
}

void AppendCounts(const char* name, const std::vector<tm::TmStats::Count>& counts,
                  std::string* out) {
  *out += ",";
  AppendJsonString(name, out);
  *out += ":{";
  for (size_t i = 0; i < counts.size(); ++i) {
    if (i > 0) out->push_back(',');
    AppendJsonString(counts[i].name, out);
    *out += ":" + std::to_string(counts[i].count);
  }
  out->push_back('}');
}

std::string Row(const std::string& name, int64_t value) {
  std::string s = "  " + name;
  // Pad by code points so "fr→en" lines up with ASCII names.
  size_t width = 0;
  for (char c : name) width += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  s.append(width < 16 ? 16 - width : 1, ' ');
  return s + std::to_string(value) + "\n";
}

}  // namespace

std::string StatsHelp() {
  std::ostringstream s;
  s << "Usage: ancre stats [options]\n\n"
       "Counts what the translation memory holds: documents, segments, alignment runs,\n"
       "translation units by language pair, by alignment score and by origin, and\n"
       "anchors (shared dates, numbers, names) by kind.\n\n"
    << StatsOptions()
    << "\nExamples:\n"
       "  ancre stats --db tm.sqlite\n"
       "  ancre stats --db tm.sqlite --documents --format json\n";
  return s.str();
}

int RunStats(const std::vector<std::string>& args) {
  po::options_description visible = StatsOptions();
  po::variables_map vm;
  ParseArgs("stats", args, visible, {}, &vm);
  if (vm.count("help")) {
    std::cout << StatsHelp();
    return 0;
  }
  const std::string format = vm["format"].as<std::string>();
  if (format != "text" && format != "json")
    throw UsageError("stats: --format must be text or json");
  tm::TranslationMemory store = OpenStore(vm, /*write=*/false);
  tm::TmStats st = store.Stats();
  std::vector<tm::DocumentInfo> docs;
  if (vm.count("documents")) docs = store.Documents();
  std::string out;
  if (format == "json") {
    out += "{\"db\":";
    AppendJsonString(store.name(), &out);
    out += ",\"schema_version\":" + std::to_string(st.schema_version) +
           ",\"file_bytes\":" + std::to_string(st.file_bytes) +
           ",\"documents\":" + std::to_string(st.documents) +
           ",\"segments\":" + std::to_string(st.segments) +
           ",\"alignments\":" + std::to_string(st.alignments) +
           ",\"units\":" + std::to_string(st.units) +
           ",\"provenances\":" + std::to_string(st.provenances) +
           ",\"anchors\":" + std::to_string(st.anchors);
    AppendCounts("units_by_lang_pair", st.units_by_lang_pair, &out);
    AppendCounts("units_by_score", st.units_by_score, &out);
    AppendCounts("units_by_origin", st.units_by_origin, &out);
    AppendCounts("units_by_mode", st.units_by_mode, &out);
    AppendCounts("anchors_by_kind", st.anchors_by_kind, &out);
    if (!st.beads_by_status.empty()) AppendCounts("beads_by_status", st.beads_by_status, &out);
    if (vm.count("documents")) {
      out += ",\"document_list\":[";
      for (size_t i = 0; i < docs.size(); ++i) {
        if (i > 0) out.push_back(',');
        out += "{\"id\":" + std::to_string(docs[i].id) + ",\"path\":";
        AppendJsonString(docs[i].path, &out);
        out += ",\"lang\":";
        AppendJsonString(docs[i].language, &out);
        out += ",\"segments\":" + std::to_string(docs[i].segments) + ",\"sha256\":";
        AppendJsonString(docs[i].content_hash, &out);
        out.push_back('}');
      }
      out.push_back(']');
    }
    out += "}\n";
  } else {
    out += "translation memory " + store.name() + " (schema v" + std::to_string(st.schema_version) +
           ", " + FormatNumber(static_cast<double>(st.file_bytes) / 1e6) + " MB)\n";
    out += Row("documents", st.documents) + Row("segments", st.segments) +
           Row("alignments", st.alignments) + Row("units", st.units) +
           Row("provenances", st.provenances) + Row("anchors", st.anchors);
    auto section = [&out](const char* title, const std::vector<tm::TmStats::Count>& counts) {
      if (counts.empty()) return;
      out += std::string("\n") + title + "\n";
      for (const auto& c : counts) out += Row(c.name, c.count);
    };
    section("units by language pair", st.units_by_lang_pair);
    section("units by alignment score", st.units_by_score);
    section("units by origin", st.units_by_origin);
    section(
        "units by mode (parallel: translations; comparable: pairs that report the same fact, "
        "not translations)",
        st.units_by_mode);
    section("anchors by kind", st.anchors_by_kind);
    section("beads by review status", st.beads_by_status);
    if (!docs.empty()) {
      out += "\ndocuments\n";
      for (const auto& d : docs) {
        out += "  " + std::to_string(d.id) + "  " + d.language + "  " + std::to_string(d.segments) +
               " segments  " + d.path + "\n";
      }
    }
  }
  std::cout << out;
  std::cout.flush();
  if (!std::cout) throw IoError("stdout: write failed");
  return 0;
}

}  // namespace ancre::cli
