#pragma once
// Tesseract 5.3 keeps every line image it hands to its LSTM as a PNG in memory: it compresses the
// crop (leptonica pixWriteMem, IFF_PNG) and decompresses it again before recognising it
// (ImageData::SetPixInternal / GetPixInternal). Lossless both ways, so only time: 6-9 % of the CPU
// of a scan went to zlib and libpng doing this (perf, dev label photos of session 20). This
// program provides pixWriteMem itself: from libtesseract, IFF_PNG is written as leptonica's
// uncompressed serialized pix (IFF_SPIX), which pixReadMem reads back to the same pixels; every
// other caller and format goes to leptonica's own. The OCR results are unchanged.

namespace suppcheck {

/// Whether this program's pixWriteMem is the one Tesseract calls (the executable exports it to
/// the shared libraries that need it). Called by TesseractEngine::Create, which also keeps this
/// file's object in every program that uses an engine.
bool LineImagesStayUncompressed();

}  // namespace suppcheck
