import type { Config } from '../config/schema.js';
import type { MemberGroup } from '../store/groups.js';
import type { Store } from '../store/store.js';

export type Role = 'supervisor' | 'owner' | 'member';

/**
 * Who a contact is to the bot. Roles add up: a supervisor may also own groups and be a member of
 * some. A contact with no role is a stranger (unknown to the configuration and to every roster).
 */
export interface Roles {
  contactId: string;
  roles: ReadonlySet<Role>;
  /** From config.org.supervisors; `units` empty means every unit. Null when not a supervisor. */
  supervisor: { units: readonly string[] } | null;
  /** Groups the contact owns: stored owner, unless config.org.ownerOverrides names someone else. */
  ownedGroupIds: readonly string[];
  /** Groups whose latest roster lists the contact, by name then id. */
  memberGroups: readonly MemberGroup[];
}

/**
 * Resolves a contact's roles from the configuration (supervisors, owner overrides) and the store
 * (owners as recorded, latest rosters). Read on every command: a role granted or taken away in the
 * store or the configuration applies to the next message.
 */
export function resolveRoles(store: Store, config: Config, contactId: string): Roles {
  const entry = config.org.supervisors.find((s) => s.id === contactId);
  const overrides = config.org.ownerOverrides;
  const owned = new Set(
    store.groups.ownedBy(contactId).filter((g) => (overrides[g] ?? contactId) === contactId),
  );
  for (const [groupId, ownerId] of Object.entries(overrides)) if (ownerId === contactId) owned.add(groupId);
  const memberGroups = store.groups.ofMember(contactId);
  const roles = new Set<Role>();
  if (entry) roles.add('supervisor');
  if (owned.size > 0) roles.add('owner');
  if (memberGroups.length > 0) roles.add('member');
  return {
    contactId,
    roles,
    supervisor: entry ? { units: [...entry.units] } : null,
    ownedGroupIds: [...owned].sort(),
    memberGroups,
  };
}

/** The owner of a group with the configured override applied. */
export function effectiveOwner(config: Config, groupId: string, storedOwnerId: string | null): string | null {
  return config.org.ownerOverrides[groupId] ?? storedOwnerId;
}
