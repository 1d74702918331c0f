// Page furniture: the lines a web page puts around an article that are not
// its text — agency and photo credits ("(AFP)", "(DPA/jar)",
// "20min/lecteur-reporter"), bylines ("Écrit par …", "By …"), datelines ("Publié le 28 octobre
// 2025"), promotion blocks that address the reader about an app or a newsletter ("Folgst du schon
// 20 Minuten auf Whatsapp?"), reader polls (a question to the reader followed by its short answers)
// and decorated labels ("-Opinion-", "Commentaires"). Comparable articles both carry such lines,
// and their numbers, dates and names pair them with each other or with real sentences; comparable
// mode sets them aside and says so.
//
// The rules use structure (a short line without final punctuation, a line
// that is only a credit, a question followed by short answers) and short
// per-language lists of markers (fr, en, de, es, it; the
// other languages get the structural rules and English's markers).
//
// Usage:
//   std::vector<ancre::text::Furniture> f =
//       ancre::text::DetectFurniture({"Juan Izquierdo est décédé", "(AFP)"}, "fr");
//   // f[1] == Furniture::kCredit
//
// Thread-safety: pure function.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ancre::text {

enum class Furniture { kNone, kCredit, kByline, kDateline, kPromo, kPoll, kLabel };

// "credit", "byline", "dateline", "promo", "poll", "label"; "" for kNone.
std::string_view FurnitureName(Furniture f);

// One verdict per segment of a document, in order (`segments`: its
// normalized texts; `language`: a BCP 47 tag).
std::vector<Furniture> DetectFurniture(const std::vector<std::string>& segments,
                                       std::string_view language);

}  // namespace ancre::text
