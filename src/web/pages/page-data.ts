/**
 * What a page builder returns and a view renders: locale-free data (labels are keys the view
 * translates; strings from chats are raw and escaped by the view). Every table a page shows is
 * also its export (CSV/JSON), so exports and pages cannot disagree.
 */
export type PageName =
  | 'overview'
  | 'unit'
  | 'group'
  | 'notices'
  | 'recommendations'
  | 'members'
  | 'plan'
  | 'effects';

/**
 * How a cell is shown: share is 0..1 (shown as %), time is UTC ms (shown in the configured
 * timezone), enum is a key the view translates, text comes from chats or the store.
 */
export type CellKind = 'text' | 'number' | 'share' | 'time' | 'date' | 'enum' | 'week' | 'decimal';

/** null is "—": hidden (about fewer than minPeople people) or not applicable. */
export type Cell = string | number | null;

export interface Column {
  key: string;
  kind: CellKind;
  /** A literal heading (e.g. a week), instead of the translated key. */
  label?: string;
}

export interface Row {
  cells: Record<string, Cell>;
  /** Column key → link (path and query, without lang). */
  links?: Record<string, string>;
}

export interface Table {
  name: string;
  columns: Column[];
  rows: Row[];
}

export interface Kpi {
  key: string;
  kind: CellKind;
  value: Cell;
  /** Change against last week, same kind; null when unknown. */
  change?: number | null;
}

export interface ChartSeries {
  /** Translated by the view unless `label` is given (e.g. a unit's name). */
  key: string;
  label?: string;
  data: (number | null)[];
  type: 'bar' | 'line';
  stack?: string;
  /** Plotted on a 0–100% axis. */
  share?: boolean;
}

export interface ChartData {
  /** Also the key of its title. */
  id: string;
  kind: 'series' | 'heatmap';
  /** x-axis values (weeks, dates); for a heatmap the hours are implied. */
  categories: string[];
  series: ChartSeries[];
  /** heatmap: [ISO weekday − 1][hour] → messages. */
  matrix?: number[][];
}

/** Notes a page shows under its heading: keys with optional numbers. */
export interface Note {
  key: string;
  n?: number;
}

export interface PageData {
  page: PageName;
  week: string;
  /** The weeks the picker offers, newest first. */
  weeks: string[];
  timezone: string;
  /** The units the viewer is limited to, or null for all. */
  scope: string[] | null;
  minPeople: number;
  /** The subject of a unit or group page (a unit's or group's name), or null. */
  subject: string | null;
  /** The query that selects this page's subject and filters (exports repeat it), without week and lang. */
  query: Record<string, string>;
  kpis: Kpi[];
  charts: ChartData[];
  tables: Table[];
  notes: Note[];
  /** A link up from the subject (a group page's unit). */
  parent?: { label: string; href: string };
  /** Filter choices (the recommendations page). */
  filters?: Filter[];
}

/** A select of a filter form: options labelled by a key the view translates (`enumLabels`) or literally; null is "all". */
export interface Filter {
  name: string;
  value: string;
  enumLabels: boolean;
  options: { value: string; label: string | null }[];
}

/** Thrown by a page builder for a subject that does not exist or that the viewer may not see. */
export class PageNotFound extends Error {
  constructor() {
    super('not found');
    this.name = 'PageNotFound';
  }
}
