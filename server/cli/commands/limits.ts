/**
 * `civicline limits`: the stage deadlines of an order received at an instant under a profile.
 * The order is taken as dispatched on receipt. Stages that start later (the reply, closure) are
 * left out unless their instant is given (--replied, --closed). No database.
 */
import { renderExplanation } from '../../../common/deadline-text';
import type { Command } from 'commander';
import {
  sourceLevels,
  stageKeys,
  ticketTypes,
  urgencies,
  type SourceLevel,
  type TicketType,
  type Urgency,
} from '../../../common/enums';
import { formatInstantMs, parseInstantMs } from '../../domain/calendar/time';
import type { WorkCalendar } from '../../domain/calendar/work-calendar';
import type { Profile } from '../../domain/policy';
import type { SlaFacts, StageDeadlines } from '../../domain/sla';
import { cliCalendar } from './cli-calendar';

/** The engine, loaded on use so that other commands do not pay for it. */
async function engine() {
  const [{ getBuiltInProfile }, { computeDeadlines }] = await Promise.all([
    import('../../domain/policy'),
    import('../../domain/sla'),
  ]);
  return { getBuiltInProfile, computeDeadlines };
}

export interface LimitsQuery {
  received: string;
  type?: string;
  urgency?: string;
  level?: string;
  category?: string | null;
  complex?: boolean;
  emergencyDays?: number | null;
  accepted?: string | null;
  replied?: string | null;
  closed?: string | null;
}

function oneOf<T extends string>(
  what: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`unknown ${what} "${value}"; expected one of ${allowed.join(', ')}`);
}

/** Order facts for a limits query: arrival = dispatch = received. */
export function limitsFacts(q: LimitsQuery): SlaFacts {
  const received = new Date(parseInstantMs(q.received));
  const at = (s: string | null | undefined): Date | null => (s ? new Date(parseInstantMs(s)) : null);
  return {
    receivedAt: received,
    dispatchedAt: received,
    acceptedAt: at(q.accepted),
    repliedAt: at(q.replied),
    closedAt: at(q.closed),
    type: oneOf<TicketType>('type', q.type, ticketTypes, 'help'),
    urgency: oneOf<Urgency>('urgency', q.urgency, urgencies, 'normal'),
    level: oneOf<SourceLevel>('level', q.level, sourceLevels, 'city'),
    category: q.category ?? null,
    complex: q.complex ?? false,
    emergencyResultDays: q.emergencyDays ?? null,
    extensions: [],
    pauses: [],
  };
}

/** The printed object: stage deadlines, then yellowAt/redAt of the handling stage. */
export function limitsObject(
  d: StageDeadlines,
  explain = false,
): Record<string, string | Record<string, string>> {
  const out: Record<string, string | Record<string, string>> = {};
  const notes: Record<string, string> = {};
  for (const k of stageKeys) {
    // The order is taken as dispatched on receipt: its dispatch limit is met at once.
    if (k === 'dispatchBy') continue;
    const s = d[k];
    if (!s) continue;
    out[k] = formatInstantMs(s.dueAt.getTime());
    notes[k] = renderExplanation(s.explanation);
  }
  const h = d.handleBy;
  if (h?.warnAt) out.yellowAt = formatInstantMs(h.warnAt.getTime());
  if (h?.redAt) out.redAt = formatInstantMs(h.redAt.getTime());
  if (explain) out.explain = notes;
  return out;
}

type Engine = Awaited<ReturnType<typeof engine>>;

interface LimitsOptions {
  profile?: string;
  profileDir?: string;
  received?: string;
  type?: string;
  urgency?: string;
  level?: string;
  category?: string;
  complex?: boolean;
  emergencyDays?: string;
  accepted?: string;
  replied?: string;
  closed?: string;
  explain?: boolean;
  batch?: boolean;
  holidays?: string[];
}

async function resolveProfile(e: Engine, id: string, dir: string | undefined): Promise<Profile> {
  if (!dir) return e.getBuiltInProfile(id);
  const { loadProfiles } = await import('../../features/rules/profile-loader');
  const p = (await loadProfiles(dir)).find((x) => x.id === id);
  if (!p) return e.getBuiltInProfile(id);
  return p;
}

