/**
 * Dates and times as Chinese notices write them: 11月20日（星期四）下午2:30, 本周五, 今天16:00.
 * All inputs are UTC ms and are read in Asia/Shanghai.
 */
import { localParts } from './sim-clock.js';

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** 11月20日 */
export function cnDate(ms: number): string {
  const p = localParts(ms);
  return `${p.month}月${p.day}日`;
}

/** 星期四 */
export function cnWeekday(ms: number): string {
  return `星期${WEEKDAYS[localParts(ms).weekday - 1]}`;
}

/** 周四 */
export function cnShortWeekday(ms: number): string {
  return `周${WEEKDAYS[localParts(ms).weekday - 1]}`;
}

/** 2026年11月17日 (a sign-off date line) */
export function cnFullDate(ms: number): string {
  const p = localParts(ms);
  return `${p.year}年${p.month}月${p.day}日`;
}

/** 上午9:30 / 下午2:30 from minutes of the day (12-hour form, as notices write it). */
export function cnClock(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  const half = h < 12 ? '上午' : '下午';
  const h12 = h > 12 ? h - 12 : h;
  return `${half}${h12}:${String(m).padStart(2, '0')}`;
}

/** 16:00 (24-hour form). */
export function clock24(minuteOfDay: number): string {
  return `${Math.floor(minuteOfDay / 60)}:${String(minuteOfDay % 60).padStart(2, '0')}`;
}
