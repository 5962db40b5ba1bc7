import type { Locale } from './locale.js';

/** What the owner's weekly chart shows (src/render/render-week-chart.ts draws it). */
export interface WeekChartInput {
  week: string;
  /** Local dates (YYYY-MM-DD), one per day of the week. */
  days: string[];
  /** Messages per day (all of the owner's groups together). */
  messages: number[];
  /** Share of the day's messages sent outside working hours, 0..1; null on a day without messages. */
  offHoursShare: (number | null)[];
  /** Repeated copies of notices received per day. */
  duplicates: number[];
}

/**
 * A week chart to draw when its message is sent: the outbox keeps this (a few hundred bytes), not the
 * PNG, so that queueing every owner's digest costs about what one report costs (issue 16) and the
 * drawing is spread over the throttled sends. The same spec always draws the same PNG.
 */
export interface WeekChartSpec {
  input: WeekChartInput;
  locale: Locale;
}
