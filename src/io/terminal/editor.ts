import { spawnSync } from 'node:child_process';

/** Opens `file` in `$VISUAL`, else `$EDITOR`, else vi, and waits; returns an error message, or null when it exited 0. */
export function runEditor(file: string, env: NodeJS.ProcessEnv): string | null {
  const editor = env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
  // Through the shell, so an editor with arguments (`code -w`) works; the file goes as "$1", never parsed.
  const result =
    process.platform === 'win32'
      ? spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env })
      : spawnSync('/bin/sh', ['-c', `${editor} "$1"`, 'sh', file], { stdio: 'inherit', env });
  if (result.error) return `could not start the editor "${editor}" (${result.error.message}); set VISUAL or EDITOR`;
  return result.status === 0 ? null : `the editor "${editor}" exited with code ${result.status ?? result.signal}`;
}
