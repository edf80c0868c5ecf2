import type { AnkiNotetype } from './collection.js';

// Names a template can show that are no field of the note.
const SPECIAL_NAMES = new Set(['FrontSide', 'Tags', 'Type', 'Deck', 'Subdeck', 'Card', 'CardFlag', 'CardID']);

/**
 * The fields a template shows, by position, in the order it first shows them: `{{Front}}`, `{{hint:Back}}` or
 * `{{cloze:Text}}` show a field; `{{#Field}}…{{/Field}}` sections and special names (`{{FrontSide}}`) do not.
 */
export function getShownFields(template: string, notetype: AnkiNotetype): number[] {
  const shown: number[] = [];
  for (const [, inner = ''] of template.matchAll(/\{\{([^{}]+)\}\}/g)) {
    const tag = inner.trim();
    if (/^[#^/!]/.test(tag)) continue;
    // Filters come first: `{{text:hint:Back}}` shows Back.
    const name = tag.slice(tag.lastIndexOf(':') + 1).trim();
    if (SPECIAL_NAMES.has(name)) continue;
    const ord = notetype.fields.indexOf(name);
    if (ord !== -1 && !shown.includes(ord)) shown.push(ord);
  }
  return shown;
}

/** The fields a cloze note type's front template asks with `{{cloze:…}}`; its first field when it names none. */
export function getClozeFields(notetype: AnkiNotetype): number[] {
  const front = notetype.templates[0]?.question ?? '';
  const cloze = [...front.matchAll(/\{\{[^{}]*cloze:([^{}:]+)\}\}/g)]
    .map(([, name = '']) => notetype.fields.indexOf(name.trim()))
    .filter((ord) => ord !== -1);
  return cloze.length > 0 ? [...new Set(cloze)] : [0];
}
