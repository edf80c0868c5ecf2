import { Option, type Command } from 'commander';
import type { ExportOptions } from '../commands/export.js';
import type { ImportOptions } from '../commands/import.js';
import type { DeckOptions } from '../commands/collection.js';
import type { NewOptions } from '../commands/new.js';
import type { ProgressExportOptions, ProgressImportOptions } from '../commands/progress.js';
// The names only: the parsers and writers load when import or export runs.
import {
  EXPORT_FORMATS,
  IMPORT_FORMATS,
  readSeparator,
  type ExportFormat,
  type ImportFormat,
} from '../core/transfer/column-names.js';
import { UsageError } from '../core/errors.js';
import { collectTags, resolveCardsRoot } from './options.js';

/** The commands that move cards and progress in and out of flashdeck; each returns the exit code. */
export interface TransferCommands {
  importCards(options: ImportOptions): Promise<number>;
  exportCards(options: ExportOptions): Promise<number>;
  exportProgress(options: ProgressExportOptions): Promise<number>;
  importProgress(options: ProgressImportOptions): Promise<number>;
  newCard(options: NewOptions): Promise<number>;
}

/** What `createProgram` shares with these commands: its filter options and how a command's exit code is kept. */
export interface ProgramParts {
  env: NodeJS.ProcessEnv;
  run(promise: Promise<number>): Promise<void>;
  /** Adds `--cards`, `-d`, `-t` and `--deck`. */
  addDeckOptions(command: Command): Command;
  /** Reads those options into the cards folder and the filters. */
  readDeckOptions(raw: object): DeckOptions;
  filterHelp: string;
}

interface RawTransferOptions {
  out?: string;
  format?: string;
  separator?: string;
  columns?: string;
  force?: boolean;
  dryRun?: boolean;
  history?: boolean;
  cards?: string;
  deck?: string;
  question?: string;
  answer?: string;
  difficulty?: string;
  tag?: string[];
  reverse?: boolean;
}

