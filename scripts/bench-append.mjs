// Times Store.append inside one process: node scripts/bench-append.mjs <store folder> <appends>; prints JSON.
import { openStore } from '../dist/test/store.js';

const [dir, count = '200'] = process.argv.slice(2);
const store = openStore(dir);
const times = [];
const start = Date.parse('2026-01-01T00:00:00.000Z');
for (let index = 0; index < Number(count); index += 1) {
  const entry = {
    card: `bench/${index % 50}`,
    rating: (index % 5) + 1,
    at: new Date(start + index * 1000).toISOString(),
    seconds: 3.5,
  };
  const before = performance.now();
  store.append(entry);
  times.push(performance.now() - before);
}
times.sort((a, b) => a - b);
console.log(JSON.stringify({ median: times[times.length >> 1], p90: times[Math.floor(times.length * 0.9)] }));
