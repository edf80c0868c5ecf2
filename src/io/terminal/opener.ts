import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** Players that play a sound file and exit, with the arguments that keep them quiet and windowless. */
const SOUND_PLAYERS: [string, string[]][] = [
  ['mpv', ['--no-video', '--really-quiet']],
  ['ffplay', ['-nodisp', '-autoexit', '-loglevel', 'quiet']],
  ['afplay', []],
  ['paplay', []],
  ['play', ['-q']],
];

/**
 * Opens a card's picture or sound (a file's absolute path, or an address) in the background: `$FLASHDECK_OPEN` when
 * set (run with the path as its argument), else for a sound a player found on PATH, else the system's opener. Never
 * waits for it, and its output never reaches the quiz. Returns what to tell the learner when nothing could start it.
 */
export function openMedia(target: string, kind: 'image' | 'sound', env: NodeJS.ProcessEnv): string | null {
  const custom = env.FLASHDECK_OPEN?.trim();
  if (custom) {
    // Through the shell, so a command with arguments works; the path goes as "$1", never parsed.
    return process.platform === 'win32'
      ? startDetached(`${custom} "${target}"`, [], env, true)
      : startDetached('/bin/sh', ['-c', `${custom} "$1"`, 'sh', target], env);
  }
  const player = kind === 'sound' ? SOUND_PLAYERS.find(([name]) => findOnPath(name, env)) : undefined;
  if (player) return startDetached(player[0], [...player[1], target], env);
  if (process.platform === 'win32') return startDetached('cmd', ['/c', 'start', '""', target], env);
  const opener = process.platform === 'darwin' ? 'open' : 'xdg-open';
  if (!findOnPath(opener, env))
    return `no program to open it was found (${opener}); set FLASHDECK_OPEN to a command that opens a file`;
  return startDetached(opener, [target], env);
}

function startDetached(command: string, args: string[], env: NodeJS.ProcessEnv, shell = false): string | null {
  try {
    const child = spawn(command, args, { detached: true, stdio: 'ignore', env, shell });
    // A failure to start is reported asynchronously; by then the quiz has moved on, and must not crash.
    child.on('error', () => {});
    child.unref();
    return null;
  } catch (error) {
    return `could not start ${command}: ${(error as Error).message}`;
  }
}

/** Whether `name` is an executable program in one of PATH's folders. */
function findOnPath(name: string, env: NodeJS.ProcessEnv): boolean {
  return (env.PATH ?? '').split(path.delimiter).some((folder) => {
    if (!folder) return false;
    try {
      accessSync(path.join(folder, name), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
