import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { DayDue } from '../../src/core/stats/forecast.js';
import type { DayReviews } from '../../src/core/stats/days.js';
import { shiftDate } from '../../src/core/schedule/study-day.js';
import {
  fitHeatmapDays,
  formatForecast,
  formatHeatmap,
  formatHeatmapLegend,
  getHeatmapLevel,
  HEATMAP_SHADES,
} from '../../src/render/charts.js';

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });

/** 182 days ending on Tuesday 2026-03-10, with `reviews(index)` reviews each. */
function heatmapDays(reviews: (index: number) => number): DayReviews[] {
  return Array.from({ length: 182 }, (_, index) => ({
    date: shiftDate('2026-03-10', index - 181),
    reviews: reviews(index),
  }));
}

describe('heatmap', () => {
  it('shades by quarters of the busiest day', () => {
    expect([0, 1, 5, 6, 10, 11, 15, 16, 20].map((count) => getHeatmapLevel(count, 20))).toEqual([
      0, 1, 1, 2, 2, 3, 3, 4, 4,
    ]);
    expect(getHeatmapLevel(0, 0)).toBe(0);
  });

  it('draws every day in its weekday row and calendar-week column, and nothing else', () => {
    const days = heatmapDays((index) => (index * 7) % 13);
    const [months, ...rows] = formatHeatmap(days, plain);
    expect(months).toMatch(/^ {6}Sep/);
    expect(rows.map((row) => row.slice(0, 6))).toEqual([
      '  Mon ',
      '  Tue ',
      '  Wed ',
      '  Thu ',
      '  Fri ',
      '  Sat ',
      '  Sun ',
    ]);
    // 2025-09-10 is a Wednesday: the first column starts on its third row; 27 calendar weeks in all.
    const cell = (row: number, week: number) => rows[row]?.[6 + week * 2] ?? ' ';
    const busiest = Math.max(...days.map((day) => day.reviews));
    days.forEach((day, index) => {
      expect(cell((index + 2) % 7, Math.floor((index + 2) / 7))).toBe(
        HEATMAP_SHADES[getHeatmapLevel(day.reviews, busiest)],
      );
    });
    const drawn = rows.join('').replace(/[A-Za-z ]/g, '');
    expect([...drawn]).toHaveLength(days.length);
    expect(cell(0, 0)).toBe(' ');
    expect(cell(2, 26)).toBe(' '); // Wednesday 2026-03-11 has not come yet
  });

  it('names each month over the week holding its 1st', () => {
    const [months = ''] = formatHeatmap(
      heatmapDays(() => 0),
      plain,
    );
    // 2025-10-01 is in the fourth calendar week (index 3), 2026-03-01 (a Sunday) in week 24.
    expect(months.indexOf('Oct')).toBe(6 + 3 * 2);
    expect(months.indexOf('Mar')).toBe(6 + 24 * 2);
    expect(months.match(/[A-Z][a-z]{2}/g)).toEqual(['Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']);
  });

  it('leaves out the first week’s month when the next month starts right after it', () => {
    // Starting Sunday 2025-09-28: week 0 holds one September day, week 1 holds 1 October.
    const days = Array.from({ length: 14 }, (_, index) => ({ date: shiftDate('2025-09-28', index), reviews: 0 }));
    expect(formatHeatmap(days, plain)[0]).toBe('        Oct');
  });

  it('reads the same with colour, which only adds to the shades', () => {
    const days = heatmapDays((index) => index % 5);
    const coloured = formatHeatmap(days, colour);
    expect(coloured.join('\n')).toContain('\u001b[');
    expect(coloured.map((line) => stripVTControlCharacters(line))).toEqual(formatHeatmap(days, plain));
    expect(formatHeatmapLegend(4, 80, colour).map((line) => stripVTControlCharacters(line))).toEqual(
      formatHeatmapLegend(4, 80, plain),
    );
  });

  it('has a legend naming the busiest day, and none for an empty calendar', () => {
    expect(formatHeatmapLegend(23, 80, plain)).toEqual(['      less · ░ ▒ ▓ █ more · busiest day 23 reviews']);
    expect(formatHeatmapLegend(23, 40, plain)).toEqual(['      less · ░ ▒ ▓ █ more', '      busiest day 23 reviews']);
    expect(formatHeatmapLegend(0, 80, plain)).toEqual(['      less · ░ ▒ ▓ █ more']);
  });

  it.each([40, 60])('keeps the latest weeks that fit %i columns, month names included', (width) => {
    const days = heatmapDays((index) => index % 4);
    const shown = fitHeatmapDays(days, width);
    expect(shown).toEqual(days.slice(-shown.length));
    // Whole weeks: the first day shown is a Monday.
    expect(new Date(`${shown[0]?.date}T00:00:00Z`).getUTCDay()).toBe(1);
    const lines = formatHeatmap(shown, plain);
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
    // The Monday row reaches the last week: the calendar uses the width it has.
    expect(lines[1]?.length).toBeGreaterThanOrEqual(width - 4);
  });

  it('keeps every day on a wide terminal', () => {
    const days = heatmapDays(() => 1);
    expect(fitHeatmapDays(days, 80)).toEqual(days);
  });
});

describe('forecast', () => {
  const forecastDays = (due: (index: number) => number): DayDue[] =>
    Array.from({ length: 30 }, (_, index) => ({ date: shiftDate('2026-03-10', index), due: due(index) }));

  it('labels the tallest bar, and shows a small day next to a big one', () => {
    const lines = formatForecast(
      forecastDays((index) => (index === 0 ? 120 : index === 1 ? 1 : 0)),
      80,
      plain,
    );
    expect(lines[0]).toBe('  120 ┤ █');
    expect(lines[5]).toBe('      │ █ ▁');
    expect(lines[6]).toBe(`    0 └${'─'.repeat(61)}`);
    expect(lines[7]).toBe('        today         Mar 17        Mar 24        Mar 31        Apr 7');
  });

  it('is as tall as the count in eighths of a row', () => {
    const lines = formatForecast(
      forecastDays((index) => (index === 0 ? 12 : index === 1 ? 6 : 0)),
      80,
      plain,
    );
    const column = (day: number) =>
      lines
        .slice(0, 6)
        .map((line) => line[7 + day * 2] ?? ' ')
        .join('');
    expect(column(0)).toBe('██████');
    expect(column(1)).toBe('   ███');
  });

  it.each([40, 80, 120, 200])('fits %i columns, with wider bars when there is room', (width) => {
    const lines = formatForecast(
      forecastDays((index) => (index * 37) % 11),
      width,
      plain,
    );
    expect(Math.max(...lines.map((line) => stringWidth(line)))).toBeLessThanOrEqual(width);
    expect(lines[6]?.length).toBe(7 + 30 * (width >= 120 ? 3 : width >= 80 ? 2 : 1));
  });

  it('reads the same with colour', () => {
    const days = forecastDays((index) => index % 4);
    expect(formatForecast(days, 80, colour).map((line) => stripVTControlCharacters(line))).toEqual(
      formatForecast(days, 80, plain),
    );
  });
});
