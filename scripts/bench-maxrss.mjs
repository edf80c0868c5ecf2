// Loaded with `node --import`: writes the process's peak resident memory (KB) to BENCH_MAXRSS_FILE at exit.
import { writeFileSync } from 'node:fs';

process.on('exit', () => writeFileSync(process.env.BENCH_MAXRSS_FILE, String(process.resourceUsage().maxRSS)));
