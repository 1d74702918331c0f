#include "src/text/furniture.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace ancre::text {
namespace {

std::vector<std::string> Kinds(const std::vector<std::string>& lines, std::string_view language) {
  std::vector<std::string> out;
  for (Furniture f : DetectFurniture(lines, language)) out.emplace_back(FurnitureName(f));
  return out;
}

TEST(FurnitureTest, CreditsBylinesDatelinesAndLabels) {
  EXPECT_EQ(Kinds({"Juan Izquierdo est décédé", "(AFP)", "Écrit par Lepetitjournal Cambodge",
                   "Publié le 28 octobre 2025", "Commentaires", "20min/lecteur-reporter"},
                  "fr"),
            (std::vector<std::string>{"", "credit", "byline", "dateline", "label", "credit"}));
  EXPECT_EQ(Kinds({"-Opinion-", "By Julia Stanek", "Supplied", "Getty Images", "(DPA/jar)"}, "en"),
            (std::vector<std::string>{"label", "byline", "credit", "credit", "credit"}));
}

TEST(FurnitureTest, ASentenceOpeningWithAMarkerWordIsText) {
  // "Von", "By", "Par" open sentences and headlines too.
  EXPECT_EQ(
      Kinds({"Von der Leyen besucht Kiew", "Von den 20 Passagieren blieb keiner verletzt."}, "de"),
      (std::vector<std::string>{"", ""}));
  EXPECT_EQ(Kinds({"By 2030 the fleet will double", "Published figures show a rise."}, "en"),
            (std::vector<std::string>{"", ""}));
}

TEST(FurnitureTest, PromotionAddressesTheReaderAboutAnApp) {
  EXPECT_EQ(Kinds({"Folgst du schon 20 Minuten auf Whatsapp?",
                   "Eine Newsübersicht am Morgen: Abonniere den Whatsapp-Kanal von 20 Minuten und "
                   "du bekommst regelmässige Updates."},
                  "de"),
            (std::vector<std::string>{"promo", "promo"}));
  // News about an app is news, even when it says "you".
  EXPECT_EQ(Kinds({"Millions follow him on Instagram.",
                   "What you say on Facebook and what you do outside of Facebook are two different "
                   "things, says Selwyn.",
                   "Follow us on Instagram"},
                  "en"),
            (std::vector<std::string>{"", "", "promo"}));
}

TEST(FurnitureTest, APollIsAQuestionToTheReaderAndItsShortAnswers) {
  EXPECT_EQ(Kinds({"Der Chef will ein Limit.", "Bist du dieses Jahr mit der Swiss geflogen?",
                   "Ja, mehrmals.", "Ja, einmal.", "Nein.",
                   "Die Swiss beförderte diesen Sommer wieder mehr Passagiere."},
                  "de"),
            (std::vector<std::string>{"", "poll", "poll", "poll", "poll", ""}));
  // An interview's question is followed by a long answer: text.
  EXPECT_EQ(Kinds({"Avez-vous vu la traînée dans le ciel?",
                   "Oui, et je peux vous dire que ce genre de rentrée atmosphérique va devenir "
                   "beaucoup plus fréquent dans les années à venir avec les constellations.",
                   "Non."},
                  "fr"),
            (std::vector<std::string>{"", "", ""}));
}

}  // namespace
}  // namespace ancre::text
