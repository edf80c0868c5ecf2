import { STUDY_DAY_START_HOUR } from '../core/schedule/study-day.js';

const DAY = 86_400_000;

/** A short span for people: `5m`, `3h`, `4d`, `2.5mo`, `1.2y`. */
export function formatSpan(ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 60) return `${minutes}m`;
  if (minutes < 24 * 60) return `${Math.round(minutes / 60)}h`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trimDecimal(days / 30)}mo`;
  return `${trimDecimal(days / 365)}y`;
}

function trimDecimal(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** When `due` comes relative to `now`: `now`, `in 3d`, or `2d ago`. */
export function formatDue(due: Date, now: Date): string {
  const ms = due.getTime() - now.getTime();
  if (Math.abs(ms) < 60_000) return 'now';
  return ms > 0 ? `in ${formatSpan(ms)}` : `${formatSpan(-ms)} ago`;
}

/** The start of a study day as a learner reads it: `Sat 5 Dec, from 04:00`. */
export function formatStudyDayStart(start: Date): string {
  const day = start.toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
  return `${day}, from ${String(STUDY_DAY_START_HOUR).padStart(2, '0')}:00`;
}

/** Seconds as `42s`, `3m 05s` or `2h 07m`. */
export function formatSeconds(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole < 60) return `${whole}s`;
  if (whole < 3600) return `${Math.floor(whole / 60)}m ${String(whole % 60).padStart(2, '0')}s`;
  return `${Math.floor(whole / 3600)}h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')}m`;
}

/** A local date and time as `2026-12-03 14:05`: sortable, and the same width for every review. */
export function formatDateTime(at: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${pad(at.getHours())}:${pad(at.getMinutes())}`;
}
