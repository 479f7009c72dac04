#pragma once
// Whether several independent reads of a notification-number line agree. A wrong number
// reported as valid (a digit added or dropped by one blurred read) is the worst error of the
// number field, and Tesseract's confidence does not catch it (wrong reads came at 0.59-0.95,
// ocr-practice.md §7). So a number is valid only when reads made differently (scales,
// binarisations, page-segmentation modes, crops, with and without a character whitelist)
// give the same number, digit counts included; invalid only when they agree on the same wrong
// number; otherwise the line is unreadable and the person is asked for a closer photo.

#include <string>
#include <vector>

#include "suppcheck/extract/number_finder.h"

namespace suppcheck {

/// What a set of reads says so far.
struct NumberAgreement {
  NumberFinding finding;  ///< Valid, Invalid or Unreadable (Missing when no read found anything)
  int votes = 0;          ///< reads that gave the winning number
  int rivals = 0;         ///< reads of the strongest other number
  int reads = 0;          ///< reads that found something number-like
};

/// The key two reads must share to agree: the canonical number when valid; the number as read
/// (without spaces, upper case) when invalid; empty when the read found nothing or only a label.
std::string AgreementKey(const NumberFinding& read);

/// Decides from all reads (the first is the page-level read, the rest re-reads; a Missing
/// finding is a read that found nothing). A lone read never makes a number valid or invalid.
NumberAgreement AgreeOnNumber(const std::vector<NumberFinding>& reads);

/// True when more reads cannot change the verdict much: at least three agree and none dissents.
bool AgreementSettled(const NumberAgreement& a);

}  // namespace suppcheck
