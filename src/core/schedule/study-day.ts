/** Local hour at which a study day begins, as in Anki: reviews just after midnight count for the day before. */
export const STUDY_DAY_START_HOUR = 4;

const DAY_MS = 86_400_000;
const START_MS = STUDY_DAY_START_HOUR * 3_600_000;

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

/**
 * The study day containing the instant `at` (ms), as the number of days from 1970-01-01 to its local date. Plain
 * arithmetic on the local clock's reading, with no date object kept; `createStudyDayCounter` for many instants.
 */
export function getStudyDayNumber(at: number): number {
  return toStudyDayNumber(at, getLocalOffsetMs(at));
}

/**
 * `getStudyDayNumber` for the many instants of one computation (every review in the log): the local clock's offset is
 * looked up once per UTC day, and per instant only on a day it changes on (a daylight saving switch). Made anew for
 * each computation, so a change of time zone while the program runs is seen by the next one.
 */
export function createStudyDayCounter(): (at: number) => number {
  // null: the offset is not the same all day.
  const offsetByUtcDay = new Map<number, number | null>();
  return (at) => {
    const utcDay = Math.floor(at / DAY_MS);
    let offset = offsetByUtcDay.get(utcDay);
    if (offset === undefined) {
      const first = getLocalOffsetMs(utcDay * DAY_MS);
      offset = first === getLocalOffsetMs((utcDay + 1) * DAY_MS - 1) ? first : null;
      offsetByUtcDay.set(utcDay, offset);
    }
    return toStudyDayNumber(at, offset ?? getLocalOffsetMs(at));
  };
}

/** How far the local clock is ahead of UTC at the instant `at`, in ms. */
function getLocalOffsetMs(at: number): number {
  return -new Date(at).getTimezoneOffset() * 60_000;
}

function toStudyDayNumber(at: number, localOffsetMs: number): number {
  return Math.floor((at + localOffsetMs - START_MS) / DAY_MS);
}

/** The calendar date (`YYYY-MM-DD`) of a study day number. */
export function formatStudyDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Whole study days from the one containing `earlier` to the one containing `later` (0 for the same study day). */
export function countStudyDaysBetween(earlier: Date, later: Date): number {
  // Calendar days, so a day of 23 or 25 hours at a DST change still counts as one.
  return getStudyDayNumber(later.getTime()) - getStudyDayNumber(earlier.getTime());
}

/** The local calendar date (`YYYY-MM-DD`) of the study day containing `at`: a review at 02:00 counts for the day before. */
export function getStudyDate(at: Date): string {
  return formatStudyDayNumber(getStudyDayNumber(at.getTime()));
}

/** The calendar date `days` after `date` (both `YYYY-MM-DD`); calendar arithmetic, so no time zone can shift it. */
export function shiftDate(date: string, days: number): string {
  const shifted = new Date(`${date}T00:00:00Z`);
  shifted.setUTCDate(shifted.getUTCDate() + days);
  return shifted.toISOString().slice(0, 10);
}
