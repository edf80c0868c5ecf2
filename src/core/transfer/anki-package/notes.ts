import type { Card, CardKind } from '../../card/card.js';
import { mayHoldClozeDeletions } from '../../card/cloze.js';
import { cardsOfNote, REVERSE_SUFFIX } from '../../card/note-cards.js';
import { isRowProblem, readCardDraft, toDeckFolder, type CardDraft, type RawCard } from '../card-draft.js';
import type { AnkiCard, AnkiCollection, AnkiNote, AnkiNotetype } from './collection.js';
import { fieldToMarkdown, type MediaLinks } from './field-markdown.js';
import { getClozeFields, getShownFields } from './templates.js';

/** A flashdeck card an Anki card became: its id, what its note is, and (for a cloze card) what it hides. */
export interface CardTarget {
  id: string;
  /** The id of the note (a draft) that yields it. */
  note: string;
  kind: CardKind;
  /** What a review of it records to find it again after an edit (see ReviewEntry.text). */
  identityText?: string;
}

/** What the notes of a package became: a draft per note file, the card each Anki card became, what could not. */
export interface PackageNotes {
  drafts: CardDraft[];
  /** By Anki card id. */
  targets: Map<number, CardTarget>;
  /** Why notes or cards were left out, one line each, naming the note. */
  skipped: string[];
}

/** Notes of a package turned into drafts; `findMedia` gives a copied media file's name for a name a field writes. */
export class PackageNoteReader {
  readonly result: PackageNotes = { drafts: [], targets: new Map(), skipped: [] };

  constructor(
    private readonly collection: AnkiCollection,
    private readonly findMedia: (name: string) => string | undefined,
  ) {}

  /**
   * Adds one note with its cards: Cloze note types become cloze notes (card ord n is `#c<n+1>`); other note types ask
   * the first field their card's front shows, with the other fields as the answer (under their names when there are
   * several). The first card is the note's own; a card asking its one answer field is its reverse (`reverse: true`);
   * any other card becomes a note of its own, `<guid>#card<ord+1>`.
   */
  add(note: AnkiNote, cards: readonly AnkiCard[]): void {
    const notetype = this.collection.notetypes.get(note.notetypeId);
    if (!notetype) return this.skip(note, `its note type (${note.notetypeId}) is not in the package`);
    if (cards.length === 0) return this.skip(note, 'it has no card');
    const sorted = [...cards].sort((a, b) => a.ord - b.ord);
    if (notetype.kind === 'cloze') return this.addCloze(note, notetype, sorted);
    const [first, ...rest] = sorted as [AnkiCard, ...AnkiCard[]];
    const firstAsked = askedField(note, notetype, first);
    // Only a card asking exactly the first card's answer is its reverse: with more fields, it asks only part of it.
    const others = firstAsked === null ? [] : otherFields(note, notetype, firstAsked);
    const reverse =
      others.length === 1 ? rest.find((card) => askedField(note, notetype, card) === others[0]) : undefined;
    const id = first.ord === 0 ? note.guid : `${note.guid}#card${first.ord + 1}`;
    this.addBasic(note, notetype, first, id, reverse);
    for (const card of rest.filter((other) => other !== reverse)) {
      this.addBasic(note, notetype, card, `${note.guid}#card${card.ord + 1}`, undefined);
    }
  }

  private addCloze(note: AnkiNote, notetype: AnkiNotetype, cards: readonly AnkiCard[]): void {
    const textFields = getClozeFields(notetype);
    const extra = notetype.fields.map((_, ord) => ord).filter((ord) => !textFields.includes(ord));
    const media = this.mediaLinks(cards[0] as AnkiCard);
    const answer = [...textFields, ...extra]
      .map((ord) => fieldToMarkdown(note.fields[ord] ?? '', media))
      .filter((text) => text.trim() !== '')
      .join('\n\n');
    this.addDraft(note, cards, { question: '', answer, id: note.guid }, (card) => `${note.guid}#c${card.ord + 1}`);
  }

  private addBasic(note: AnkiNote, notetype: AnkiNotetype, card: AnkiCard, id: string, reverse?: AnkiCard): void {
    const asked = askedField(note, notetype, card);
    if (asked === null) return this.skip(note, `card ${card.ord + 1} shows no field on its front`);
    const media = this.mediaLinks(card);
    const answers = orderForAnswer(notetype, card, otherFields(note, notetype, asked)).map((ord) => ({
      name: notetype.fields[ord] ?? '',
      text: fieldToMarkdown(note.fields[ord] ?? '', media),
    }));
    // Anki shows a card whose back is empty; flashdeck needs an answer to show.
    const answer =
      answers.length === 0
        ? EMPTY_ANSWER
        : answers.length === 1
          ? (answers[0]?.text ?? '')
          : answers.map(({ name, text }) => `**${name}**\n\n${text}`).join('\n\n');
    const question = fieldToMarkdown(note.fields[asked] ?? '', media);
    const raw = { question, answer, id, reverse: reverse !== undefined };
    const cards = reverse ? [card, reverse] : [card];
    this.addDraft(note, cards, raw, (each) => (each === reverse ? `${id}#reverse` : id));
  }

