// The options that decide how a text is read and segmented, shared by the
// commands that segment one file (segment, anchors): --lang, --paragraphs,
// --srx, --abbreviations, --encoding, --lenient, --presegmented.
#pragma once

#include "src/cli/options.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::cli {

// The option descriptions (--lang is required).
po::options_description SegmentationOptions();

// The segmenter's options from vm. Reads the --abbreviations file. Throws
// UsageError for a bad --paragraphs, IoError for an unreadable file.
text::SegmenterOptions SegmenterOptionsFrom(const po::variables_map& vm);

// The input options (--encoding, --lenient) from vm.
text::InputOptions InputOptionsFrom(const po::variables_map& vm);

}  // namespace ancre::cli