async function runBatch(
  e: Engine,
  profileId: string | undefined,
  dir: string | undefined,
  cal: WorkCalendar,
): Promise<number> {
  const cache = new Map<string, Profile>();
  let failed = 0;
  let rest = '';
  const lines: string[] = [];
  process.stdin.setEncoding('utf8');
  const handle = async (line: string): Promise<void> => {
    if (line.trim() === '') return;
    try {
      const q = JSON.parse(line) as LimitsQuery & { profile?: string };
      const id = q.profile ?? profileId;
      if (!id) throw new Error('no "profile" on the line and no --profile');
      let p = cache.get(id);
      if (!p) {
        p = await resolveProfile(e, id, dir);
        cache.set(id, p);
      }
      if (typeof q.received !== 'string') throw new Error('"received" must be an ISO 8601 string');
      lines.push(JSON.stringify(limitsObject(e.computeDeadlines(p, cal, limitsFacts(q)))));
    } catch (err) {
      failed++;
      lines.push(`error: ${err instanceof Error ? err.message : String(err)}`.replace(/[\r\n]+/g, ' '));
    }
  };
  for await (const chunk of process.stdin as AsyncIterable<string>) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const l of parts) await handle(l.replace(/\r$/, ''));
    if (lines.length > 0) {
      process.stdout.write(lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  await handle(rest);
  if (lines.length > 0) process.stdout.write(lines.join('\n') + '\n');
  if (failed > 0) process.stderr.write(`civicline limits: ${failed} line(s) failed\n`);
  return failed > 0 ? 1 : 0;
}

export function registerLimitsCommand(program: Command): void {
  program
    .command('limits')
    .description(
      'stage deadlines of an order received (and dispatched) at an instant, under a policy profile',
    )
    .option(
      '--profile <id>',
      'profile id: tianjin-wuqing, zibo-12345, tianjin-urban, beijing-miyun, shanghai-962200, or a site profile',
    )
    .option('--profile-dir <dir>', 'folder of site profile files (JSON/YAML)')
    .option(
      '--received <iso>',
      'arrival instant (ISO 8601); the order counts as dispatched at the same instant',
    )
    .option('--type <type>', `order type: ${ticketTypes.join(', ')}`, 'help')
    .option('--urgency <urgency>', `urgency: ${urgencies.join(', ')}`, 'normal')
    .option('--level <level>', `source level: ${sourceLevels.join(', ')}`, 'city')
    .option('--category <code>', 'problem category code (for category rules, e.g. heating)')
    .option('--complex', 'complex or difficult matter')
    .option(
      '--emergency-days <n>',
      'emergency result limit set by the dispatcher (zibo-12345 §13: 1-3, default 3)',
    )
    .option('--accepted <iso>', "the unit's sign-for instant, for limits counted from acceptance")
    .option('--replied <iso>', 'reply instant, for limits counted from the reply (callback)')
    .option('--closed <iso>', 'closure instant, for limits counted from closure (callback)')
    .option('--explain', 'add an "explain" object with how each deadline was computed')
    .option(
      '--holidays <file...>',
      'extra schedule files (holiday-cn year JSON), e.g. a newly published year',
    )
    .option(
      '--batch',
      'read JSON lines {"profile","received","type","urgency","level",…} on stdin; print one JSON object per line',
    )
    .action(async (opts: LimitsOptions) => {
      const e = await engine();
      const cal = await cliCalendar(opts.holidays);
      if (opts.batch) {
        process.exitCode = await runBatch(e, opts.profile, opts.profileDir, cal);
        return;
      }
      if (!opts.profile) throw new Error('limits needs --profile ID');
      if (!opts.received) throw new Error('limits needs --received ISO');
      const profile = await resolveProfile(e, opts.profile, opts.profileDir);
      let emergencyDays: number | null = null;
      if (opts.emergencyDays !== undefined) {
        emergencyDays = Number(opts.emergencyDays);
        if (!Number.isInteger(emergencyDays)) throw new Error('--emergency-days must be a whole number');
      }
      const d = e.computeDeadlines(
        profile,
        cal,
        limitsFacts({
          received: opts.received,
          type: opts.type,
          urgency: opts.urgency,
          level: opts.level,
          category: opts.category ?? null,
          complex: opts.complex ?? false,
          emergencyDays,
          accepted: opts.accepted ?? null,
          replied: opts.replied ?? null,
          closed: opts.closed ?? null,
        }),
      );
      process.stdout.write(`${JSON.stringify(limitsObject(d, opts.explain ?? false), null, 2)}\n`);
      process.exitCode = 0;
    });
}
