import { spawnSync } from 'node:child_process';

/** Shows text through a pager; false when it did not (not a terminal, short text, no pager), so the caller prints it. */
export type Pager = (text: string) => boolean;

/**
 * As git does: text longer than the terminal goes through `$PAGER` (`less -R` when unset; `LESS=FRX` unless set, so
 * less keeps colours, leaves the text on screen and quits at once when it fits). Never into a pipe or a file.
 */
export function createPager(stdout: { isTTY?: boolean; rows?: number }, env: NodeJS.ProcessEnv): Pager {
  return (text) => {
    if (!stdout.isTTY) return false;
    if (text.split('\n').length < (stdout.rows ?? 24)) return false;
    const command = env.PAGER ?? 'less -R';
    if (command.trim() === '' || command.trim() === 'cat') return false;
    const result = spawnSync(command, {
      shell: true,
      input: `${text}\n`,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { LESS: 'FRX', ...env },
    });
    // A pager that cannot start (127: no such command) leaves the text to be printed.
    return !result.error && result.status !== 127;
  };
}
