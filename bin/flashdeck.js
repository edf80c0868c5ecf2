#!/usr/bin/env node
// CommonJS (see package.json here), like the bundle it loads: Node then starts without its ES module loader.
require('../dist/bundle/main.cjs').main();
