// The whole build, in one step from src/ (`npm run build`; type checks are `tsc --noEmit`, apart). Sucrase strips the
// types of each src/*.ts file as rollup reads it; nothing is compiled to disk first.
//
// The CLI becomes CommonJS chunks in dist/bundle/ for a fast start: Node starts a CommonJS program without its ES
// module loader, one file holds the code every command runs (commander included), and each command's own code sits
// in a chunk that is required only when that command runs. Other packages stay outside and load from node_modules
// when a chunk needs them. Source maps beside the chunks point stacks at src/ when DEBUG is set (bin/flashdeck.js).
//
// The store and its file lock also become small ES modules in dist/test/, for the tests whose child processes run
// the real store code (Node 20 cannot load TypeScript) and for scripts/bench-append.mjs; so does the writer of test
// Anki packages, for scripts/bench-anki-package.mjs.
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import sucrase from '@rollup/plugin-sucrase';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const { dependencies } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
// Pure JavaScript, and loaded by every command (commander) or every command that reads cards: bundled, they cost no
// package lookup (resolving a package's `exports` takes Node several milliseconds each). The terminal's text libraries
// (chalk, string-width, wrap-ansi, cli-truncate and what they import) are ES modules: required from CommonJS, Node
// compiles each through its ES module loader, which a profile of the quiz's start showed as its largest single cost;
// bundled, they are plain CommonJS in the chunk of the screens that use them.
const BUNDLED = ['commander', 'env-paths', 'ts-fsrs', 'chalk', 'string-width', 'wrap-ansi', 'cli-truncate'];
const external = Object.keys(dependencies).filter((name) => !BUNDLED.includes(name));
const isExternal = (id) => id.startsWith('node:') || external.some((name) => id === name || id.startsWith(`${name}/`));
// commander is bundled as published. Patching it to require `node:child_process` only when it starts a program saved
// `--version` 3–4 ms (about 3 %; 1.16–1.20× `node -e 0` without it, 1.09–1.17× with it, in 3 alternating runs of 61
// each on 2026-12-03): within the bench's noise from one run to the next and not needed for the 1.3× target, so the
// string patch went. See docs/performance.md.

// Types stripped, enums compiled, and the rest of the syntax left as written (Node 20 runs all of it).
const typescript = () =>
  sucrase({ include: ['src/**/*.ts', 'tests/support/*.ts'], transforms: ['typescript'], disableESTransforms: true });

/** @type {import('rollup').RollupOptions} */
const cli = {
  input: 'src/cli/main.ts',
  external: isExternal,
  plugins: [typescript(), nodeResolve({ preferBuiltins: true }), commonjs()],
  output: {
    // dist/bundle/ is as deep as src/io/, so `../..` in src/io/package-root.ts is the package root from either.
    dir: 'dist/bundle',
    format: 'cjs',
    entryFileNames: '[name].cjs',
    chunkFileNames: '[name].cjs',
    generatedCode: 'es2015',
    // A package may be CommonJS or, required as Node 20.19+ allows, an ES module's namespace: take `default` from either.
    interop: 'auto',
    // Read only when source maps are enabled (DEBUG), so a normal start pays nothing for them. The sources stay out:
    // a stack needs the paths and lines, and the package does not ship src/.
    sourcemap: true,
    sourcemapExcludeSources: true,
  },
};

/** @type {import('rollup').RollupOptions} */
const testEntries = {
  input: {
    store: 'src/io/store/store.ts',
    'file-lock': 'src/io/store/file-lock.ts',
    // For scripts/bench-anki-package.mjs: an Anki package written the way the tests write theirs.
    'anki-package': 'tests/support/anki-package.ts',
  },
  // Packages load from node_modules, as they do for the CLI's external ones.
  external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
  plugins: [typescript()],
  treeshake: { moduleSideEffects: 'no-external' },
  output: { dir: 'dist/test', format: 'es', entryFileNames: '[name].js', chunkFileNames: '[name].js' },
};

export default [cli, testEntries];
