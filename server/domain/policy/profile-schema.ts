/**
 * The policy profile: every time limit and rule of one hotline's regulation, as data.
 * Each rule cites the article it comes from (`article`, e.g. "zibo-12345 §11(3)").
 */
import { z } from 'zod';
import { limitRuleSet, receiveRuleSet, toMinutes, workingWindowSchema } from './limit-schema';
import {
  callbackSchema,
  emergencySchema,
  extensionSchema,
  intakeSchema,
  callsSchema,
  lightsSchema,
  messagesSchema,
  defaultMessages,
  satisfactionSchema,
  supervisionRulesSchema,
  unitWarningsSchema,
} from './section-schemas';

export * from './limit-schema';
export * from './section-schemas';

const clockSec = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/, 'expected HH:mm:ss');

export const profileSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
    name: z.string().min(1),
    version: z.string().min(1),
    regulation: z
      .object({
        title: z.string().min(1),
        issuer: z.string().min(1),
        date: z.string().min(1),
        docNo: z.string().optional(),
      })
      .strict()
      .optional(),
    timezone: z.literal('Asia/Shanghai').default('Asia/Shanghai'),
    endOfDay: clockSec.default('23:59:59'),
    /** Office hours on working days; needed by office-hours rules. */
    workingWindows: z.array(workingWindowSchema).default([]),
    limits: z
      .object({
        dispatch: limitRuleSet.optional(),
        receive: receiveRuleSet.optional(),
        firstContact: limitRuleSet.optional(),
        handle: limitRuleSet,
        return: limitRuleSet.optional(),
        /** Result reported back to the citizen, when separate from the handling limit. */
        feedback: limitRuleSet.optional(),
      })
      .strict(),
    extension: extensionSchema.nullable().default(null),
    callback: callbackSchema.nullable().default(null),
    emergency: emergencySchema.nullable().default(null),
    lights: lightsSchema.nullable().default(null),
    unitWarnings: unitWarningsSchema.nullable().default(null),
    supervision: supervisionRulesSchema.nullable().default(null),
    satisfaction: satisfactionSchema,
    messages: messagesSchema.default(defaultMessages),
    /** Intake screening: out-of-scope matters and emergency words (intake suggestions). */
    intake: intakeSchema.nullable().default(null),
    /** Targets for the call figures (telephone answering). */
    calls: callsSchema.nullable().default(null),
  })
  .strict()
  .superRefine((p, ctx) => {
    const ws = p.workingWindows;
    for (let i = 1; i < ws.length; i++) {
      const prev = ws[i - 1];
      const cur = ws[i];
      if (prev && cur && toMinutes(cur.from) < toMinutes(prev.to)) {
        ctx.addIssue({
          code: 'custom',
          message: 'working windows must be sorted and must not overlap',
          path: ['workingWindows', i],
        });
      }
    }
    const receive = p.limits.receive;
    const usesOfficeHours =
      receive !== undefined &&
      [receive.default, ...receive.cases.map((c) => c.limit)].some(
        (l) => l !== null && l.kind === 'office-hours',
      );
    if (usesOfficeHours && ws.length === 0) {
      ctx.addIssue({
        code: 'custom',
        message: 'an office-hours receive rule needs workingWindows',
        path: ['workingWindows'],
      });
    }
  });

export type Profile = z.infer<typeof profileSchema>;
export type ProfileInput = z.input<typeof profileSchema>;
