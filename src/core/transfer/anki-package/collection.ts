/** A card template of an Anki note type: its position and the HTML templates of its two sides. */
export interface AnkiTemplate {
  ord: number;
  name: string;
  question: string;
  answer: string;
}

/** An Anki note type: cloze or normal, its field names by position, its templates by position. */
export interface AnkiNotetype {
  id: number;
  name: string;
  kind: 'normal' | 'cloze';
  fields: string[];
  templates: AnkiTemplate[];
}

/** A note of an Anki collection: its fields' HTML by position and its tags (`::` separating levels). */
export interface AnkiNote {
  id: number;
  guid: string;
  notetypeId: number;
  fields: string[];
  tags: string[];
}

/** A card of an Anki collection, as far as flashdeck needs it. */
export interface AnkiCard {
  id: number;
  noteId: number;
  /** The card's home deck (a card in a filtered deck counts as in the deck it came from). */
  deckId: number;
  /** The template (normal note types) or cloze number minus one. */
  ord: number;
  /** 0 new, 1 learning, 2 review, 3 relearning. */
  type: number;
  /** -1 suspended; -2 and -3 buried; otherwise where it waits. */
  queue: number;
  /** When the card was last changed, in seconds since the epoch. */
  modified: number;
  /** For a card in review (type 2): the day it is due, counted from the collection's creation. */
  due: number;
  /** For a card in review: its interval in days. */
  interval: number;
  /** Its ease factor, per mille (2500 = 2.5×); 0 when none was set. */
  factor: number;
}

/** One row of Anki's review log (`revlog`). */
export interface AnkiRevlogRow {
  /** When, in milliseconds since the epoch. */
  id: number;
  cardId: number;
  /** The button: 1 Again, 2 Hard, 3 Good, 4 Easy; 0 when no button was pressed (a reschedule, a reset). */
  ease: number;
  /** The ease factor after the answer (per mille); 0 in a reset or a review without rescheduling. */
  factor: number;
  /** Milliseconds spent on the answer. */
  time: number;
  /** 0 learning, 1 review, 2 relearning, 3 filtered deck, 4 manual, 5 rescheduled. */
  type: number;
}

/** The parts of an Anki collection an import reads (the review log is read apart, row by row). */
export interface AnkiCollection {
  notetypes: Map<number, AnkiNotetype>;
  /** Deck names by id, their levels apart. */
  decks: Map<number, string[]>;
  /** When the collection was made (seconds since the epoch): day 0 of its cards' due days. */
  created: number;
  /** True for Anki's first scheduler, whose learning cards had three buttons: 1 Again, 2 Good, 3 Easy. */
  threeButtonLearning: boolean;
}
