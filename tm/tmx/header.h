// TmxHeader: the <tmx> root's version and its <header>, as TmxReader reads
// them and TmxWriter writes them.
#pragma once

#include <string>
#include <vector>

#include "tm/translation_unit.h"

namespace ancre::tm {

// The <tmx> root's version and its <header>.
struct TmxHeader {
  std::string version;                // "1.4", "1.1" ... as written
  std::string srclang;                // normalized BCP 47, or "*all*"; empty if absent
  std::string creation_tool;          // creationtool
  std::string creation_tool_version;  // creationtoolversion
  std::string segtype;                // "sentence", "paragraph", "block" or "phrase"
  std::string o_tmf;                  // the tool's TM format
  std::string adminlang;              // language of notes and props
  std::string datatype;               // "plaintext", "html" ...
  std::string creation_date;          // as written; may be empty
  std::vector<Prop> props;
  std::vector<std::string> notes;
};

}  // namespace ancre::tm
