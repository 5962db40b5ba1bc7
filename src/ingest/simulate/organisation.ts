/**
 * The simulated organisation: one or more towns (镇), each with its leadership (领导班子), offices,
 * communities and villages (社区/村), the cadres working in them and their work groups. Built once
 * per seed by `buildOrganisation`; the traffic generators only read it.
 */

/** What a group is mostly about; decides which notices reach it. */
export type Topic =
  | 'general'
  | 'party'
  | 'safety'
  | 'civility'
  | 'stability'
  | 'economy'
  | 'social'
  | 'construction'
  | 'office'
  | 'publicity'
  | 'rural'
  | 'community';

export type CadreRole = 'leader' | 'head' | 'deputy' | 'staff' | 'grid';

export interface Cadre {
  /** Contact id, `u-0001`; never contains '@'. */
  id: string;
  name: string;
  /** Unit as written in the contact record: 领导班子, 党政办, 东湖社区 (prefixed with the town when several). */
  unit: string;
  /** The unit's short name, the same in every town. */
  unitKey: string;
  role: CadreRole;
  /** How colleagues address this person: 王书记, 李主任, 小张. */
  address: string;
}

export interface Unit {
  key: string;
  label: string;
  kind: 'leadership' | 'office' | 'community';
  head: Cadre;
  members: Cadre[];
}

export interface SimGroup {
  /** Room id, `g-dangjian@chatroom`; always contains '@'. */
  id: string;
  name: string;
  unit: string;
  owner: Cadre;
  members: Cadre[];
  memberIds: ReadonlySet<string>;
  /** Members whose unit is the leadership. */
  leaders: Cadre[];
  /** UTC epoch ms. */
  createdAt: number;
  topics: readonly Topic[];
  /** Relative share of ordinary conversation; 0 for zombie groups. */
  activity: number;
  /** Planted: not a single human message during the simulation. */
  zombie: boolean;
  /** Planted merge candidate: the group with the near-identical roster that gets the same notices. */
  twinId: string | null;
  /** Planted relay: every notice posted here also reaches all members in this (host) group. */
  hostId: string | null;
  /** The community or village this group serves, if any. */
  community: Unit | null;
}

export interface Town {
  index: number;
  /** 新浜镇 */
  name: string;
  leaders: Cadre[];
  units: Map<string, Unit>;
  communities: Unit[];
  cadres: Cadre[];
  groups: SimGroup[];
}

export interface Organisation {
  towns: Town[];
  cadres: Cadre[];
  groups: SimGroup[];
  groupById: Map<string, SimGroup>;
}
