import type { Db } from '../../platform/db';
import type { Trx } from '../tickets/tickets.repository';
import { insertUnit } from '../org/org.repository';
import { listImportUnits } from './import.repository';

export interface UnitInfo {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: string;
  isPlatform: boolean;
  active: boolean;
}

/**
 * The installation's units in memory (a city has hundreds, not millions): lookups by id and
 * code, and creation of the unit codes a history names that do not exist yet — as departments
 * under the hotline center (docs/decisions/0004-history-import.md).
 */
export class UnitDirectory {
  private readonly byId = new Map<number, UnitInfo>();
  private readonly byCode = new Map<string, UnitInfo>();
  readonly created: UnitInfo[] = [];

  private constructor(
    units: UnitInfo[],
    readonly center: UnitInfo,
  ) {
    for (const u of units) this.add(u);
  }

  static async load(db: Trx): Promise<UnitDirectory> {
    const units = await listImportUnits(db);
    const center = units.find((u) => u.kind === 'center' && u.isPlatform);
    if (!center) throw new Error('no hotline center unit: the installation is not initialised');
    return new UnitDirectory(units, center);
  }

  private add(u: UnitInfo) {
    this.byId.set(u.id, u);
    this.byCode.set(u.code, u);
  }

  get(id: number): UnitInfo | undefined {
    return this.byId.get(id);
  }

  byCodeOf(code: string): UnitInfo | undefined {
    return this.byCode.get(code);
  }

  /** The unit with this code, created under the center (kind department) when missing. */
  async ensure(db: Db, code: string): Promise<UnitInfo> {
    const known = this.byCode.get(code);
    if (known) return known;
    const { id, path } = await insertUnit(db, {
      code,
      name: code,
      kind: 'department',
      parentId: this.center.id,
    });
    const u: UnitInfo = { id, code, name: code, path, kind: 'department', isPlatform: false, active: true };
    this.add(u);
    this.created.push(u);
    return u;
  }

  /** Parent of a unit, from its materialised path (`/1/5/12/`). */
  parent(u: UnitInfo): UnitInfo | undefined {
    const ids = u.path.split('/').filter(Boolean).map(Number);
    const parentId = ids[ids.length - 2];
    return parentId === undefined ? undefined : this.byId.get(parentId);
  }

  /** Is `u` inside `ancestor`'s subtree (itself excluded)? */
  isBelow(u: UnitInfo, ancestor: UnitInfo): boolean {
    return u.id !== ancestor.id && u.path.startsWith(ancestor.path);
  }
}
