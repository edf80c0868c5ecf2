import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runStats } from '../../src/commands/stats.js';
import type { FsrsStats } from '../../src/core/stats/memory.js';
import type { StatsReport } from '../../src/core/stats/report.js';
import { screenLoader, type Deps } from '../../src/deps.js';
import type { TerminalInfo } from '../../src/render/terminal.js';
import { formatDue, formatSeconds } from '../../src/render/time.js';
import { testdir } from '../e2e/helpers.js';
import { formatReviewLog, generateReviewHistory } from '../fixtures/review-history.js';
import { STATS_DECK } from '../fixtures/stats-deck.js';

// A fixed clock, and a history generated from a fixed seed up to the evening before: today is not studied yet.
const NOW = new Date('2026-03-10T15:30:00Z');
const HISTORY_END = new Date('2026-03-09T20:00:00Z');
const CARD_IDS = Object.keys(STATS_DECK).map((file) => file.replace(/\.md$/, ''));
const HISTORY = generateReviewHistory(CARD_IDS, HISTORY_END, {
  seed: 11,
  days: 220,
  newPerDay: 1,
  memory: 0.8,
  skipChance: 0.15,
});

type JsonReport = StatsReport &
  FsrsStats & { cardsRoot: string; store: string; leeches: { lapses: number; question: string }[] };

/** Runs `stats` on the deck and the history with the fixed clock; `stdout` decides width and colour. */
async function runOnHistory(
  options: { json?: boolean; decks?: string[] },
  stdout: TerminalInfo,
  env: NodeJS.ProcessEnv = {},
) {
  const cardsRoot = testdir(STATS_DECK);
  const home = testdir({ 'reviews.jsonl': formatReviewLog(HISTORY) });
  const printed: string[] = [];
  const warnings: string[] = [];
  const depsEnv = { FLASHDECK_HOME: home, ...env };
  const deps: Deps = {
    env: depsEnv,
    out: { print: (text) => printed.push(text), warn: (text) => warnings.push(text) },
    stdout,
    screen: screenLoader(stdout, depsEnv),
    now: () => NOW,
    random: () => 0.5,
  };
  const code = await runStats({ cardsRoot, json: !!options.json, decks: options.decks }, deps);
  expect({ code, warnings }).toEqual({ code: 0, warnings: [] });
  // The temporary folders differ on every run; the snapshot shows placeholders.
  return printed.join('\n').replaceAll(cardsRoot, '<cards>').replaceAll(home, '<store>');
}

const screenAt = (width: number) => runOnHistory({}, { isTTY: false }, { COLUMNS: String(width) });
const jsonReport = async (decks?: string[]) =>
  JSON.parse(await runOnHistory({ json: true, decks }, { isTTY: false })) as JsonReport;

