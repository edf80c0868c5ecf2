import fs from 'node:fs';
import path from 'node:path';
import type { RowProblem } from '../core/card-draft.js';
import { UsageError } from '../core/errors.js';
import { guessFormat, IMPORT_FORMATS, parseImport, type ImportFormat } from '../core/formats/detect.js';
import { planImport, type PlannedFile } from '../core/import-plan.js';
import { slugify } from '../core/slug.js';
import { formatCount, sanitizeTerminalText } from '../core/text.js';
import type { Deps } from '../deps.js';
import { formatProblem } from '../io/card-files.js';
import { describePath, readTextInput, writeNewFile } from '../io/text-files.js';

/** Options of `flashdeck import <file> --out <dir>`. */
export interface ImportOptions {
  file: string;
  out: string;
  /** Guessed from the content when absent. */
  format?: ImportFormat;
  force: boolean;
  dryRun: boolean;
}

const NAMES_SHOWN = 5;

/**
 * Turns an import file into card files under `out`. Bad rows are reported with their line and skipped; existing
 * files are kept unless `force`. Returns 1 when the file held no card that could be imported, else 0.
 */
export async function runImport(options: ImportOptions, deps: Deps): Promise<number> {
  const text = readTextInput(options.file);
  const source = describePath(options.file);
  const format = options.format ?? guessFormat(text);
  if (!format) {
    throw new UsageError(`cannot tell the format of ${source}: pass --format ${IMPORT_FORMATS.join(', ')}.`);
  }
  const parsed = parseImport(text, format);
  const outDir = path.resolve(options.out);
  // Ids are namespaced by the deck's title, else by the output folder's name, so two imports rarely share one.
  const namespace = slugify(parsed.title ?? '') || slugify(path.basename(outDir));
  const { files, problems } = planImport(parsed.cards, namespace);
  reportProblems(source, [...parsed.problems, ...problems], deps);
  const into = describePath(options.out);
  if (files.length === 0) {
    deps.out.warn(`error: no card could be imported from ${source} (read as ${format}); nothing was written.`);
    return 1;
  }
  if (options.dryRun) {
    printDryRun(files, outDir, options, deps);
    deps.out.print(`Dry run: would import ${formatCount(files.length, 'card')} from ${source} (${format}) into ${into}; nothing was written.`);
    return 0;
  }
  const kept = files.filter((file) => !writeNewFile(path.join(outDir, file.path), file.text, options.force));
  deps.out.print(`Imported ${formatCount(files.length - kept.length, 'card')} from ${source} (${format}) into ${into}.`);
  if (kept.length > 0) {
    deps.out.warn(`warning: kept ${formatCount(kept.length, 'existing file')} (--force replaces them): ${listNames(kept)}`);
  }
  return 0;
}

function reportProblems(source: string, problems: RowProblem[], deps: Deps): void {
  if (problems.length === 0) return;
  for (const problem of [...problems].sort((a, b) => a.line - b.line)) {
    deps.out.warn(`warning: ${formatProblem({ path: source, ...problem })}`);
  }
  deps.out.warn(`warning: skipped ${formatCount(problems.length, 'row')} with problems (listed above)`);
}

function printDryRun(files: readonly PlannedFile[], outDir: string, options: ImportOptions, deps: Deps): void {
  for (const file of files) {
    const exists = fs.existsSync(path.join(outDir, file.path));
    const status = !exists ? 'new' : options.force ? 'replaces the existing file' : 'exists: kept, --force replaces it';
    deps.out.print(`==> ${sanitizeTerminalText(path.join(options.out, file.path))} (${status}) <==`);
    deps.out.print(sanitizeTerminalText(file.text));
  }
}

function listNames(files: readonly PlannedFile[]): string {
  const names = files.slice(0, NAMES_SHOWN).map((file) => sanitizeTerminalText(file.path));
  return files.length > NAMES_SHOWN ? `${names.join(', ')} and ${files.length - NAMES_SHOWN} more` : names.join(', ');
}
