import type { CardState } from './schedule.js';
import { countStudyDaysBetween, getStudyDate, shiftDate } from './study-day.js';

/** Cards falling due on one study day. */
export interface DayDue {
  /** The study day's local date, `YYYY-MM-DD`. */
  date: string;
  due: number;
}

/** Study days the forecast covers, today included. */
export const FORECAST_DAYS = 30;

/** Cards coming due per study day from today on; overdue cards count on today, new cards on no day. */
export function computeForecast(states: Iterable<CardState>, now: Date, days = FORECAST_DAYS): DayDue[] {
  const today = getStudyDate(now);
  const forecast = Array.from({ length: days }, (_, index) => ({ date: shiftDate(today, index), due: 0 }));
  for (const state of states) {
    const day = forecast[Math.max(0, countStudyDaysBetween(now, state.fsrs.due))];
    if (day) day.due += 1;
  }
  return forecast;
}
