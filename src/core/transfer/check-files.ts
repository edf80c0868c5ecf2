import { parseFile } from '../card/parse.js';
import type { RowProblem } from './card-draft.js';
import type { PlannedFile } from './import-plan.js';

/**
 * Reads each planned card file back as `lint` and `quiz` will: a file that would be refused, warned about, or read as
 * something other than the one note it was made from (another tool's format, say) is a bad row instead of a file.
 */
export async function checkPlannedFiles(
  files: readonly PlannedFile[],
): Promise<{ files: PlannedFile[]; problems: RowProblem[] }> {
  const good: PlannedFile[] = [];
  const problems: RowProblem[] = [];
  for (const file of files) {
    const problem = await findReadBackProblem(file);
    if (problem) problems.push({ line: file.line, message: `its card would not load (${problem}): fix the row` });
    else good.push(file);
  }
  return { files: good, problems };
}

async function findReadBackProblem(file: PlannedFile): Promise<string | null> {
  const parsed = await parseFile(file.text, file.path);
  if ('problem' in parsed) return parsed.problem.message;
  const [warning] = parsed.warnings ?? [];
  if (warning) return warning.message;
  const [note] = parsed.notes;
  if (parsed.notes.length !== 1 || note?.id !== file.id) return "it reads as another tool's notes";
  return parsed.cards.length === 0 ? 'it holds no card' : null;
}
