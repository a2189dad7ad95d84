/** The intake form as the agent types it (flat), kept in localStorage so a reload loses nothing. */
export interface IntakeValues {
  callerName?: string;
  callerPhone?: string;
  callerAddress?: string;
  confidential?: boolean;
  channel?: string;
  type?: string;
  category?: string;
  urgency?: string;
  level?: string;
  region?: string;
  locationAddress?: string;
  content?: string;
  demand?: string;
  disposition?: 'order' | 'direct-answer' | 'not-accepted';
  answer?: string;
  notAcceptedReason?: string;
  suggestedChannel?: string;
  knowledgeArticleId?: number;
  knowledgeArticleTitle?: string;
  complainedUnitId?: number;
  complainedPerson?: string;
  serviceNumberId?: number;
  numberComplaintKind?: string;
  /** The telephone system's call id, from a screen pop. */
  callId?: string;
}

export const intakeDefaults: IntakeValues = {
  channel: 'phone',
  type: 'consult',
  urgency: 'normal',
  level: 'city',
  confidential: false,
  disposition: 'order',
};

const key = (userId: number) => `civicline.intake.draft.${userId}`;

export function loadDraft(userId: number): IntakeValues | null {
  try {
    const raw = localStorage.getItem(key(userId));
    if (!raw) return null;
    const v = JSON.parse(raw) as unknown;
    return v && typeof v === 'object' ? v : null;
  } catch {
    return null;
  }
}

export function saveDraft(userId: number, v: IntakeValues): void {
  try {
    localStorage.setItem(key(userId), JSON.stringify(v));
  } catch {
    // Storage full or disabled: the form still works, only the reload safety is lost.
  }
}

export function clearDraft(userId: number): void {
  try {
    localStorage.removeItem(key(userId));
  } catch {
    // ignore
  }
}

/** Whether anything was typed beyond the defaults. */
export function hasContent(v: IntakeValues): boolean {
  return Object.entries(v).some(([k, x]) => {
    if (x === undefined || x === null || x === '') return false;
    return (intakeDefaults as Record<string, unknown>)[k] !== x;
  });
}

/** The body of POST /api/tickets (validated with the shared contract before sending). */
export function toCreateBody(v: IntakeValues): Record<string, unknown> {
  const s = (x: string | undefined) => (x && x.trim() ? x.trim() : undefined);
  const disposition = v.disposition ?? 'order';
  return {
    channel: v.channel ?? 'phone',
    type: v.type,
    category: s(v.category),
    urgency: v.urgency ?? 'normal',
    level: v.level ?? 'city',
    caller: {
      name: s(v.callerName),
      phone: s(v.callerPhone),
      address: s(v.callerAddress),
      confidential: v.confidential ?? false,
    },
    location: { address: s(v.locationAddress), region: s(v.region) },
    content: v.content ?? '',
    demand: s(v.demand),
    disposition,
    ...(v.callId ? { callId: v.callId } : {}),
    ...(v.type === 'complaint' || v.type === 'report'
      ? { complainedUnitId: v.complainedUnitId ?? undefined, complainedPerson: s(v.complainedPerson) }
      : {}),
    ...(v.type === 'complaint' && v.serviceNumberId && v.numberComplaintKind
      ? { serviceNumberId: v.serviceNumberId, numberComplaintKind: v.numberComplaintKind }
      : {}),
    ...(disposition === 'direct-answer'
      ? { answer: s(v.answer), knowledgeArticleId: v.knowledgeArticleId }
      : {}),
    ...(disposition === 'not-accepted'
      ? { notAcceptedReason: s(v.notAcceptedReason), suggestedChannel: s(v.suggestedChannel) }
      : {}),
  };
}

/** Form field of a contract issue path (caller.phone → callerPhone …). */
export function fieldOfIssue(path: readonly PropertyKey[]): keyof IntakeValues | null {
  const p = path.map(String).join('.');
  const map: Record<string, keyof IntakeValues> = {
    'caller.name': 'callerName',
    'caller.phone': 'callerPhone',
    'caller.address': 'callerAddress',
    'location.address': 'locationAddress',
    'location.region': 'region',
    content: 'content',
    demand: 'demand',
    answer: 'answer',
    notAcceptedReason: 'notAcceptedReason',
    suggestedChannel: 'suggestedChannel',
    type: 'type',
    category: 'category',
    complainedUnitId: 'complainedUnitId',
    complainedPerson: 'complainedPerson',
    serviceNumberId: 'serviceNumberId',
    numberComplaintKind: 'numberComplaintKind',
  };
  return map[p] ?? null;
}
