import type { Card } from '../core/card/card.js';
import { findMedia, isRemoteTarget, type MediaReference } from '../core/markdown/media.js';
import { sanitizeTerminalText } from '../core/markdown/text.js';
import { isMissingMedia, readImageFile, resolveMediaTarget } from '../io/cards/media-files.js';
import { openMedia } from '../io/terminal/opener.js';
import { fitImage, formatInlineImage, readPngSize } from '../render/terminal-image.js';
import { say } from './quiz-output.js';
import type { Session } from './quiz-session.js';

/** A picture or sound on screen, with where it is: an address, or a file's absolute path. */
export interface ShownMedia extends MediaReference {
  location: string;
}

/** The pictures and sounds of the markdown on screen (a side of `card`), each where it is. */
export function listShownMedia(session: Session, card: Card, markdown: readonly string[]): ShownMedia[] {
  const found = new Map<string, ShownMedia>();
  for (const reference of markdown.flatMap(findMedia)) {
    const location = resolveMediaTarget(session.cardsRoot, card.path, reference.target);
    if (!found.has(location)) found.set(location, { ...reference, location });
  }
  return [...found.values()];
}

/**
 * Under a side just printed: its pictures drawn, when the terminal shows pictures, and which keys open its media.
 * A picture that cannot be read is only named (`lint` reports missing files).
 */
export function showMedia(session: Session, media: readonly ShownMedia[]): void {
  if (media.length === 0) return;
  const { imageOutput, terminal } = session;
  if (imageOutput) {
    const max = { cols: Math.min(session.screen.width(), 60), rows: Math.max(4, Math.floor(terminal.rows() / 2)) };
    for (const image of media) {
      if (image.kind !== 'image' || isRemoteTarget(image.location)) continue;
      const bytes = readImageFile(image.location);
      const drawn = bytes && formatInlineImage(imageOutput, bytes, image.label, fitImage(readPngSize(bytes), max));
      if (drawn) terminal.print(drawn);
    }
  }
  const sounds = media.some((medium) => medium.kind === 'sound');
  say(session, 'dim', sounds ? 'o opens the pictures and sounds · p plays the sounds' : 'o opens the pictures');
}

/** Opens every medium on screen (or only its sounds) in the background, saying what was opened. */
export function openShownMedia(session: Session, media: readonly ShownMedia[], only?: 'sound'): void {
  const chosen = media.filter((medium) => only === undefined || medium.kind === only);
  for (const medium of chosen) {
    const name = sanitizeTerminalText(medium.label);
    if (isMissingMedia(medium.location)) {
      say(session, 'yellow', `${name} is missing: there is no ${sanitizeTerminalText(medium.location)}.`);
      // The system's opener would only show an error; a command of the learner's own may know better.
      if (!session.deps.env.FLASHDECK_OPEN?.trim()) continue;
    }
    const failure = openMedia(medium.location, medium.kind, session.deps.env);
    if (failure) say(session, 'yellow', `${name} was not opened: ${sanitizeTerminalText(failure)}.`);
    else say(session, 'dim', `${medium.kind === 'sound' ? 'Playing' : 'Opening'} ${name}`);
  }
}
