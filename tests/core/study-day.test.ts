import { describe, expect, it } from 'vitest';
import { getStudyDate, shiftDate } from '../../src/core/study-day.js';

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
