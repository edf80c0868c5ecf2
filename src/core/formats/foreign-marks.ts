// A mark at least one of the other tools' formats needs (Obsidian's separators, schedules, tag and `?` lines;
// hashcards' `Q:`, `A:`, `C:`; mdanki's `## `; ki's guid; Front/Back headings; Logseq's `#card`).
const FOREIGN_MARK =
  /::|<!--SR:|flashcards|^[ \t]*\?\??[ \t]*\r?$|^[QAC]:|^##[ \t]|^#{1,2}[ \t]+(?:front|text)\b|guid:|#card|#\[\[card\]\]/im;

/**
 * Whether a file may be in another tool's format: one pass that spares most of flashdeck's own cards the readers
 * (core/formats/read-in-place.ts), which then load only for the files that need them.
 */
export function mayBeForeign(text: string): boolean {
  return FOREIGN_MARK.test(text);
}
