#!/usr/bin/env node
// CommonJS (see package.json here), like the bundle it loads: Node then starts without its ES module loader.
// With DEBUG set, stacks point at src/ through the bundle's source maps. Only then: Node reads no map otherwise, so a
// normal start pays nothing. Maps are read for code loaded after this line, so it comes before the require.
if (process.env.DEBUG) process.setSourceMapsEnabled(true);
let cli;
try {
  cli = require('../dist/bundle/main.cjs');
} catch (error) {
  if (error.code !== 'MODULE_NOT_FOUND' || !error.message.includes('main.cjs')) throw error;
  process.stderr.write(
    `error: flashdeck is not built in ${require('node:path').dirname(__dirname)}: run \`npm install && npm run build\` there.\n`,
  );
  process.exit(1);
}
cli.main();
