/** Local hour at which a study day begins, as in Anki: reviews just after midnight count for the day before. */
export const STUDY_DAY_START_HOUR = 4;

/** The moment the study day containing `now` began (local time). */
export function getStudyDayStart(now: Date): Date {
  const start = new Date(now);
  start.setHours(STUDY_DAY_START_HOUR, 0, 0, 0);
  if (start > now) start.setDate(start.getDate() - 1);
  return start;
}

/** The moment the study day containing `now` ends; setDate keeps 04:00 across DST changes. */
export function getStudyDayEnd(now: Date): Date {
  const end = getStudyDayStart(now);
  end.setDate(end.getDate() + 1);
  return end;
}

/** Whole study days from the one containing `earlier` to the one containing `later` (0 for the same study day). */
export function countStudyDaysBetween(earlier: Date, later: Date): number {
  // Rounded, so a day of 23 or 25 hours at a DST change still counts as one.
  return Math.round((getStudyDayStart(later).getTime() - getStudyDayStart(earlier).getTime()) / 86_400_000);
}

/** The local calendar date (`YYYY-MM-DD`) of the study day containing `at`: a review at 02:00 counts for the day before. */
export function getStudyDate(at: Date): string {
  const start = getStudyDayStart(at);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}`;
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`); calendar arithmetic, so no time zone can shift it. */
export function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}
