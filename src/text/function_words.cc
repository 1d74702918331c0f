#include "src/text/function_words.h"

#include <algorithm>

namespace ancre::text {
namespace {

std::unordered_set<std::string_view> Words(std::string_view list) {
  std::unordered_set<std::string_view> words;
  while (!list.empty()) {
    const size_t end = std::min(list.find(' '), list.size());
    if (end > 0) words.insert(list.substr(0, end));
    list.remove_prefix(std::min(end + 1, list.size()));
  }
  return words;
}

}  // namespace

FunctionWords::FunctionWords(const char* common, const char* not_names, const char* no_evidence)
    : common_(Words(common)), not_names_(Words(not_names)), no_evidence_(Words(no_evidence)) {}

const FunctionWords* FunctionWordsOf(std::string_view language) {
  const std::string_view lang = language.substr(0, language.find('-'));
  static const FunctionWords kFrench{
      "a afin ainsi alors apres au aussi aux avant avec bien c ca car ce ceci cela celle celles "
      "celui cependant ces cet cette ceux chaque comme comment d dans de deja depuis des "
      "desormais donc dont du elle elles en encore entre et ici il ils j jamais je jusqu jusque "
      "l la le les leur leurs lors lorsque lui m ma mais me mes moi mon n ne ni non nos notre "
      "nous on or ou par parce pendant peu plus pour pourquoi puis puisque qu quand que quel "
      "quelle quelles quelque quels qui quoi s sa sans se selon ses si son sous sur t ta tandis "
      "tant te tes toi ton toujours tous tout toute toutes tres trop tu un une vers voici voila "
      "vos votre vous y",
      "aujourd certes chacun d'abord debut demain enfin ensuite face fin grace hier la-bas "
      "lorsqu malgre mi mieux neanmoins oui outre parfois partout pourtant presque rien seul "
      "sinon suite surtout tard tot via",
      "ai aucun aucune aupres auquel auraient aurait autant autre autres avaient avais avait "
      "avez avoir avons beaucoup celles-ci certaines certains ceux-ci chez contre desquels doit "
      "doivent duquel egalement est etaient etait etant etc ete etes etre eu eux faire fait "
      "font fut laquelle lequel lesquelles lesquels meme memes moins ont parmi pas peut peuvent "
      "plusieurs pourrait quant quelques sera seraient serait seront sien soit sommes sont "
      "souvent tel telle unes uns va voire vont",
  };
  static const FunctionWords kEnglish{
      "a about after again against all also although am among an and another any are as at be "
      "because been before being between both but by can could did do does doing down during "
      "each either even ever every few for from further had has have having he her here hers "
      "herself him himself his how however i if in into is it its itself just many may me might "
      "more moreover most much must my neither no nor not now of off on once only or other our "
      "ours out over own per same she should since so some still such than that the their "
      "theirs them then there therefore these they this those though through thus to too toward "
      "towards under until up upon very via was we were what whatever when where whereas "
      "whether which while who whom whose why will with within without would yes yet you your "
      "yours",
      "above according across along amid around behind below beside besides beyond despite dr "
      "earlier finally first following furthermore including indeed instead last later let like "
      "meanwhile mr mrs ms myself near nevertheless next otherwise perhaps rather recently "
      "regarding reportedly several today tomorrow unlike yesterday",
      "already d least less ll m one onto others re s shall t themselves unless us ve whenever",
  };
  static const FunctionWords kGerman{
      "aber als am auch auf aus bei dann das dem den der des die diese dieser dieses doch durch "
      "ein eine einem einen einer eines fur gegen ich ihr ihre im man mit nach nicht noch nur "
      "oder ohne schon sein seine sie uber und unter von wenn wie wir zum zur",
      "an beim da dein denn dort du er es euer gestern heute hier in ins jene jener jenes "
      "kein keine mein morgen seit so um unser vom vor was wer wo zu",
      "dass haben hat ist kann konnen mehr sehr sich sind war waren weil werden wird",
  };
  static const FunctionWords kRomance{
      // es, it, pt, ca: one list, as the anchor word lists have
      "che come como con da de del di el en entre esa ese esta estas este estos fra gli il la "
      "las le les lo los ma mas muy non o para per pero piu por que questa questo se sin sobre "
      "su sua suo sus tra un una unas uno unos y",
      "a aquel as chi com cuando das desde do donde dos dove e ed em esas esos essa esse "
      "estes gia hacia hasta i in ja mais mi mis molto muito na nao nas no nos nuestra nuestro "
      "onde os ou perche porque quando quella quello quem queste questi quien segun sem seu "
      "seus si suas sue suoi tu tus um uma umas uns ya",
      "al anche degli dei della delle es fue ha han loro nel nella son sono",
  };
  if (lang == "fr") return &kFrench;
  if (lang == "en") return &kEnglish;
  if (lang == "de") return &kGerman;
  if (lang == "es" || lang == "it" || lang == "pt" || lang == "ca") return &kRomance;
  return nullptr;
}

}  // namespace ancre::text
