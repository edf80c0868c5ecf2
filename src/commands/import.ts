import path from 'node:path';
import type { RowProblem } from '../core/transfer/card-draft.js';
import { ExitCode, FlashError, UsageError } from '../core/errors.js';
import { checkPlannedFiles } from '../core/transfer/check-files.js';
import { guessFormat, parseImport, type ImportFormat } from '../core/transfer/formats.js';
import { planImport, type PlannedFile } from '../core/transfer/import-plan.js';
import { describeReading, explainUnknownFormat } from '../core/transfer/separator.js';
import { slugify } from '../core/transfer/slug.js';
import { formatCount, sanitizeTerminalText } from '../core/markdown/text.js';
import type { Deps } from '../deps.js';
import { isAnkiPackage } from '../io/anki-package/package-file.js';
import { formatProblem } from '../io/cards/card-files.js';
import {
  describePath,
  inspectTarget,
  makeOutputFolder,
  decodeTextInput,
  readInput,
  writeFileUnder,
  type Existing,
} from '../io/cards/text-files.js';

/** Options of `flashdeck import <file> --out <dir>`. */
export interface ImportOptions {
  file: string;
  out: string;
  /** Guessed from the content when absent. */
  format?: ImportFormat;
  /** The field separator of a delimited file (guessed when absent). */
  separator?: string;
  /** The columns of a delimited file, named by hand. */
  columns?: readonly string[];
  force: boolean;
  dryRun: boolean;
  /** False to import an Anki package's cards without their review history. */
  history?: boolean;
}

/** The file being imported, as messages name it, with its format and the rows that could not become cards. */
interface ImportSource {
  name: string;
  /** The format as messages name it: `csv`, or `csv, semicolon-separated` when not read with the format's separator. */
  format: string;
  problems: RowProblem[];
}

const NAMES_SHOWN = 5;

/**
 * Turns an import file into card files under `out`. Bad rows, and rows whose file cannot be written, are reported with
 * their line and skipped; existing files are kept unless `force`. Returns 1 when no card could be imported, else 0.
 */
export async function runImport(options: ImportOptions, deps: Deps): Promise<number> {
  const bytes = readInput(options.file);
  if (isAnkiPackage(bytes, options.file)) {
    const { runPackageImport } = await import('./import-package.js');
    return runPackageImport(bytes, options, deps);
  }
  const text = decodeTextInput(bytes, options.file);
  const name = describePath(options.file);
  const format = options.format ?? guessFormat(text, options.separator);
  if (!format) throw new UsageError(explainUnknownFormat(text, name));
  const parsed = parseImport(text, format, { separator: options.separator, columns: options.columns });
  // Ids are namespaced by the deck's title, else by the output folder's name, so two imports rarely share one.
  const namespace = slugify(parsed.title ?? '') || slugify(path.basename(path.resolve(options.out)));
  const planned = planImport(parsed.cards, namespace);
  const { files, problems } = await checkPlannedFiles(planned.files);
  const source: ImportSource = {
    name,
    format: describeReading(format, parsed.separator),
    problems: [...parsed.problems, ...planned.problems, ...problems],
  };
  if (files.length === 0) return reportNothingImported(source, [], deps);
  return options.dryRun ? previewImport(files, source, options, deps) : writeImport(files, source, options, deps);
}

function writeImport(files: readonly PlannedFile[], source: ImportSource, options: ImportOptions, deps: Deps): number {
  makeOutputFolder(options.out);
  const kept: PlannedFile[] = [];
  const failed: RowProblem[] = [];
  for (const file of files) {
    try {
      if (!writeFileUnder(options.out, file.path, file.text, options.force)) kept.push(file);
    } catch (error) {
      failed.push(toRowProblem(file, error));
    }
  }
  if (failed.length === files.length) return reportNothingImported(source, failed, deps);
  reportProblems(source, failed, deps);
  const written = files.length - kept.length - failed.length;
  deps.out.print(
    `Imported ${formatCount(written, 'card')} from ${source.name} (${source.format}) into ${describePath(options.out)}.`,
  );
  if (kept.length > 0) {
    deps.out.warn(
      `warning: kept ${formatCount(kept.length, 'existing file')} (--force replaces them): ${listNames(kept)}`,
    );
  }
  return ExitCode.Ok;
}

// What a dry run says of each file, by what stands at its name: without --force, and with it.
const PLANNED: Record<Existing, [kept: string, forced: string]> = {
  nothing: ['new', 'new'],
  file: ['exists: kept, --force replaces it', 'replaces the existing file'],
  link: [
    'a symbolic link: kept, --force replaces the link itself',
    'replaces the symbolic link itself, not what it points to',
  ],
};

function previewImport(
  files: readonly PlannedFile[],
  source: ImportSource,
  options: ImportOptions,
  deps: Deps,
): number {
  const failed: RowProblem[] = [];
  for (const file of files) {
    let found: Existing;
    try {
      found = inspectTarget(options.out, file.path);
    } catch (error) {
      failed.push(toRowProblem(file, error));
      continue;
    }
    deps.out.print(
      `==> ${sanitizeTerminalText(path.join(options.out, file.path))} (${PLANNED[found][options.force ? ExitCode.Failure : ExitCode.Ok]}) <==`,
    );
    deps.out.print(sanitizeTerminalText(file.text));
  }
  if (failed.length === files.length) return reportNothingImported(source, failed, deps);
  reportProblems(source, failed, deps);
  const count = formatCount(files.length - failed.length, 'card');
  deps.out.print(
    `Dry run: would import ${count} from ${source.name} (${source.format}) into ${describePath(options.out)}; nothing was written.`,
  );
  return ExitCode.Ok;
}

/** A file that cannot be written makes its row a bad row, like a row that could not be read. */
function toRowProblem(file: PlannedFile, error: unknown): RowProblem {
  if (!(error instanceof FlashError)) throw error;
  return { line: file.line, message: error.message };
}

function reportNothingImported(source: ImportSource, failed: RowProblem[], deps: Deps): number {
  reportProblems(source, failed, deps);
  deps.out.warn(
    `error: no card could be imported from ${source.name} (read as ${source.format}); nothing was written.`,
  );
  return ExitCode.Failure;
}

function reportProblems(source: ImportSource, failed: RowProblem[], deps: Deps): void {
  const problems = [...source.problems, ...failed];
  if (problems.length === 0) return;
  for (const problem of problems.sort((a, b) => a.line - b.line)) {
    deps.out.warn(`warning: ${formatProblem({ path: source.name, ...problem })}`);
  }
  deps.out.warn(`warning: skipped ${formatCount(problems.length, 'row')} with problems (listed above)`);
}

function listNames(files: readonly PlannedFile[]): string {
  const names = files.slice(0, NAMES_SHOWN).map((file) => sanitizeTerminalText(file.path));
  return files.length > NAMES_SHOWN ? `${names.join(', ')} and ${files.length - NAMES_SHOWN} more` : names.join(', ');
}
