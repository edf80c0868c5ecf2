import fs from 'node:fs';

/**
 * A lock is held for the milliseconds of one settings write. One older than this (or dated this far in the future) is
 * abandoned whatever process id it names: that id may have been reused, or the clock set back.
 */
export const ABANDONED_AFTER_MS = 5_000;
/** A lock file still empty after this was left by a process killed between creating and filling it. */
const EMPTY_ABANDONED_AFTER_MS = 1_000;
const RETRY_MS = 5;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `run` holding the lock file `lockPath` (made exclusively, naming its process). A lock whose process is gone is
 * taken over at once, one held past ABANDONED_AFTER_MS then; taking over is itself serialised, so only one waiting
 * process can win an abandoned lock.
 */
export function withFileLock<T>(lockPath: string, run: () => T): T {
  const token = `${process.pid} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  acquire(lockPath, token);
  try {
    return run();
  } finally {
    release(lockPath, token);
  }
}

function acquire(lockPath: string, token: string): void {
  for (;;) {
    if (tryCreate(lockPath, token)) return;
    const seen = readLock(lockPath);
    if (seen && isAbandoned(seen)) breakAbandoned(lockPath, seen, token);
    else Atomics.wait(sleeper, 0, 0, RETRY_MS);
  }
}

// False when the lock exists. A lock that could not be filled (a full disk) is removed, never left empty.
function tryCreate(lockPath: string, token: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(lockPath, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, token);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(lockPath, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return true;
}

interface LockState {
  token: string;
  ino: number;
  mtimeMs: number;
}

// null when the lock is gone by now.
function readLock(lockPath: string): LockState | null {
  try {
    const { ino, mtimeMs } = fs.statSync(lockPath);
    return { token: fs.readFileSync(lockPath, 'utf8'), ino, mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isAbandoned({ token, mtimeMs }: LockState): boolean {
  const age = Math.abs(Date.now() - mtimeMs);
  const pid = Number(token.split(' ')[0]);
  if (token === '' || !Number.isSafeInteger(pid) || pid <= 0) return age > EMPTY_ABANDONED_AFTER_MS;
  return !isAlive(pid) || age > ABANDONED_AFTER_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const isSameLock = (a: LockState | null, b: LockState) =>
  a !== null && a.token === b.token && a.ino === b.ino && a.mtimeMs === b.mtimeMs;

/**
 * Removes the abandoned lock `seen`, holding `<lock>.break` while it checks and removes: without it, a process that
 * saw the same abandoned lock could remove the fresh lock another had just taken in its place.
 */
function breakAbandoned(lockPath: string, seen: LockState, token: string): void {
  const guardPath = `${lockPath}.break`;
  if (!tryCreate(guardPath, token)) {
    // The guard is held for microseconds; one that stays was left by a process killed while breaking.
    const guard = readLock(guardPath);
    if (guard && isAbandoned(guard)) fs.rmSync(guardPath, { force: true });
    else Atomics.wait(sleeper, 0, 0, RETRY_MS);
    return;
  }
  try {
    if (isSameLock(readLock(lockPath), seen)) fs.rmSync(lockPath, { force: true });
  } finally {
    fs.rmSync(guardPath, { force: true });
  }
}

// Only our own lock is removed: one taken over after we held it too long belongs to another process now.
function release(lockPath: string, token: string): void {
  if (readLock(lockPath)?.token === token) fs.rmSync(lockPath, { force: true });
}
