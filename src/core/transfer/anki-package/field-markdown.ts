import { toMarkdown } from '../html-field.js';
import { decodeEntities } from '../../markdown/text.js';

/** The folder under the output folder that an import copies an Anki package's media files into. */
export const MEDIA_FOLDER = 'media';

/** How a note's fields reach its media: which names the package holds, and the way up from the note's folder. */
export interface MediaLinks {
  /** The name a media file was copied under, for a name as a field writes it; undefined when there is none. */
  find(name: string): string | undefined;
  /** `../` once per folder between the note's file and the output folder. */
  up: string;
}

const IMAGE_SOURCE = /(<img\b[^>]*?\bsrc\s*=\s*)(["'])([^"']*)\2/gi;
const SOUND = /\[sound:([^\]]+)\]/g;
// Words and punctuation that neither HTML nor markdown gives a meaning to, one space apart: turndown would return them
// as they are, so they skip it (a deck's fields are often just that).
const PLAIN_WORDS = /^[\p{L}{][\p{L}\p{N}\p{M},.;:?!'"()/%{}-]*(?: [\p{L}\p{N}\p{M},.;:?!'"()/%{}-]+)*$/u;

/**
 * One field of an Anki note as markdown: HTML converted as for Anki's text exports, `<img>` a markdown image and
 * `[sound:x.mp3]` a link, both to the copied file; LaTeX kept exactly as written (see html-field.ts).
 */
export function fieldToMarkdown(html: string, media: MediaLinks): string {
  if (html === '' || PLAIN_WORDS.test(html)) return html;
  const linked = html
    .replace(IMAGE_SOURCE, (tag, start: string, quote: string, source: string) => {
      const file = media.find(decodeEntities(source));
      return file ? `${start}${quote}${toLinkTarget(media.up, file)}${quote}` : tag;
    })
    .replace(SOUND, (tag, name: string) => {
      const file = media.find(decodeEntities(name));
      return file ? `<a href="${toLinkTarget(media.up, file)}">sound: ${file}</a>` : tag;
    });
  // LaTeX is kept exactly as written by the conversion itself (entities decoded, tags dropped).
  return toMarkdown(linked, true);
}

/** A link's target in markdown: the path to the copied file, with what would end a link or break a path encoded. */
function toLinkTarget(up: string, file: string): string {
  const encoded = file.replace(
    /[\s()<>%"'\\[\]]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return `${up}${MEDIA_FOLDER}/${encoded}`;
}
