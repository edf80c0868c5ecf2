// Bundles the compiled CLI (dist/cli/main.js) into CommonJS chunks in dist/bundle/ for a fast start: Node starts a
// CommonJS program without its ES module loader, one file holds the code every command runs (commander included),
// and each command's own code sits in a chunk that is required only when that command runs. Other packages stay
// outside and load from node_modules when a chunk needs them.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { readFileSync } from 'node:fs';

const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Pure JavaScript, and loaded by every command (commander) or every command that reads cards: bundled, they cost no
// package lookup (resolving a package's `exports` takes Node several milliseconds each).
const BUNDLED = ['commander', 'env-paths', 'ts-fsrs'];
const external = Object.keys(dependencies).filter((name) => !BUNDLED.includes(name));
const isExternal = (id) => id.startsWith('node:') || external.some((name) => id === name || id.startsWith(`${name}/`));

/**
 * commander requires `child_process` when it loads, for subcommands that are separate programs, which flashdeck
 * has none of: loading it lazily saves every command, `--version` included, about 5 ms.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  transform(code, id) {
    if (!id.replaceAll('\\', '/').endsWith('/node_modules/commander/lib/command.js')) return null;
    const eager = "const childProcess = require('node:child_process');";
    if (!code.includes(eager))
      this.error('commander no longer requires child_process as expected: update lazyChildProcess');
    const lazy = "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };";
    return { code: code.replace(eager, lazy), map: null };
  },
};

export default {
  // dist/bundle/ is as deep as dist/cli/, so paths such as `../../package.json` mean the same from either.
  input: 'dist/cli/main.js',
  external: isExternal,
  // `ignore` leaves that require where it is written, instead of hoisting it to the top of the chunk.
  plugins: [lazyChildProcess, nodeResolve({ preferBuiltins: true }), commonjs({ ignore: ['node:child_process'] })],
  output: {
    dir: 'dist/bundle',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name].cjs',
    generatedCode: 'es2015',
    // A package may be CommonJS or, required as Node 20.19+ allows, an ES module's namespace: take `default` from either.
    interop: 'auto',
  },
};
