import type { WorkCalendar } from '../calendar/work-calendar.js';
import type { Config } from '../config/schema.js';
import type { WeekData } from './week-data.js';

/** What every detector receives. Pure input: the same context always yields the same findings. */
export interface DetectorContext {
  data: WeekData;
  config: Config;
  calendar: WorkCalendar;
}

/**
 * One analysis block. `run` is a pure function of the context and of the findings of the detectors
 * listed before it in the registry (src/analysis/registry.ts), which it may read by name.
 */
export interface Detector<Name extends string = string, Finding = unknown> {
  name: Name;
  run(ctx: DetectorContext, earlier: Readonly<Record<string, unknown>>): Finding;
}
