import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// This module is two folders below the package root wherever it runs from — src/io/ (tests) and the bundle's
// dist/bundle/ — so `../..` is the root from each. Every path into the package starts here.

/** The installed package's folder, with a trailing separator. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The package's version, from its package.json. */
export const PACKAGE_VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
