import { findPhoneNumbersInText } from "libphonenumber-js";

/**
 * The first valid phone number in the text, in E.164. Numbers without a country code are read as
 * US numbers (the IMOs recruit in the US); "+52 ..." and other international numbers keep theirs.
 * libphonenumber checks the number plan, so a year, a ZIP code or "5 years" is not a phone.
 */
export function extractPhone(text: string): string | null {
  // "512.555.0199" and "(512)555-0199" are found as written; runs of digits split by single
  // spaces are too ("512 555 0199")
  for (const found of findPhoneNumbersInText(text, "US")) {
    if (found.number.isValid()) return found.number.number;
  }
  return null;
}
