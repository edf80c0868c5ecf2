import type { KeptSchedule } from '../log/review-log.js';

/** The other tools whose collections flashdeck reads in place. */
export const FOREIGN_FORMATS = ['obsidian', 'hashcards', 'mdanki', 'ki', 'front-back', 'logseq'] as const;
export type ForeignFormat = (typeof FOREIGN_FORMATS)[number];

/**
 * One note of a file written for another tool, as read in place: what it asks, its answer, where it starts. Cloze
 * syntax of the tool (`==x==`, `[x]`, `{{cloze x}}`) is written as Anki's `{{cN::x}}`, one number per deletion, so the
 * note yields its cards the way flashdeck's own cloze notes do.
 */
export interface ForeignNote {
  /** 1-based line of the file where the note starts. */
  line: number;
  /** The question as markdown; '' for a cloze note. */
  question: string;
  /** The answer as markdown, or a cloze note's text. */
  answer: string;
  /** The tool makes a second card asking the answer (Obsidian's `:::` and `??`). */
  reverse: boolean;
  /** Tags as written, without `#`. */
  tags: string[];
  /** The deck the tool names for the note (`a/b`), when it names one. */
  deck?: string;
  /** An identity the tool gives the note (ki's guid, a frontmatter `id`), when it gives one. */
  id?: string;
  /** Schedules the tool kept, one per card of the note in order (basic then reversed, or one per deletion). */
  schedules?: KeptSchedule[];
}

/** What reading one file in another tool's format gave: its notes, and what is wrong in it (1-based lines). */
export interface ForeignReading {
  format: ForeignFormat;
  notes: ForeignNote[];
  problems: { line: number; message: string }[];
}
