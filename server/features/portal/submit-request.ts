import { createHash } from 'node:crypto';
import { createTicketBody } from '../../../common/contracts/tickets';
import type { PublicRequestBody } from '../../../common/contracts/portal';
import { formatDay, localDay } from '../../domain/calendar';
import { screenOutOfScope } from '../../domain/classify/screen';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import { findSimilarOrders } from '../similar/find-similar';
import { recordIntake } from '../tickets/create-ticket';
import { unitActor } from '../tickets/standing';
import { checkSubmission } from './challenge';
import { centerUnit } from '../org/org.repository';
import { returnPhoneQuota, takePhoneQuota } from './portal.repository';

/** A phone number as counted for the daily limit: its digits, without a +86/0086 prefix. */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '').replace(/^(?:0086|86)(?=1\d{10}$)/, '');
  return createHash('sha256').update(`portal-phone:${digits}`).digest('hex');
}

/**
 * A citizen's request from the portal (channel `web`). After the bot check and the phone's daily
 * limit, it enters the center's intake through the desk's own path (recordIntake: the repeat-call
 * supervision, the tracking code, the intake message). What a clerk would see at the desk is
 * screened the same way and recorded on the intake event for the dispatcher, who decides: a matter
 * the profile lists as out of scope (`intake.outOfScope`, also told to the citizen) and the
 * orders on the same matter (重复件) to merge.
 */
export async function submitPublicRequest(ctx: AppContext, body: PublicRequestBody, ip: string) {
  await checkSubmission(ctx, body.altcha, ip);
  const now = ctx.clock.now();
  const day = formatDay(localDay(now));
  const phoneHash = phoneKey(body.phone);
  const count = await takePhoneQuota(ctx.db, phoneHash, day, ctx.env.CIVICLINE_PORTAL_PHONE_DAILY);
  if (count === null) {
    throw new AppError(
      'PHONE_DAILY_LIMIT',
      `同一电话号码每天最多通过网站提交 ${ctx.env.CIVICLINE_PORTAL_PHONE_DAILY} 件诉求，请明天再试或拨打 12345`,
    );
  }
  try {
    const outOfScope = screenOutOfScope(body.content, ctx.rules.profile.intake);
    const center = await centerUnit(ctx.db);
    let repeats: { ticketNo: string; likelyDuplicate: boolean }[] = [];
    try {
      const similar = await findSimilarOrders(
        ctx.db,
        await unitActor(ctx.db, center.id, 'dispatcher'),
        { content: body.content, location: body.location ?? null, callerPhone: body.phone },
        { limit: 5, now },
      );
      repeats = similar.map((s) => ({ ticketNo: s.ticketNo, likelyDuplicate: s.likelyDuplicate }));
    } catch (e) {
      // As at the desk, the look-up for repeats never blocks the intake.
      ctx.logger.warn({ err: e }, 'similar orders unavailable');
    }
    const order = createTicketBody.parse({
      channel: 'web',
      type: body.type,
      content: body.content,
      caller: {
        ...(body.name ? { name: body.name } : {}),
        phone: body.phone,
        confidential: body.confidential ?? false,
      },
      location: body.location ? { address: body.location } : {},
    });
    const screening = {
      ...(outOfScope
        ? {
            outOfScope: {
              matter: outOfScope.matter,
              channel: outOfScope.channel,
              article: outOfScope.article,
            },
          }
        : {}),
      ...(repeats.length > 0 ? { repeats } : {}),
    };
    const created = await recordIntake(
      ctx,
      { id: null, unitId: null, party: 'citizen', note: Object.keys(screening).length ? { screening } : {} },
      order,
    );
    return {
      ticketNo: created.ticketNo,
      trackingCode: created.trackingCode,
      notice: outOfScope
        ? `您反映的事项可能属于“${outOfScope.matter}”，一般不由热线受理，建议通过${outOfScope.channel}办理；热线中心将审核后告知您处理结果。`
        : null,
    };
  } catch (e) {
    await returnPhoneQuota(ctx.db, phoneHash, day).catch(() => undefined);
    throw e;
  }
}
