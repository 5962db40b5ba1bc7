import type { InterchangeRecord } from '../../model/interchange.js';
import { parseIsoTime } from '../jsonl/parse-iso-time.js';
import type { OrgFacts } from './org-facts.js';

/**
 * The organisation facts of interchange records that WeChat itself does not carry (units, creation
 * times), for the recorder that records their simulated play. Owners travel through the mock.
 */
export function simulationOrgMap(
  records: Iterable<InterchangeRecord>,
): Required<Omit<OrgFacts, 'ownerOverrides'>> {
  const org = {
    groupUnits: {} as Record<string, string>,
    contactUnits: {} as Record<string, string>,
    groupCreatedAt: {} as Record<string, number>,
  };
  for (const r of records) {
    if (r.kind === 'group') {
      if (r.unit) org.groupUnits[r.id] = r.unit;
      const created = r.createdAt ? parseIsoTime(r.createdAt) : undefined;
      if (created?.ok) org.groupCreatedAt[r.id] = created.time;
    } else if (r.kind === 'contact' && r.unit) {
      org.contactUnits[r.id] = r.unit;
    }
  }
  return org;
}
