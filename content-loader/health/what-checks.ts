/**
 * A What that is really a tag line whose colon was lost ("Date\t\tApril 2019",
 * in linux-6.12): a known tag name, then blanks, then text. Such a line
 * became one more symbol of the entry above it, and its value is lost.
 */
export function looksLikeTagLine(what: string): boolean {
  return /^(what|date|kernelversion|contact|description|users?)[ \t]+\S/i.test(what.trim());
}
