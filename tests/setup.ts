import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

// No test may read or write the real progress store in ~/.config/flashdeck.
process.env.FLASHDECK_HOME = mkdtempSync(path.join(tmpdir(), 'flashdeck-home-'));
delete process.env.FLASHDECK_CARDS;
delete process.env.NO_COLOR;
