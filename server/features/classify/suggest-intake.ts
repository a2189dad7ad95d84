import type { SuggestRequest, SuggestResponse } from '../../../common/contracts/intake-assist';
import type { Prediction } from '../../domain/classify/classifier';
import { extractEntities } from '../../domain/classify/extract';
import { textFeatures, type TextFeatures } from '../../domain/classify/features';
import { screenEmergency, screenOutOfScope } from '../../domain/classify/screen';
import type { AppContext } from '../../platform/context';
import { AppError } from '../../platform/errors';
import type { SessionUser } from '../../platform/http';
import { findSimilarOrders } from '../similar/find-similar';
import { loadActor } from '../tickets/standing';
import { categoryNames } from '../categories/categories.repository';
import { unitNames } from './classify.repository';
import { activeModel, type LoadedModel } from './model-store';

/** Roles that take intake (as for creating an order). */
const intakeRoles = ['agent', 'dispatcher', 'admin'] as const;

const pct = (x: number) => `${Math.round(x * 100)}%`;

async function safeModel(ctx: AppContext, name: string): Promise<LoadedModel | null> {
  try {
    return await activeModel(ctx.db, name);
  } catch (e) {
    // A broken or unreadable model must never block intake: answer without it.
    ctx.logger.warn({ err: e, model: name }, 'classifier model unavailable');
    return null;
  }
}

/**
 * Intake suggestions (智能填单/智能派单) from the citizen's own words: the category and the
 * handling unit from the installation's trained models, urgency and emergency and out-of-scope
 * hints from the active profile's lists, and the phones, addresses, times and ID numbers found
 * in the text. Only ever a proposal: the agent accepts or ignores each part.
 */
export async function suggestIntake(
  ctx: AppContext,
  user: SessionUser,
  body: SuggestRequest,
): Promise<SuggestResponse> {
  if (!(intakeRoles as readonly string[]).includes(user.role)) {
    throw new AppError('FORBIDDEN', '只有话务员、派单员可以使用受理建议');
  }
  const content = body.content.trim();
  if (!content) {
    throw new AppError('VALIDATION_FAILED', '诉求内容不能为空', [{ path: '/content', message: 'empty' }]);
  }
  const profile = ctx.rules.profile;
  const [categoryModel, unitModel] = await Promise.all([safeModel(ctx, 'category'), safeModel(ctx, 'unit')]);

  const featureCache = new Map<string, TextFeatures>();
  const predict = (m: LoadedModel): Prediction => {
    const key = JSON.stringify(m.classifier.features);
    let f = featureCache.get(key);
    if (!f) {
      f = textFeatures(content, m.classifier.features);
      featureCache.set(key, f);
    }
    return m.classifier.predictFeatures(f);
  };

  let category: SuggestResponse['category'] = null;
  let unit: SuggestResponse['unit'] = null;
  try {
    if (categoryModel) {
      const p = predict(categoryModel);
      const all = [{ label: p.label, confidence: p.confidence }, ...p.alternatives];
      // A retired code is never proposed.
      const names = await categoryNames(
        ctx.db,
        all.map((a) => a.label),
        { activeOnly: true },
      );
      const [best, ...rest] = all.filter((a) => names.has(a.label));
      if (best) {
        category = {
          code: best.label,
          label: names.get(best.label) as string,
          confidence: best.confidence,
          alternatives: rest.map((a) => ({
            code: a.label,
            label: names.get(a.label) as string,
            confidence: a.confidence,
          })),
        };
      }
    }

    if (unitModel) {
      const p = predict(unitModel);
      const all = [{ label: p.label, confidence: p.confidence }, ...p.alternatives];
      const ids = all.map((a) => Number(a.label)).filter((n) => Number.isInteger(n));
      const units = new Map(
        (await unitNames(ctx.db, ids)).filter((u) => u.active).map((u) => [u.id, u.name]),
      );
      const best = all.find((a) => units.has(Number(a.label)));
      if (best) {
        unit = {
          id: Number(best.label),
          name: units.get(Number(best.label)) as string,
          confidence: best.confidence,
          reason: `按历史已办结工单的内容，同类诉求多由该单位办理（模型置信度 ${pct(best.confidence)}）`,
        };
      }
    }
    const usual = category ? categoryModel?.usualUnits?.[category.code] : undefined;
    if (!unit && category && usual) {
      const [u] = await unitNames(ctx.db, [usual.unitId]);
      if (u?.active) {
        unit = {
          id: u.id,
          name: u.name,
          confidence: Math.round(category.confidence * (usual.count / usual.total) * 1e4) / 1e4,
          reason: `历史同类工单（${category.label}）${usual.total} 件中 ${usual.count} 件由该单位办理`,
        };
      }
    }
  } catch (e) {
    // A prediction that fails leaves the model's part empty; the rest is still answered.
    ctx.logger.warn({ err: e }, 'intake prediction failed');
  }

  let similar: SuggestResponse['similar'] = [];
  try {
    similar = await findSimilarOrders(
      ctx.db,
      await loadActor(ctx.db, user),
      { content, location: body.location ?? null, callerPhone: body.callerPhone ?? null },
      { limit: 5, now: ctx.clock.now() },
    );
  } catch (e) {
    // Like the models, the look-up for repeats never blocks the suggestion.
    ctx.logger.warn({ err: e }, 'similar orders unavailable');
  }

  const emergency = screenEmergency(content, profile.intake);
  const outOfScope = screenOutOfScope(content, profile.intake);
  const emergencyUrgency = profile.emergency?.urgencies[0] ?? 'emergency';
  return {
    category,
    unit,
    urgency: emergency?.likely ? emergencyUrgency : 'normal',
    emergency: emergency && {
      likely: emergency.likely,
      reason: emergency.reason,
      article: emergency.article,
    },
    outOfScope: outOfScope && {
      matter: outOfScope.matter,
      channel: outOfScope.channel,
      article: outOfScope.article,
      terms: outOfScope.terms,
    },
    extracted: extractEntities([content, body.location ?? ''].join('\n')),
    similar,
    model: {
      category: categoryModel ? `${categoryModel.name} v${categoryModel.version}` : null,
      unit: unitModel ? `${unitModel.name} v${unitModel.version}` : null,
    },
  };
}
