/**
 * Writes an organisation's groups and contacts as a roster file (roster.ts reads it): CSV with one row
 * per member, or YAML with `groups` and `contacts`.
 */
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';
import type { ContactRecord, GroupRecord } from '../../../../src/model/interchange.js';
import { csvLine } from './csv-line.js';

export function writeRoster(
  source: { groups: readonly GroupRecord[]; contacts: readonly ContactRecord[] },
  path: string,
  layout: 'csv' | 'yaml' = 'csv',
): void {
  const contacts = new Map(source.contacts.map((c) => [c.id, c]));
  if (layout === 'yaml') {
    const doc = {
      groups: source.groups.map((g) => ({
        id: g.id,
        name: g.name,
        ...(g.ownerId ? { owner: g.ownerId } : {}),
        ...(g.unit ? { unit: g.unit } : {}),
        ...(g.createdAt ? { createdAt: g.createdAt } : {}),
        members: g.memberIds,
      })),
      contacts: source.contacts.map((c) => ({ id: c.id, name: c.name, ...(c.unit ? { unit: c.unit } : {}) })),
    };
    writeFileSync(path, stringify(doc));
    return;
  }
  let text = csvLine([
    'group_id',
    'group_name',
    'owner_id',
    'unit',
    'created_at',
    'member_id',
    'member_name',
    'member_unit',
  ]);
  for (const g of source.groups) {
    const group = [g.id, g.name, g.ownerId, g.unit, g.createdAt];
    if (g.memberIds.length === 0) text += csvLine([...group, '', '', '']);
    for (const id of g.memberIds) {
      const c = contacts.get(id);
      text += csvLine([...group, id, c?.name, c?.unit]);
    }
  }
  writeFileSync(path, text);
}
