// The options that decide how a text is read and segmented, shared by the
// commands that segment one file (segment, anchors): --lang, --paragraphs,
// --srx, --abbreviations, --encoding, --lenient, --presegmented; and the
// part of them the commands that align two files (align, report) share:
// --paragraphs, --srx, --abbreviations, --lenient.
#pragma once

#include "src/cli/options.h"
#include "src/text/input.h"
#include "src/text/segmenter.h"

namespace ancre::cli {

// The option descriptions (--lang is required).
po::options_description SegmentationOptions();

// Adds --paragraphs, --srx, --abbreviations and --lenient to o, with the
// same names, defaults and help texts as SegmentationOptions().
void AddSegmentationRuleOptions(po::options_description* o);

// The segmenter's options from vm. Reads the --abbreviations file. Throws
// UsageError for a bad --paragraphs, IoError for an unreadable file.
text::SegmenterOptions SegmenterOptionsFrom(const po::variables_map& vm);

// --paragraphs, --srx and --abbreviations from vm into *options (its
// language and presegmented are left alone). Throws as SegmenterOptionsFrom.
void ReadSegmentationRuleOptions(const po::variables_map& vm, text::SegmenterOptions* options);

// The input options (--encoding, --lenient) from vm.
text::InputOptions InputOptionsFrom(const po::variables_map& vm);

}  // namespace ancre::cli
