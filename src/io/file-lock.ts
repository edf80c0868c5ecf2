import fs from 'node:fs';

/** A lock older than this is broken even if its process id is alive: the id may have been reused. */
const STALE_AFTER_MS = 10_000;
/** A lock file still empty after this was left by a process killed between creating and filling it. */
const EMPTY_STALE_AFTER_MS = 1_000;
const RETRY_MS = 5;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Runs `run` holding the lock file `lockPath` (made exclusively, naming its process); a dead process's lock is broken at once. */
export function withFileLock<T>(lockPath: string, run: () => T): T {
  acquireLock(lockPath);
  try {
    return run();
  } finally {
    fs.rmSync(lockPath, { force: true });
  }
}

function acquireLock(lockPath: string): void {
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = readLock(lockPath);
    if (owner && isStale(owner)) breakLock(lockPath, owner);
    else Atomics.wait(sleeper, 0, 0, RETRY_MS);
  }
}

interface LockState {
  owner: string;
  mtimeMs: number;
}

// null when the lock is gone by now.
function readLock(lockPath: string): LockState | null {
  try {
    return { owner: fs.readFileSync(lockPath, 'utf8'), mtimeMs: fs.statSync(lockPath).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function isStale({ owner, mtimeMs }: LockState): boolean {
  const age = Date.now() - mtimeMs;
  const pid = Number(owner);
  if (!Number.isSafeInteger(pid) || pid <= 0) return age > EMPTY_STALE_AFTER_MS;
  return !isAlive(pid) || age > STALE_AFTER_MS;
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

// Removes the lock only if it is still the stale one seen, so a process that broke it first and took it keeps it.
function breakLock(lockPath: string, stale: LockState): void {
  const current = readLock(lockPath);
  if (current?.owner === stale.owner && current.mtimeMs === stale.mtimeMs) fs.rmSync(lockPath, { force: true });
}
