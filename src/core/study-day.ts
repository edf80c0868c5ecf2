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
