import type { StoredWeekAnalysis } from '../../analysis/analyse-stored-week.js';
import type { GroupVolume } from '../../analysis/volume.js';
import type { WorkCalendar } from '../../calendar/work-calendar.js';
import type { Group } from '../../model/group.js';
import type { StoredMessage } from '../../model/message.js';

/** One analysed week, indexed for the pages. Built once per week and cached (DashboardSource). */
export interface WeekView {
  week: string;
  analysis: StoredWeekAnalysis;
  calendar: WorkCalendar;
  /** Groups seen before the end of the week. */
  groups: ReadonlyMap<string, Group>;
  /** Group id → unit as the dashboard counts it (the source's, else config.org.groupUnits), or null. */
  units: ReadonlyMap<string, string | null>;
  messages: ReadonlyMap<string, StoredMessage>;
  volume: ReadonlyMap<string, GroupVolume>;
  // What is hidden depends on the viewer's scope: ask DashboardSource.plan(week, access).
}

export function buildWeekView(input: {
  analysis: StoredWeekAnalysis;
  calendar: WorkCalendar;
  groupUnits: Readonly<Record<string, string>>;
  minPeople: number;
}): WeekView {
  const { analysis } = input;
  const { data, findings } = analysis;
  const units = new Map(data.groups.map((g) => [g.id, g.unit ?? input.groupUnits[g.id] ?? null]));
  return {
    week: data.week,
    analysis,
    calendar: input.calendar,
    groups: new Map(data.groups.map((g) => [g.id, g])),
    units,
    messages: new Map(data.messages.map((m) => [m.id, m])),
    volume: new Map(findings.volume.groups.map((v) => [v.groupId, v])),
  };
}

/** Members of a group in the week (its latest snapshot before the week's end). */
export function memberCount(view: WeekView, groupId: string): number {
  return view.analysis.data.members.get(groupId)?.length ?? 0;
}
