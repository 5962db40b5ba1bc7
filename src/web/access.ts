/**
 * What one logged-in supervisor may see: every unit, or only some. Groups are seen through their
 * unit (the source's, else config.org.groupUnits); a group without a unit is seen only by
 * supervisors of every unit.
 */
export interface Access {
  supervisorId: string;
  /** null: every unit. */
  units: ReadonlySet<string> | null;
}

export function canSeeUnit(access: Access, unit: string | null): boolean {
  return access.units === null || (unit !== null && access.units.has(unit));
}

/** The units an access is limited to, sorted, or null for all: the key caches of scoped figures use. */
export function accessScope(access: Access): string[] | null {
  return access.units === null ? null : [...access.units].sort();
}
