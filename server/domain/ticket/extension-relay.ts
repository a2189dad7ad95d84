import type { Profile } from '../policy';
import type { Assignment, Order } from './order';
import type { TransitionState } from './transitions';

/**
 * The extension relay [tianjin-wuqing §21: 专线服务中心应及时将延期办结时限和原因上报市便民专线服务中心;
 * tianjin-urban §8(6): 由派件平台向市便民服务专线提出延期办理申请]: when the profile relays and the
 * order is held by a sub-platform (one that received it from the city platform and forwarded
 * it), a pending extension request is forwarded by that sub-platform and decided by the city.
 */
export function extensionRelayOf(
  profile: Profile,
  ticket: Pick<Order, 'pending_request' | 'platform_unit_id'>,
  assignments: readonly Pick<Assignment, 'unit_id' | 'status'>[],
  events: readonly { action: string }[],
): TransitionState['extensionRelay'] {
  const ext = profile.extension;
  if (!ext?.relayToCity || ticket.pending_request !== 'extension') return null;
  const held = ticket.platform_unit_id;
  const bySubPlatform = assignments.some((a) => a.unit_id === held && a.status === 'forwarded');
  if (!bySubPlatform) return null;
  let lastRequest = -1;
  events.forEach((e, i) => {
    if (e.action === 'request-extension') lastRequest = i;
  });
  const forwarded = events.slice(lastRequest + 1).some((e) => e.action === 'forward-extension');
  return { article: ext.article, forwarded };
}
