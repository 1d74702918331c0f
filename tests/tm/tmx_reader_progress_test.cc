// TmxReader::bytes_read: how far into its input the reader is, for a
// progress display.
#include <gtest/gtest.h>

#include <string>

#include "tm/tmx/reader.h"

namespace ancre::tm {
namespace {

TEST(TmxReaderProgressTest, BytesReadGrowsToTheWholeInput) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\"><header "
      "creationtool=\"t\" creationtoolversion=\"1\" segtype=\"sentence\" o-tmf=\"t\" "
      "adminlang=\"en\" srclang=\"en\" datatype=\"plaintext\"/><body>\n";
  for (int i = 0; i < 20000; ++i) {
    xml += "<tu><tuv xml:lang=\"en\"><seg>Sentence " + std::to_string(i) +
           ".</seg></tuv><tuv xml:lang=\"fr\"><seg>Phrase " + std::to_string(i) +
           ".</seg></tuv></tu>\n";
  }
  xml += "</body></tmx>\n";
  auto reader = TmxReader::FromMemory(xml, "in.tmx");
  const uint64_t after_header = reader->bytes_read();
  EXPECT_GT(after_header, 0u);
  EXPECT_LT(after_header, xml.size());  // the reader streams: not all read at the header
  TmxUnit unit;
  uint64_t last = after_header;
  bool grew = false;
  while (reader->Next(&unit)) {
    EXPECT_GE(reader->bytes_read(), last);
    grew = grew || reader->bytes_read() > last;
    last = reader->bytes_read();
  }
  EXPECT_TRUE(grew);
  EXPECT_EQ(reader->bytes_read(), xml.size());
}

}  // namespace
}  // namespace ancre::tm
