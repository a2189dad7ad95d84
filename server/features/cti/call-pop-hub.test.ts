import { describe, expect, it } from 'vitest';
import type { CallPop } from '../../../common/contracts/cti';
import type { AppContext } from '../../platform/context';
import { createLogger } from '../../platform/logger';
import { createCallPopHub } from './call-pop-hub';

const pop = (callId: string): CallPop => ({
  callId,
  caller: null,
  queue: null,
  answeredAt: '2026-12-07T01:00:00.000Z',
});

/** In one process (the embedded database): pops go to the answering agent's streams only. */
describe('screen pop hub, in-process', () => {
  it('delivers to every stream of the user, to no one else, until unsubscribed; a failing stream does not stop the others', async () => {
    const hub = createCallPopHub({ logger: createLogger('silent') } as unknown as AppContext);
    const got: string[] = [];
    const stopA = hub.subscribe(1, (p) => got.push(`a:${p.callId}`));
    hub.subscribe(1, () => {
      throw new Error('a broken stream');
    });
    hub.subscribe(1, (p) => got.push(`b:${p.callId}`));
    hub.subscribe(2, (p) => got.push(`other:${p.callId}`));
    expect(hub.listeners()).toBe(4);
    await hub.publish(1, pop('c1'));
    stopA();
    await hub.publish(1, pop('c2'));
    await hub.publish(3, pop('c3'));
    expect(got).toEqual(['a:c1', 'b:c1', 'b:c2']);
    await hub.close();
    expect(hub.listeners()).toBe(0);
  });
});
