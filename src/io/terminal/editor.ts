import { spawnSync } from 'node:child_process';

// Editors that open a file at a line given as `+LINE` before it.
const TAKES_PLUS_LINE = /^(?:vi|vim|nvim|gvim|view|nano|pico|emacs|emacsclient|micro|kak|joe|ne|mg|hx|helix)$/;

/**
 * Opens `file` in `$VISUAL`, else `$EDITOR`, else vi, at `line` when the editor takes `+LINE` (vi, nano, emacs…), and
 * waits; returns an error message, or null when it exited 0.
 */
export function runEditor(file: string, env: NodeJS.ProcessEnv, line = 1): string | null {
  const editor = env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
  const program = editor.trim().split(/\s+/)[0]?.split(/[\\/]/).pop() ?? '';
  const at = line > 1 && TAKES_PLUS_LINE.test(program) ? ` +${line}` : '';
  // Through the shell, so an editor with arguments (`code -w`) works; the file goes as "$1", never parsed.
  const result =
    process.platform === 'win32'
      ? spawnSync(`${editor}${at} "${file}"`, { shell: true, stdio: 'inherit', env })
      : spawnSync('/bin/sh', ['-c', `${editor}${at} "$1"`, 'sh', file], { stdio: 'inherit', env });
  if (result.error) return `could not start the editor "${editor}" (${result.error.message}); set VISUAL or EDITOR`;
  return result.status === 0 ? null : `the editor "${editor}" exited with code ${result.status ?? result.signal}`;
}
