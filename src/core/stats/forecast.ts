import type { CardState } from '../schedule/scheduler.js';
import { createStudyDayCounter, formatStudyDayNumber, getStudyDayNumber } from '../schedule/study-day.js';

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
  const today = getStudyDayNumber(now.getTime());
  const forecast = Array.from({ length: days }, (_, index) => ({ date: formatStudyDayNumber(today + index), due: 0 }));
  const getDay = createStudyDayCounter();
  for (const state of states) {
    const day = forecast[Math.max(0, getDay(state.fsrs.due.getTime()) - today)];
    if (day) day.due += 1;
  }
  return forecast;
}
