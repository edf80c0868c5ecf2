import { afterEach, describe, expect, it } from 'vitest';
import {
  countStudyDaysBetween,
  createStudyDayCounter,
  getStudyDate,
  getStudyDayNumber,
  getStudyDayStart,
  shiftDate,
} from '../../../src/core/schedule/study-day.js';

// TZ is UTC in these tests (vitest.config.ts).
describe('study dates', () => {
  it('names the study day: before 04:00 is still the day before', () => {
    expect(getStudyDate(new Date('2026-03-10T04:00:00Z'))).toBe('2026-03-10');
    expect(getStudyDate(new Date('2026-03-10T03:59:59Z'))).toBe('2026-03-09');
    expect(getStudyDate(new Date('2026-01-01T01:00:00Z'))).toBe('2025-12-31');
  });

  it('shifts calendar dates across months, years and leap days', () => {
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftDate('2025-12-31', 1)).toBe('2026-01-01');
    expect(shiftDate('2026-03-10', -181)).toBe('2025-09-10');
  });
});

describe('study days in zones with daylight saving time', () => {
  const utc = process.env.TZ;
  afterEach(() => {
    process.env.TZ = utc;
  });

  /** The local date of the study day's 04:00 start, read off the clock: the reference for the day arithmetic. */
  const referenceDate = (at: Date) => {
    const start = getStudyDayStart(at);
    return `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
  };

  it.each(['Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham'])(
    'counts every 20 minutes of a year to the same study day as the local clock says (%s)',
    (zone) => {
      process.env.TZ = zone;
      expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset(), 'the zone is in effect').not.toBe(0);
      const first = new Date('2025-10-01T00:00:00Z');
      const getDay = createStudyDayCounter();
      let previous = first;
      for (let time = first.getTime(); time < Date.parse('2026-10-01T00:00:00Z'); time += 20 * 60_000) {
        const at = new Date(time);
        expect(getStudyDate(at)).toBe(referenceDate(at));
        // The counter that looks the offset up once a day agrees, every minute across a daylight saving switch.
        expect(getDay(time)).toBe(getStudyDayNumber(time));
        if (at.getTimezoneOffset() !== new Date(time + 20 * 60_000).getTimezoneOffset()) {
          for (let minute = time; minute < time + 20 * 60_000; minute += 60_000)
            expect(getDay(minute)).toBe(getStudyDayNumber(minute));
        }
        // Consecutive study days are one apart, even across 23- and 25-hour days.
        expect(countStudyDaysBetween(previous, at)).toBe(referenceDate(previous) === referenceDate(at) ? 0 : 1);
        previous = at;
      }
      expect(countStudyDaysBetween(first, new Date('2026-10-01T00:00:00Z'))).toBe(365);
    },
  );
});