describe('the stats screen on a generated history', () => {
  it.each([80, 120])('at %i columns is the committed snapshot, no line wider', async (width) => {
    const text = await screenAt(width);
    await expect(`${text}\n`).toMatchFileSnapshot(`__snapshots__/stats-${width}.txt`);
    expect(Math.max(...text.split('\n').map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
    expect(text).not.toContain('\u001b');
  });

  it('adds colour on a terminal without changing a character, and NO_COLOR takes it away', async () => {
    const coloured = await runOnHistory({}, { isTTY: true, columns: 80 }, { TERM: 'xterm-256color' });
    expect(coloured).toContain('\u001b[');
    expect(stripVTControlCharacters(coloured)).toBe(await screenAt(80));
    expect(await runOnHistory({}, { isTTY: true, columns: 80 }, { TERM: 'xterm-256color', NO_COLOR: '1' })).toBe(
      await screenAt(80),
    );
  });
});

describe('stats --json on a generated history', () => {
  it('keeps the SPEC fields and adds the data behind every chart', async () => {
    const report = await jsonReport();
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining(['cards', 'seen', 'reviews', 'due', 'mastery', 'byDifficulty', 'byDeck', 'store']),
    );
    expect(report).toMatchObject({
      cards: 24,
      seen: 24,
      reviews: HISTORY.length,
      store: '<store>',
      cardsRoot: '<cards>',
    });
    expect(report.heatmap).toHaveLength(182);
    expect(report.heatmap.at(-1)?.date).toBe('2026-03-10');
    expect(report.forecast).toHaveLength(30);
    expect(report.forecast[0]).toEqual({ date: '2026-03-10', due: report.dueToday });
    // `due` counts what is due in the current study day, so it is the forecast's first day; a week is its first seven.
    expect(report.dueToday).toBe(report.due);
    expect(report.forecast.slice(0, 7).reduce((total, day) => total + day.due, 0)).toBe(report.dueWeek);
    expect(report.retention.all).toEqual({
      reviews: HISTORY.length,
      recalled: HISTORY.filter((r) => r.rating >= 3).length,
      rate: expect.any(Number),
    });
    expect(report.studySeconds).toBe(HISTORY.reduce((total, r) => total + r.seconds, 0));
    expect(report.weakest).toHaveLength(10);
    expect(report.streak.current).toBeGreaterThan(0);
  });

  it('the heatmap cells sum to the reviews made in its 26 weeks', async () => {
    const report = await jsonReport();
    // The window opens at 04:00 on the first day (TZ is UTC in tests) and closes now.
    const windowStart = Date.parse(`${report.heatmap[0]?.date}T04:00:00Z`);
    const inWindow = HISTORY.filter(
      (review) => Date.parse(review.at) >= windowStart && Date.parse(review.at) <= NOW.getTime(),
    );
    expect(inWindow.length).toBeLessThan(HISTORY.length); // the history is longer than the window
    expect(report.heatmap.reduce((total, day) => total + day.reviews, 0)).toBe(inWindow.length);
    const studyDates = new Set(
      inWindow.map((review) => new Date(Date.parse(review.at) - 4 * 3_600_000).toISOString().slice(0, 10)),
    );
    expect((await screenAt(80)).split('\n')).toContain(
      `Reviews, last 26 weeks · ${inWindow.length} reviews on ${studyDates.size} days`,
    );
  });

  it('counts only the matching cards’ reviews when filtered', async () => {
    const report = await jsonReport(['ml/optimizers']);
    const reviews = HISTORY.filter((review) => review.card.startsWith('ml/optimizers/'));
    expect(report.reviews).toBe(reviews.length);
    expect(report.retention.all.reviews).toBe(reviews.length);
    expect(report.studySeconds).toBe(reviews.reduce((total, r) => total + r.seconds, 0));
    expect(report.weakest.every((card) => card.deck === 'ml/optimizers')).toBe(true);
  });
});

describe('every number on the screen', () => {
  it('equals the --json figure', async () => {
    const [text, report] = await Promise.all([screenAt(80), jsonReport()]);
    const { weakestQuestions, ...figures } = readFigures(text);
    expect(figures).toEqual(expectedFigures(report));
    // Questions are cut to the width with an ellipsis.
    expect(weakestQuestions).toHaveLength(report.weakest.length);
    report.weakest.forEach(({ question }, index) => {
      const shown = (weakestQuestions as string[])[index] ?? '';
      expect(shown.endsWith('…') ? question.startsWith(shown.slice(0, -1)) : shown === question).toBe(true);
    });
  });
});

const BAR = '[█░]+';
const percent = (rate: number | null) => (rate === null ? '–' : `${Math.round(rate * 100)}%`);
const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/** Every figure on the screen, by what it is; a line with a number that no pattern knows fails the test. */
function readFigures(text: string): Record<string, unknown> {
  const figures: Record<string, unknown> = {};
  const patterns: [RegExp, (match: RegExpMatchArray) => void][] = [
    [
      /^Cards (\d+) · seen (\d+) · new (\d+) · due today (\d+) · due this week (\d+)$/,
      (m) => Object.assign(figures, { cards: m[1], seen: m[2], new: m[3], dueToday: m[4], dueWeek: m[5] }),
    ],
    [
      /^Reviews (\d+) · studied (.+) · streak (\d+) days? · longest (\d+) days?$/,
      (m) => Object.assign(figures, { reviews: m[1], studied: m[2], streak: m[3], longest: m[4] }),
    ],
    [
      new RegExp(`^Mastery ${BAR} (\\d+)%(?:  next due (.+))?$`),
      (m) => Object.assign(figures, { mastery: m[1], nextDue: m[2] ?? null }),
    ],
    [
      new RegExp(`^  (\\S+) +${BAR} +(\\d+)%  (\\d+)/(\\d+) seen(?:  \\S+)?$`),
      (m) => (figures[`group ${m[1]}`] = [m[2], m[3], m[4]]),
    ],
    [/^ {2}([1-5]) (?:Not at all|Perfectly| ) *█* +(\d+)$/, (m) => (figures[`rating ${m[1]}`] = m[2])],
    [
      /^Reviews, last 26 weeks · (\d+) reviews? on (\d+) days?$/,
      (m) => Object.assign(figures, { heatmapReviews: m[1], heatmapDays: m[2] }),
    ],
    [/^ {6}less · ░ ▒ ▓ █ more(?: · busiest day (\d+) reviews?)?$/, (m) => (figures.busiest = m[1] ?? null)],
    [/^Coming due, next 30 days · (\d+) cards?$/, (m) => (figures.coming = m[1])],
    [/^Retention · share of reviews rated 3 or more$/, () => undefined],
    [/^ +(\d+) ┤ [▁▂▃▄▅▆▇█ ]*$/, (m) => (figures.forecastTop = m[1])],
    [/^ +0 └─+$/, () => undefined],
    [/^ +today( +[A-Z][a-z]{2} \d+)*$/, (m) => (figures.forecastDates = m[0].trim().split(/ {2,}/))],
    [
      new RegExp(
        `^  (last 7 days|last 30 days|all time|young cards|mature cards) +${BAR} +(\\d+%|–)  (\\d+)/(\\d+)(?:  interval [<≥] 21d)?$`,
      ),
      (m) => (figures[m[1] ?? ''] = [m[2], m[3], m[4]]),
    ],
    [
      /^ +(\d+)% {2}(\S+) +(.+)$/,
      (m) => {
        ((figures.weakest ??= []) as unknown[]).push([m[1], m[2]]);
        ((figures.weakestQuestions ??= []) as unknown[]).push(m[3]);
      },
    ],
    [/^Leeches · forgotten 8 times or more/, () => undefined],
    [/^ {2}(\d+)× (.+)$/, (m) => ((figures.leeches ??= []) as unknown[]).push(m[1])],
    // The FSRS memory section.
    [/^ {2}(\d+(?:\.\d)?) of (\d+) seen cards$/, (m) => Object.assign(figures, { knowledge: m[1], knowledgeOf: m[2] })],
    [
      /^ +(\d+)% +(\d+\.\d) a day(?: {2}← current)?$/,
      (m) => ((figures.workload ??= []) as unknown[]).push([m[1], m[2]]),
    ],
    [/^ {2}change it with `flashdeck config set retention <0\.7–0\.99>`$/, () => undefined],
    [
      /^ {2}(\d+-\d+%) +(\d+)% +(\d+)% +(\d+)$/,
      (m) => ((figures.calibration ??= []) as unknown[]).push([m[1], m[2], m[3], m[4]]),
    ],
  ];
  for (const line of text.split('\n')) {
    if (!/\d/.test(line)) continue;
    const known = patterns.find(([pattern]) => pattern.test(line));
    expect(known, `a number no test knows: ${line}`).toBeDefined();
    known?.[1](line.match(known[0]) as RegExpMatchArray);
  }
  return figures;
}

/** The same figures, computed from the JSON. */
function expectedFigures(report: JsonReport): Record<string, unknown> {
  const group = (stats: { mastery: number; seen: number; cards: number }) => [
    String(stats.mastery),
    String(stats.seen),
    String(stats.cards),
  ];
  const retention = (bucket: StatsReport['retention']['all']) => [
    percent(bucket.rate),
    String(bucket.recalled),
    String(bucket.reviews),
  ];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const busiest = Math.max(...report.heatmap.map((day) => day.reviews));
  return {
    cards: String(report.cards),
    seen: String(report.seen),
    new: String(report.new),
    dueToday: String(report.dueToday),
    dueWeek: String(report.dueWeek),
    reviews: String(report.reviews),
    studied: formatSeconds(report.studySeconds),
    streak: String(report.streak.current),
    longest: String(report.streak.longest),
    mastery: String(report.mastery),
    nextDue:
      report.nextDue && Date.parse(report.nextDue) > NOW.getTime() ? formatDue(new Date(report.nextDue), NOW) : null,
    ...Object.fromEntries(
      Object.entries(report.byDifficulty).map(([level, stats]) => [`group ${level}`, group(stats)]),
    ),
    ...Object.fromEntries(Object.entries(report.byDeck).map(([deck, stats]) => [`group ${deck}`, group(stats)])),
    ...Object.fromEntries(
      Object.entries(report.latestRatings).map(([rating, count]) => [`rating ${rating}`, String(count)]),
    ),
    heatmapReviews: String(sum(report.heatmap.map((day) => day.reviews))),
    heatmapDays: String(report.heatmap.filter((day) => day.reviews > 0).length),
    busiest: busiest > 0 ? String(busiest) : null,
    coming: String(sum(report.forecast.map((day) => day.due))),
    forecastTop: String(Math.max(...report.forecast.map((day) => day.due))),
    forecastDates: report.forecast
      .filter((_, index) => index % 7 === 0)
      .map((day, index) =>
        index === 0 ? 'today' : `${months[Number(day.date.slice(5, 7)) - 1]} ${Number(day.date.slice(8))}`,
      ),
    'last 7 days': retention(report.retention.last7),
    'last 30 days': retention(report.retention.last30),
    'all time': retention(report.retention.all),
    'young cards': retention(report.retention.young),
    'mature cards': retention(report.retention.mature),
    weakest: report.weakest.map((card) => [String(Math.round(card.recall * 100)), card.deck]),
    leeches: report.leeches.map((leech) => String(leech.lapses)).sort((a, b) => Number(b) - Number(a)),
    knowledge: String(report.knowledge),
    knowledgeOf: String(report.seen),
    workload: report.workload.map((row) => [String(Math.round(row.retention * 100)), row.reviewsPerDay.toFixed(1)]),
    calibration: report.calibration.map((row) => [
      row.bucket,
      percent(row.predicted).slice(0, -1),
      percent(row.actual).slice(0, -1),
      String(row.reviews),
    ]),
  };
}
