#include "src/text/anchor_word_lists.h"

namespace ancre::text::internal {
namespace {

constexpr MoreWords kMoreWords[] = {
    {"en", "", "year"},
    {"fr", "", "annee an"},
    {"de", "", "jahr jahre jahres jahren"},
    {"es", "", "año"},
    {"pt", "", "ano"},
    {"it", "", "anno"},
    {"ca", "", "any"},
    {"nl", "procent", "jaar"},
    {"sv", "procent", "år"},
    {"da", "procent", "år"},
    {"nb", "prosent", "år"},
    {"no", "prosent", "år"},
    {"cs", "procent|procenta|procento|procentech|procentům", "roce roku rok"},
    {"sk", "percent|percenta|percento|percentách", "roku rok"},
    {"pl", "procent|procenta|procentach|procentów", "roku rok"},
    {"ru", "процентов|процента|процент|процентах|проц", "году года год г"},
    {"uk", "відсотків|відсотка|відсоток|відсотки", "році року рік р"},
    {"bg", "процента|процент", "година г"},
    {"hi", "प्रतिशत|फीसदी|फ़ीसदी", "वर्ष साल सन्"},
};

}  // namespace

const WordLists& ListsFor(std::string_view lang) {
  static const WordLists kFrench = {
      "de du des d l la le les von van der y",
      "president presidente premier premiere ministre m mme mlle mm dr docteur me maitre roi "
      "reine prince princesse general generale senateur senatrice gouverneur maire chancelier "
      "chanceliere secretaire pape juge professeur pr porte parole depute deputee ambassadeur "
      "ambassadrice commissaire lieutenant colonel capitaine sieur saint sainte sa majeste "
      "excellence mgr",
      "commission ministere academie universite conseil banque agence association organisation "
      "parti societe groupe force office departement cour assemblee union fonds institut "
      "federation comite tribunal parlement senat gouvernement ecole centre fondation "
      "entreprise compagnie journal agency news post",
      "l d qu j n s c m t jusqu lorsqu puisqu quoiqu presqu",
      "en depuis de du des des jusqu jusqu'en avant apres vers fin debut mi entre et a au "
      "dans pour courant d'ici d ici le la",
      "au a et -",
      "mars",
      "pour cent|pourcent|p cent",
      "md=1e9 mds=1e9 mrd=1e9 mrds=1e9 mio=1e6 mln=1e6",
      "neuf",
  };
  static const WordLists kEnglish = {
      "of for de von van der al bin da del du la le",
      "president prime minister premier mr mrs ms miss dr sir dame king queen prince princess "
      "general senator representative governor mayor chancellor secretary pope "
      "judge justice chairman chairwoman chief ceo professor prof lord lady saint "
      "ambassador spokesman spokeswoman spokesperson colonel captain lieutenant "
      "sergeant commissioner director deputy vice former foreign finance defence defense "
      "interior his her majesty excellency",
      "commission ministry academy university council bank agency association organisation "
      "organization party company corporation corp inc ltd group force office department court "
      "assembly union fund institute federation committee tribunal parliament senate "
      "government school centre center foundation journal news post times press herald "
      "review network airlines",
      "",
      "in since of from until till by before after to and between around early late mid "
      "last next this during through",
      "to and through -",
      "may march august april june",
      "per cent|percent|pct",
      "bn=1e9 mn=1e6 tn=1e12",
      "",
  };
  static const WordLists kGerman = {
      "von der des zu fur de van",
      "prasident prasidentin premierminister premierministerin minister ministerin herr frau "
      "dr kanzler kanzlerin konig konigin prinz prinzessin general senator burgermeister "
      "papst richter professor prof chef chefin grunder grunderin sprecher sprecherin "
      "direktor direktorin vorsitzender vorsitzende trainer trainerin",
      "kommission ministerium akademie universitat rat bank agentur verband organisation "
      "partei gesellschaft gruppe amt gericht versammlung union fonds institut verband ausschuss "
      "parlament regierung schule zentrum stiftung zeitung",
      "",
      "im in seit von bis ab vor nach zwischen und anfang ende mitte",
      "bis und -",
      "",
      "prozent|vom hundert",
      "mio=1e6 mrd=1e9",
      "acht",
  };
  static const WordLists kRomance = {
      // es, it, pt share most of what matters here
      "de del la los las di della dei degli do da dos das y",
      "presidente primer ministro ministra primo premier senor senora sr sra dr don dona rey "
      "reina principe princesa general senador gobernador alcalde canciller papa juez profesor "
      "signor signora re regina sindaco",
      "comision ministerio academia universidad consejo banco agencia asociacion organizacion "
      "partido sociedad grupo oficina tribunal asamblea union fondo instituto federacion comite "
      "parlamento senado gobierno escuela centro fundacion commissione ministero accademia "
      "universita consiglio banca agenzia associazione organizzazione governo",
      "l d dell all nell sull dall",
      "en desde de del entre hasta a al y in dal nel fino em no na ate",
      "al a y e -",
      "",
      "por ciento|por cien|per cento|por cento",
      "",
      "",
  };
  // Russian and Czech decline titles: each is listed in the forms news uses.
  static const WordLists kRussian = {
      "де фон ван дер аль бен",
      "президент президента президентом президенту премьер премьера премьером министр министра "
      "министром министру канцлер канцлера канцлером госсекретарь госсекретаря глава главы "
      "главой председатель председателя председателем губернатор губернатора мэр мэра "
      "генсек генсека генеральный генерального директор директора спикер спикера сенатор "
      "сенатора король короля королева королевы принц принца папа папы судья судьи профессор "
      "профессора господин господина г-н г-жа лидер лидера посол посла пресс-секретарь "
      "пресс-секретаря представитель представителя депутат депутата экс-президент "
      "экс-президента вице-президент вице-президента",
      "комиссия комиссии министерство министерства академия академии университет "
      "университета совет совета банк банка агентство агентства ассоциация организация "
      "организации партия партии компания компании группа группы суд суда союз союза фонд "
      "фонда институт института федерация федерации комитет комитета парламент парламента "
      "сенат сената правительство правительства",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
  };
  static const WordLists kCzech = {
      "de von van der",
      "prezident prezidenta prezidentem prezidentka prezidentky premier premiera premierem "
      "premierka ministr ministra ministrem ministryne kancler kanclere kanclerem kanclerka "
      "kanclerky predseda predsedy predsedou predsedkyne guverner starosta starosty reditel "
      "reditele sef sefa mluvci senator senatora kral krale kralovna princ papez papeze soudce "
      "profesor profesora pan pana pani velvyslanec exprezident viceprezident",
      "komise ministerstvo ministerstva akademie univerzita univerzity rada rady banka banky "
      "agentura agentury asociace organizace strana strany spolecnost spolecnosti skupina "
      "skupiny soud soudu unie fond fondu institut federace vybor parlament parlamentu senat "
      "senatu vlada vlady",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
  };
  if (lang == "ru") return kRussian;
  if (lang == "cs") return kCzech;
  if (lang == "fr") return kFrench;
  if (lang == "de") return kGerman;
  if (lang == "es" || lang == "it" || lang == "pt" || lang == "ca") return kRomance;
  return kEnglish;
}

std::span<const MoreWords> AllMoreWords() { return kMoreWords; }

}  // namespace ancre::text::internal
