import fs from 'node:fs';
import { StoreError } from '../../core/errors.js';
import { formatLogLine, parseReviewLog, type LogEntry } from '../../core/log/review-log.js';
import { attempt, readIfExists, toStoreError } from './store-errors.js';

// The review log on disk: read whole, appended to one durable write at a time, and a torn last line set aside.

export function readLog(logPath: string): LogEntry[] {
  const { entries, badLines } = parseReviewLog((readIfExists(logPath) ?? '').toString());
  const [first] = badLines;
  if (first !== undefined) {
    const others = badLines.length - 1;
    const more = others > 0 ? ` and ${others} other line${others > 1 ? 's' : ''}` : '';
    throw new StoreError(
      `the review log ${logPath} is damaged at line ${first}${more} (not a review). Fix or remove that line; flashdeck has not changed the file.`,
    );
  }
  return entries;
}

// A crash mid-append leaves a partial last line; only those bytes are cut, after saving them beside the log.
// Also says whether the log still ends without a newline, so the first append can add it.
export function prepareLogEnd(logPath: string): { sideFile: string | null; needsNewline: boolean } {
  // Nearly always the log ends with a newline: its last byte tells, without reading months of reviews twice.
  if (endsWithNewlineOrIsEmpty(logPath)) return { sideFile: null, needsNewline: false };
  const bytes = readIfExists(logPath) ?? Buffer.alloc(0);
  if (bytes.length === 0 || bytes.at(-1) === 0x0a) return { sideFile: null, needsNewline: false };
  const { tornTail, badLines } = parseReviewLog(bytes.toString('utf8'));
  // With damage elsewhere the user must look at the file: leave it exactly as it is.
  if (tornTail === null || badLines.length > 0) return { sideFile: null, needsNewline: true };
  const keep = bytes.lastIndexOf(0x0a) + 1;
  const sideFile = `${logPath}.torn-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  attempt('write', sideFile, () => {
    try {
      fs.writeFileSync(sideFile, bytes.subarray(keep), { flag: 'wx' });
    } catch (error) {
      // An empty or partial copy would only mislead: the torn line stays in the log until it can be saved.
      fs.rmSync(sideFile, { force: true });
      throw error;
    }
  });
  return attempt('truncate', logPath, () => {
    // Another session may have appended since the read: cutting then would lose its line.
    if (fs.statSync(logPath).size !== bytes.length) return { sideFile: null, needsNewline: true };
    fs.truncateSync(logPath, keep);
    return { sideFile, needsNewline: false };
  });
}

function endsWithNewlineOrIsEmpty(logPath: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(logPath, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw toStoreError(error, 'read', logPath);
  }
  try {
    const { size } = fs.fstatSync(fd);
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    fs.readSync(fd, last, 0, 1, size - 1);
    return last[0] === 0x0a;
  } catch (error) {
    throw toStoreError(error, 'read', logPath);
  } finally {
    fs.closeSync(fd);
  }
}

export function appendEntries(logPath: string, entries: readonly LogEntry[], needsNewline: boolean): void {
  const lines = entries.map(formatLogLine).join('');
  // A line that does not read back would stop every later session, so never write one.
  if (parseReviewLog(lines).entries.length !== entries.length)
    throw new TypeError(`not a valid review log entry in: ${lines.trim()}`);
  // A hand-edited log may end without a newline: end it in the same write, never glue onto it.
  const data = Buffer.from(needsNewline ? `\n${lines}` : lines);
  attempt('append to', logPath, () => {
    // O_NOFOLLOW: a link put in the log's place is refused, never written through.
    const fd = fs.openSync(
      logPath,
      fs.constants.O_WRONLY | fs.constants.O_APPEND | fs.constants.O_CREAT | fs.constants.O_NOFOLLOW,
      0o666,
    );
    try {
      writeWhole(fd, data, logPath);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  });
}

// One write: with O_APPEND a small write lands whole, even with another session appending. A write that fails part
// way (a full disk) is cut off again, so the log keeps ending on a whole line.
function writeWhole(fd: number, data: Buffer, logPath: string): void {
  const sizeBefore = fs.fstatSync(fd).size;
  let written = 0;
  try {
    written = fs.writeSync(fd, data);
  } finally {
    if (written !== data.length && fs.fstatSync(fd).size === sizeBefore + written) fs.ftruncateSync(fd, sizeBefore);
  }
  if (written !== data.length) {
    throw new StoreError(
      `only part of a review reached ${logPath}, and was taken out again; the disk may be full. Free some space and try again.`,
    );
  }
}