  /** Reads the draft, and points each Anki card at the flashdeck card it became (when the note yields it). */
  private addDraft(
    note: AnkiNote,
    cards: readonly AnkiCard[],
    fields: Pick<RawCard, 'question' | 'answer' | 'id' | 'reverse'>,
    cardId: (card: AnkiCard) => string,
  ): void {
    const home = cards[0] as AnkiCard;
    const raw: RawCard = { ...fields, tags: note.tags, deck: this.deckOf(home) };
    const draft = readCardDraft(raw, this.result.drafts.length + 1);
    if (isRowProblem(draft)) return this.skip(note, draft.message);
    const yielded = new Map(listCards(draft).map((card) => [card.id, card]));
    this.result.drafts.push(draft);
    for (const card of cards) {
      const made = yielded.get(cardId(card));
      if (!made) {
        this.skip(note, `its card ${card.ord + 1} has no cloze deletion c${card.ord + 1} in flashdeck's reading`);
        continue;
      }
      const target: CardTarget = { id: made.id, note: draft.id ?? '', kind: made.kind };
      if (made.identityText) target.identityText = made.identityText;
      this.result.targets.set(card.id, target);
    }
  }

  /** The deck of a card as a `::` path, each level's own `/` kept out of the folder names. */
  private deckOf(card: AnkiCard): string {
    const levels = this.collection.decks.get(card.deckId) ?? [];
    return levels.map((level) => level.replaceAll('/', '-')).join('::');
  }

  private mediaLinks(card: AnkiCard): MediaLinks {
    const folder = toDeckFolder(this.deckOf(card));
    return { find: this.findMedia, up: folder ? '../'.repeat(folder.split('/').length) : '' };
  }

  private skip(note: AnkiNote, reason: string): void {
    this.result.skipped.push(`note ${note.guid}: ${reason}`);
  }
}

/**
 * The cards a draft yields, with their kinds: a note that cannot hold a cloze deletion yields its basic card and, with
 * `reverse`, its reversed one (`cardsOfNote`'s rule, without rendering each card's text); others go through it.
 */
function listCards(draft: CardDraft): (Pick<Card, 'id' | 'kind'> & { identityText?: string })[] {
  const id = draft.id ?? '';
  if (!mayHoldClozeDeletions(draft.question) && !mayHoldClozeDeletions(draft.answer)) {
    const basic = { id, kind: 'basic' as const };
    return draft.reverse ? [basic, { id: `${id}${REVERSE_SUFFIX}`, kind: 'reversed' as const }] : [basic];
  }
  return cardsOfNote({ ...draft, tags: [...draft.tags], id, path: '', answerLine: 1, format: 'flashdeck' });
}

/** The answer of a card whose other fields are all empty. */
const EMPTY_ANSWER = '*(empty in Anki)*';

/** The first field a card's front shows that is not empty in this note; null when there is none. */
function askedField(note: AnkiNote, notetype: AnkiNotetype, card: AnkiCard): number | null {
  const template = notetype.templates.find((each) => each.ord === card.ord);
  const shown = template ? getShownFields(template.question, notetype) : [0];
  return shown.find((ord) => hasText(note.fields[ord])) ?? null;
}

/** The note's other fields that are not empty, by position. */
function otherFields(note: AnkiNote, notetype: AnkiNotetype, asked: number): number[] {
  return notetype.fields.map((_, ord) => ord).filter((ord) => ord !== asked && hasText(note.fields[ord]));
}

/** Fields in the order the card's back shows them, then the rest. */
function orderForAnswer(notetype: AnkiNotetype, card: AnkiCard, fields: readonly number[]): number[] {
  const template = notetype.templates.find((each) => each.ord === card.ord);
  const shown = template ? getShownFields(template.answer, notetype).filter((ord) => fields.includes(ord)) : [];
  return [...shown, ...fields.filter((ord) => !shown.includes(ord))];
}

// An image alone is text enough; tags and spaces alone are not.
function hasText(field: string | undefined): boolean {
  return !!field && (/<img\b|\[sound:/i.test(field) || field.replace(/<[^>]*>|&nbsp;|\s/g, '') !== '');
}
