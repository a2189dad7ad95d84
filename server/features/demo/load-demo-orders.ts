import type { ActionName } from '../../../common/contracts/tickets';
import { createTicketBody } from '../../../common/contracts/tickets';
import { TestClock } from '../../platform/clock';
import { withClock, type AppContext } from '../../platform/context';
import type { SessionUser } from '../../platform/http';
import type { Role } from '../../../common/enums';
import { createTicket } from '../tickets/create-ticket';
import { parseActionPayload, performActionIn } from '../tickets/perform-action';
import { unitActor, type Actor } from '../tickets/standing';
import {
  districtPlaces,
  givenNames,
  requestTemplates,
  surnames,
  type RequestTemplate,
} from './demo-requests';
import { seededRandom as rng } from '../../../common/seeded-random';

const HOUR = 3_600_000;
const stages = ['created', 'dispatched', 'accepted', 'replied', 'approved', 'callback'] as const;

/**
 * Orders of the demo city: realistic requests driven through the real use cases, spread over the
 * last four weeks, so every desk has work in every state (some overdue). Runs on an empty
 * ticket table only.
 */
export async function loadDemoOrders(ctx: AppContext, count: number, seed = 20261122): Promise<number> {
  const any = await ctx.db.selectFrom('ticket').select('id').limit(1).executeTakeFirst();
  if (any || count <= 0) return 0;
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const units = await ctx.db
    .selectFrom('org_unit')
    .select(['id', 'code', 'kind', 'parent_id', 'region', 'duty_categories', 'is_platform'])
    .execute();
  const byCode = new Map(units.map((u) => [u.code, u]));
  const users = await ctx.db
    .selectFrom('app_user')
    .select(['id', 'username', 'display_name', 'role', 'unit_id'])
    .execute();
  const session = (username: string): SessionUser => {
    const u = users.find((x) => x.username === username);
    if (!u) throw new Error(`demo user ${username} missing`);
    return {
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      role: u.role as Role,
      unitId: u.unit_id,
      sessionId: 0,
    };
  };
  const agent = session('agent');
  const realNow = ctx.clock.now().getTime();
  let made = 0;

  for (let i = 0; i < count; i++) {
    const tpl: RequestTemplate = pick(requestTemplates);
    const region = pick(Object.keys(districtPlaces));
    const place = pick(districtPlaces[region] ?? ['']);
    const ageDays = Math.floor(random() * 28);
    let t = realNow - ageDays * 24 * HOUR - Math.floor(random() * 10) * HOUR;
    const clock = new TestClock(new Date(t));
    const c = withClock(ctx, clock);
    const advance = (hours: number): boolean => {
      t += hours * HOUR;
      if (t >= realNow) return false;
      clock.set(new Date(t));
      return true;
    };
    const direct = tpl.type === 'consult' && random() < 0.6;
    const body = createTicketBody.parse({
      channel: pick(['phone', 'phone', 'phone', 'wechat', 'web', 'app']),
      type: tpl.type,
      category: tpl.category,
      urgency: random() < 0.06 ? 'urgent' : 'normal',
      caller: {
        name: pick(surnames) + pick(givenNames),
        phone: `1${pick(['38', '39', '58', '86', '35'])}${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
        address: `云川市${region}${place}${1 + Math.floor(random() * 120)}号`,
        confidential: tpl.type === 'report' && random() < 0.5,
      },
      location: { address: `${region}${place}`, region },
      content: tpl.content.replaceAll('{place}', `${region}${place}`),
      demand: tpl.demand,
      ...(direct ? { disposition: 'direct-answer', answer: tpl.reply } : {}),
    });
    const id = await createTicket(c, agent, body);
    made++;
    if (direct) continue;

    // How far this order has come: older orders are further along.
    const target = Math.min(stages.length - 1, Math.floor((ageDays / 28) * stages.length + random() * 2.5));
    const act = async (
      actor: Actor | null,
      action: ActionName,
      payload: Record<string, unknown>,
      hours: number,
    ) => {
      if (!advance(hours)) return false;
      await c.db
        .transaction()
        .execute((trx) =>
          performActionIn(c, trx, actor, id, action, parseActionPayload(action, payload), { quiet: true }),
        );
      return true;
    };
    const platform = await unitActor(ctx.db, (byCode.get('YC-12345') ?? units[0])?.id ?? 0, 'dispatcher');
    const lead = chooseUnit(tpl.category, region, units, byCode, pick);
    if (target < 1 || !lead) continue;
    if (!(await act(platform, 'dispatch', { unitId: lead.dispatchTo }, 0.5 + random() * 3))) continue;
    let handlerUnit = lead.dispatchTo;
    if (lead.forwardTo) {
      const sub = await unitActor(ctx.db, lead.dispatchTo, 'dispatcher');
      if (!(await act(sub, 'dispatch', { unitId: lead.forwardTo }, 1 + random() * 4))) continue;
      handlerUnit = lead.forwardTo;
    }
    const unit = await unitActor(ctx.db, handlerUnit, 'handler');
    if (target < 2) continue;
    if (!(await act(unit, 'accept', {}, 0.5 + random() * 5))) continue;
    if (
      !(await act(unit, 'record-contact', { note: '已电话联系诉求人，了解具体情况' }, 0.5 + random() * 6))
    ) {
      continue;
    }
    // Extensions only where the active profile provides them, within its longest term.
    const extension = ctx.rules.profile.extension;
    if (extension && random() < 0.08) {
      const workingDays = Math.min(3, extension.maxWorkingDays ?? 3);
      if (
        !(await act(
          unit,
          'request-extension',
          { workingDays, reason: '需现场核查并协调相关单位' },
          20 + random() * 30,
        ))
      ) {
        continue;
      }
      if (!(await act(platform, 'approve-extension', {}, 1 + random() * 4))) continue;
    }
    if (target < 3) continue;
    const late = random() < 0.1 ? 24 * 6 : 0;
    if (!(await act(unit, 'reply', { result: tpl.reply, contacted: true }, 24 + random() * 72 + late))) {
      continue;
    }
    if (target < 4) continue;
    if (!(await act(platform, 'approve-reply', {}, 1 + random() * 8))) continue;
    if (target < 5) continue;
    const r = random();
    const result = r < 0.8 ? 'satisfied' : r < 0.9 ? 'basically-satisfied' : 'unsatisfied';
    const callbackActor = await unitActor(ctx.db, platform.unit.id, 'callback');
    await act(
      callbackActor,
      'record-callback',
      {
        reached: true,
        contactedByUnit: random() < 0.95,
        processSatisfaction: result === 'unsatisfied' ? 'basically-satisfied' : 'satisfied',
        resultSatisfaction: result,
      },
      2 + random() * 20,
    );
  }
  return made;
}

function chooseUnit(
  category: string,
  region: string,
  units: {
    id: number;
    code: string;
    kind: string;
    parent_id: number | null;
    region: string | null;
    duty_categories: string[];
    is_platform: boolean;
  }[],
  byCode: Map<string, { id: number }>,
  pick: <T>(xs: readonly T[]) => T,
): { dispatchTo: number; forwardTo?: number } | null {
  const matches = (u: { duty_categories: string[] }) => u.duty_categories.some((d) => category.startsWith(d));
  // Street-level matters (城市管理) go to the district platform, which forwards to its street or town.
  if (category.startsWith('06')) {
    const sub = units.find((u) => u.kind === 'sub-platform' && u.region === region);
    const local = units.filter((u) => u.parent_id === sub?.id && matches(u));
    if (sub && local.length) return { dispatchTo: sub.id, forwardTo: pick(local).id };
  }
  const city = units.filter((u) => matches(u) && u.kind !== 'sub-unit' && !u.region);
  if (city.length) return { dispatchTo: pick(city).id };
  const fallback = byCode.get('YC-ZWB');
  return fallback ? { dispatchTo: fallback.id } : null;
}
