import { describe, expect, it } from 'vitest';
import { simulateLearner, toLogText } from '../core/synthetic-learner.js';
import { cardFile, cliEnv, runCli, testdir } from './helpers.js';

const log = simulateLearner({ cards: 30, days: 90, newPerDay: 5, seed: 5, start: new Date('2026-01-05T09:00:00Z') });

function setUp() {
  const ids = [...new Set(log.map((review) => review.card))];
  const cards = testdir(
    Object.fromEntries(ids.map((id) => [`${id}.md`, cardFile(`Question ${id}`, 'Answer', `id: ${id}`)])),
  );
  const env = cliEnv(testdir({ 'reviews.jsonl': toLogText(log) }));
  const stats = () =>
    JSON.parse(runCli(['stats', '--json', '--cards', cards], env).stdout) as Record<string, unknown> & {
      knowledge: number;
      workload: { retention: number; reviewsPerDay: number }[];
      calibration: { bucket: string; predicted: number; actual: number; reviews: number }[];
    };
  return { cards, env, stats, ids };
}

describe('stats on memory', () => {
  it('adds knowledge, the review load by retention and a calibration table to the JSON', () => {
    const { stats, ids } = setUp();
    const json = stats();
    expect(json).toMatchObject({ cards: ids.length, seen: ids.length, reviews: log.length });
    expect(json.knowledge).toBeGreaterThan(0);
    expect(json.knowledge).toBeLessThanOrEqual(ids.length);
    expect(json.workload.map((point) => point.retention)).toEqual([0.85, 0.9, 0.95]);
    const [low, current, high] = json.workload.map((point) => point.reviewsPerDay) as [number, number, number];
    expect(low).toBeLessThan(current);
    expect(current).toBeLessThan(high);
    expect(json.calibration.length).toBeGreaterThan(2);
    for (const band of json.calibration) {
      expect(band).toEqual({
        bucket: expect.stringMatching(/^\d+-\d+%$/),
        predicted: expect.any(Number),
        actual: expect.any(Number),
        reviews: expect.any(Number),
      });
    }
    expect(json.calibration.reduce((sum, band) => sum + band.reviews, 0)).toBeLessThan(log.length);
  });

  it('follows the retention setting and shows the section on screen', () => {
    const { cards, env, stats } = setUp();
    expect(runCli(['config', 'set', 'retention', '0.8'], env).code).toBe(0);
    expect(stats().workload.map((point) => point.retention)).toEqual([0.75, 0.8, 0.85]);
    const screen = runCli(['stats', '--cards', cards], env).stdout;
    expect(screen).toMatch(/Estimated knowledge · sum of recall chances now\n {2}[\d.]+ of 30 seen cards\n/);
    expect(screen).toMatch(/ 80% +[\d.]+ a day {2}← current/);
    expect(screen).toMatch(/Calibration[^\n]*\n {2}band +predicted +actual +reviews\n/);
  });
});
