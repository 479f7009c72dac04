#pragma once
// Tesseract 5.3 as Debian builds it (with its legacy engine) loads, for each language of each
// engine it initialises, a built-in table of "universal ambiguities" (UnicharAmbigs::LoadUniversal:
// some thousands of lines parsed and inserted one by one into sorted linked lists). Only the legacy
// engine reads that table (its classifier and its dictionary's dangerous-ambiguity check); the
// LSTM engine, the only one the scanner reads text with, never does. Starting the two engines
// (nld+fra+deu+eng and eng) took 0.94-1.15 s of CPU with it and 0.08 s without (perf: 60 % in
// ELIST_ITERATOR::forward under add_sorted_and_find, the rest parsing the table); freeing it at exit
// cost more. A single-photo scan of the US panel of ../shared/data/real took 5.4 s of CPU, 3.7 s
// without it; the peak memory of 36 label photos in one process fell from 297 to 250 MB. This
// program provides LoadUniversal itself: while an LSTM-only engine is being initialised
// (SkipUniversalAmbigs) it loads nothing; at any other time (the orientation detector, a legacy
// model) it calls Tesseract's own. The OCR results are unchanged (the table is not read).

namespace suppcheck {

/// While one lives on this thread, Tesseract's universal ambiguities are not loaded. Only around
/// the initialisation of an LSTM-only engine (TesseractEngine::Create).
class SkipUniversalAmbigs {
 public:
  SkipUniversalAmbigs();
  ~SkipUniversalAmbigs();
  SkipUniversalAmbigs(const SkipUniversalAmbigs&) = delete;
  SkipUniversalAmbigs& operator=(const SkipUniversalAmbigs&) = delete;
};

/// Whether this program's LoadUniversal is the one Tesseract calls (the executable exports it to
/// the library, as it does pixWriteMem: ocr/tesseract_line_images.h). Called by
/// TesseractEngine::Create, which also keeps this file's object in every program with an engine.
bool UniversalAmbigsInterposed();

/// How many times Tesseract asked for its universal ambiguities and this program skipped them.
long UniversalAmbigsSkipped();

}  // namespace suppcheck