/** Wires `import`, `export`, `progress export|import` and `new`. */
export function addTransferCommands(program: Command, commands: TransferCommands, parts: ProgramParts): void {
  const { env, run } = parts;
  program
    .command('import')
    .description('turn a Brainscape, CSV, TSV or Anki export, or an Anki package, into card files')
    .argument('<file>', 'the file to import (- for standard input)')
    .requiredOption('-o, --out <dir>', 'the folder to write the cards into (created if needed)')
    .addOption(
      new Option('-f, --format <format>', 'the file’s format (default: guessed from its content)').choices(
        IMPORT_FORMATS,
      ),
    )
    .option('--separator <char>', 'the field separator: tab, comma, semicolon, pipe, colon, space or one character')
    .option('--columns <names>', 'name the columns by hand, in order: question,answer,tags,… (- skips one)')
    .option('--force', 'replace card files that already exist')
    .option('--dry-run', 'print the files that would be written, and write nothing')
    .option('--no-history', 'an Anki package: import its cards without their review history')
    .addHelpText(
      'after',
      `
Formats:
  brainscape  Brainscape's text export (numbered Q/A blocks; 👶 ⭐️ 🚀 set the difficulty)
  csv, tsv    comma-, tab-, semicolon- or pipe-separated (guessed); a header row names the
              columns (question/front/term…, answer/back/meaning…, tags, difficulty, id, deck,
              reverse; others are added to the answer under their name), else question, answer…
  anki        Anki's "Notes in Plain Text" (#separator:, #html:, #columns: headers, HTML fields)
              and "Cards in Plain Text" exports
  .apkg       an Anki package or collection (.colpkg), any version: notes, media (into
              <out>/media/) and the review history (into the store's log)

Each note becomes <out>/<deck>/<question-slug>.md with an id; an empty question with cloze
deletions ({{c1::…}}) in the answer is a cloze note. Bad rows are reported with their line
number and skipped; exit code 1 only when no card could be imported.

Examples:
  flashdeck import deck.txt --out ~/cards/biology
  flashdeck import notes.txt --format anki --out ~/cards/spanish --dry-run
  flashdeck import words.csv --out ~/cards/words --force
  flashdeck import vocab.txt --separator ';' --columns word,meaning,example --out ~/cards/vocab`,
    )
    .action((file: string, raw: RawTransferOptions) =>
      run(
        commands.importCards({
          file,
          out: raw.out ?? '',
          format: raw.format as ImportFormat | undefined,
          ...readLayoutOptions(raw),
          force: !!raw.force,
          dryRun: !!raw.dryRun,
          history: raw.history !== false,
        }),
      ),
    );

  parts
    .addDeckOptions(
      program.command('export').description('write the matching notes as CSV, TSV or an Anki import file'),
    )
    .addOption(
      new Option('-f, --format <format>', 'csv, tsv or anki (default: from the --out extension)').choices(
        EXPORT_FORMATS,
      ),
    )
    .option('-o, --out <file>', 'the file to write (default: standard output)')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      `${parts.filterHelp}

One row a note. CSV and TSV keep the text as markdown (columns: question, answer, tags,
difficulty, id, deck, reverse; a cloze note has an empty question) and import back unchanged;
anki writes HTML fields, each note's id as the guid and its note type (Basic, Basic (and
reversed card), Cloze).

Examples:
  flashdeck export --format tsv --out cards.tsv
  flashdeck export --cards ~/cards --deck spanish --format anki --out spanish.txt
  flashdeck export -d hard --format csv | less`,
    )
    .action((raw: RawTransferOptions) =>
      run(
        commands.exportCards({
          ...parts.readDeckOptions(raw),
          format: raw.format as ExportFormat | undefined,
          out: raw.out,
          force: !!raw.force,
        }),
      ),
    );

  const progress = program
    .command('progress')
    .description('move your review history between machines')
    .addHelpText(
      'after',
      `
Examples:
  flashdeck progress export --out laptop.jsonl
  flashdeck progress import desktop.jsonl`,
    )
    .action(() => {
      throw new UsageError('name what to do: `flashdeck progress export` or `flashdeck progress import <file>`.');
    });
  progress
    .command('export')
    .description('write every review (not undone) as JSON Lines, oldest first')
    .option('-o, --out <file>', 'the file to write (default: standard output)')
    .option('--force', 'replace the --out file if it exists')
    .addHelpText(
      'after',
      `
Each line: {"card": "<id>", "rating": 1-5, "at": "<ISO 8601>", "seconds": <number>}

Examples:
  flashdeck progress export --out progress.jsonl
  flashdeck progress export | ssh laptop flashdeck progress import -`,
    )
    .action((raw: RawTransferOptions) => run(commands.exportProgress({ out: raw.out, force: !!raw.force })));
  progress
    .command('import')
    .description('merge reviews from another machine, or from hashcards, into this store')
    .argument('<file>', 'a file written by `progress export`, a reviews.jsonl or a hashcards.db (- for standard input)')
    .option('--cards <dir>', "a hashcards.db's cards folder (default: the folder the database is in)")
    .addHelpText(
      'after',
      `
Only reviews this store lacks (same card, same time) are added; the log is never rewritten.
If any line is not a review (or its id, time or seconds are out of range), nothing is imported.
Importing a file twice changes nothing.

A hashcards.db brings hashcards' reviews, each on the card of the cards folder it was made
for (hashcards' grades forgot, hard, good, easy count as 1, 3, 4, 5); reviews of cards no
longer in the files are skipped and counted.

Examples:
  flashdeck progress import laptop.jsonl
  flashdeck progress import ~/hashcards/hashcards.db`,
    )
    .action((file: string, raw: RawTransferOptions) => run(commands.importProgress({ file, cards: raw.cards })));

  program
    .command('new')
    .description('write a new card file, asking for its question, answer, difficulty and tags')
    .option('--cards <dir>', 'cards folder to add to (default: $FLASHDECK_CARDS)')
    .option('--deck <name>', 'the deck: a folder inside the cards folder (default: asked, else the top level)')
    .option('-q, --question <text>', 'the question (with --answer: nothing is asked)')
    .option('-a, --answer <text>', 'the answer, as markdown')
    .option('-d, --difficulty <level>', '👶/easy, ⭐️/medium or 🚀/hard')
    .option('-t, --tag <tags>', 'its tags (comma-separated, repeatable)', collectTags)
    .option('--reverse', 'also ask the answer and expect the question (writes reverse: true)')
    .addHelpText(
      'after',
      `
In a terminal, asks for what the options do not give; the answer opens $VISUAL or $EDITOR.
An empty question with cloze deletions ({{c1::…}}) in the answer writes a cloze note.

Examples:
  flashdeck new --cards ~/cards --deck biology
  flashdeck new --cards ~/cards -q "What is ATP?" -a "The cell's energy currency." -d easy -t cells
  flashdeck new --cards ~/cards -q "Capital of France?" -a "Paris" --reverse
  flashdeck new --cards ~/cards -q "" -a "{{c1::Paris}} is the capital of {{c2::France}}."`,
    )
    .action((raw: RawTransferOptions) =>
      run(
        commands.newCard({
          cardsRoot: raw.cards || env.FLASHDECK_CARDS ? resolveCardsRoot(raw.cards, env) : undefined,
          deck: raw.deck,
          question: raw.question,
          answer: raw.answer,
          difficulty: raw.difficulty,
          tags: raw.tag,
          reverse: !!raw.reverse,
        }),
      ),
    );
}

/** `--separator` (a name or one character) and `--columns` (comma-separated names) as the import reads them. */
function readLayoutOptions(raw: RawTransferOptions): { separator?: string; columns?: string[] } {
  const layout: { separator?: string; columns?: string[] } = {};
  if (raw.separator !== undefined) {
    const separator = readSeparator(raw.separator);
    if (separator === null) {
      throw new UsageError(
        `--separator "${raw.separator}" is not a separator: use tab, comma, semicolon, pipe, colon, space or one character.`,
      );
    }
    layout.separator = separator;
  }
  if (raw.columns !== undefined) layout.columns = raw.columns.split(',').map((name) => name.trim());
  return layout;
}
