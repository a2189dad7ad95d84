import { Alert, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import type { SuggestResponse } from '../../../../common/contracts/intake-assist';
import { urgencyLabels } from '../../../../common/enums';
import { percent } from '../../api/intake-assist';

/** The key that accepts the suggestion (one key, never typed into a Chinese text). */
export const acceptSuggestionKey = 'F2';

/** How sure the model is, in words a clerk reads at a glance (confidence is calibrated). */
function ConfidenceTag({ value }: { value: number }) {
  const [color, word] =
    value >= 0.8 ? ['green', '较确定'] : value >= 0.5 ? ['orange', '待核对'] : ['default', '仅供参考'];
  return (
    <Tag color={color} style={{ marginInlineStart: 4 }}>
      {word} {percent(value)}
    </Tag>
  );
}

/** What accepting a suggestion fills: only fields the agent has not filled differently. */
export interface SuggestionFill {
  category?: string;
  urgency?: string;
  locationAddress?: string;
}

export function suggestionFill(
  s: SuggestResponse,
  current: { category?: string; urgency?: string; locationAddress?: string },
): SuggestionFill {
  const fill: SuggestionFill = {};
  if (s.category) fill.category = s.category.code;
  if (s.urgency !== 'normal' && (!current.urgency || current.urgency === 'normal')) fill.urgency = s.urgency;
  const address = s.extracted.addresses[0];
  if (address && !current.locationAddress?.trim()) fill.locationAddress = address;
  return fill;
}

/**
 * 智能建议: category, urgency, emergency and scope hints, details found in the text and orders
 * that look like the same matter, from POST /api/intake/suggest. F2 (or the button) accepts.
 */
export function SuggestionPanel(props: {
  data: SuggestResponse | undefined;
  loading: boolean;
  failed: boolean;
  onAccept: () => void;
  onPickCategory: (code: string) => void;
  onUseAddress: (address: string) => void;
  onNotAccepted: (matter: string, channel: string) => void;
  onOpen: (ticketId: number) => void;
}) {
  const s = props.data;
  const out = s?.outOfScope;
  return (
    <Card
      size="small"
      title="智能建议"
      data-testid="intake-suggestion"
      extra={
        <Button
          size="small"
          type="primary"
          disabled={!s?.category && s?.urgency === 'normal'}
          onClick={props.onAccept}
          data-testid="accept-suggestion"
          title={`按 ${acceptSuggestionKey} 采纳建议的分类、紧急程度和地点`}
        >
          采纳（{acceptSuggestionKey}）
        </Button>
      }
    >
      {!s ? (
        <Typography.Text type="secondary">
          {props.failed
            ? '暂时无法给出建议，请手工选择分类'
            : props.loading
              ? '分析中…'
              : '录入诉求内容后自动给出分类和派单建议'}
        </Typography.Text>
      ) : (
        <Space orientation="vertical" size={6} style={{ width: '100%' }}>
          {s.emergency?.likely && (
            <Alert
              type="error"
              showIcon
              title={`可能是紧急诉求：${s.emergency.reason}`}
              data-testid="suggest-emergency"
            />
          )}
          {out && (
            <Alert
              type="warning"
              showIcon
              data-testid="suggest-out-of-scope"
              title={`可能不属于受理范围：${out.matter}，建议 ${out.channel}`}
              action={
                <Button size="small" onClick={() => props.onNotAccepted(out.matter, out.channel)}>
                  不予受理
                </Button>
              }
            />
          )}
          <Descriptions size="small" column={1} styles={{ label: { width: 72 } }}>
            <Descriptions.Item label="问题分类">
              {s.category ? (
                <span data-testid="suggest-category">
                  {s.category.label}
                  <ConfidenceTag value={s.category.confidence} />
                </span>
              ) : (
                <Typography.Text type="secondary">
                  {s.model?.category ? '无法判断' : '尚无分类模型'}
                </Typography.Text>
              )}
            </Descriptions.Item>
            {s.category?.alternatives && s.category.alternatives.length > 0 && (
              <Descriptions.Item label="其他可能">
                <Space size={[4, 4]} wrap>
                  {s.category.alternatives.map((a) => (
                    <Tag
                      key={a.code}
                      style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                      onClick={() => props.onPickCategory(a.code)}
                      title="点击选用此分类"
                    >
                      {a.label} {percent(a.confidence)}
                    </Tag>
                  ))}
                </Space>
              </Descriptions.Item>
            )}
            {s.urgency !== 'normal' && (
              <Descriptions.Item label="紧急程度">
                <Tag color="red">{urgencyLabels[s.urgency]}</Tag>
              </Descriptions.Item>
            )}
            {s.unit && (
              <Descriptions.Item label="承办单位">
                <span title={s.unit.reason}>
                  {s.unit.name}
                  <ConfidenceTag value={s.unit.confidence} />
                </span>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>{s.unit.reason}</div>
              </Descriptions.Item>
            )}
            <Extracted extracted={s.extracted} onUseAddress={props.onUseAddress} />
          </Descriptions>
          {s.similar.length > 0 && <SimilarList items={s.similar} onOpen={props.onOpen} />}
        </Space>
      )}
    </Card>
  );
}

function Extracted({
  extracted,
  onUseAddress,
}: {
  extracted: SuggestResponse['extracted'];
  onUseAddress: (address: string) => void;
}) {
  const rows: [string, string[]][] = [
    ['电话', extracted.phones],
    ['时间', extracted.times],
    ['证件号', extracted.idNumbers],
  ];
  return (
    <>
      {extracted.addresses.length > 0 && (
        <Descriptions.Item label="地点">
          <Space size={[4, 4]} wrap>
            {extracted.addresses.map((a) => (
              <Tag
                key={a}
                color="blue"
                style={{ cursor: 'pointer', marginInlineEnd: 0 }}
                onClick={() => onUseAddress(a)}
                title="点击填入问题地点"
              >
                {a}
              </Tag>
            ))}
          </Space>
        </Descriptions.Item>
      )}
      {rows
        .filter(([, v]) => v.length > 0)
        .map(([label, v]) => (
          <Descriptions.Item key={label} label={label}>
            {v.join('、')}
          </Descriptions.Item>
        ))}
    </>
  );
}

function SimilarList({ items, onOpen }: { items: SuggestResponse['similar']; onOpen: (id: number) => void }) {
  const dup = items.some((i) => i.likelyDuplicate);
  return (
    <div data-testid="suggest-similar">
      {dup && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 4 }}
          title="发现疑似重复工单：同一事项请在原工单上补充或并单，勿重复派单（一事一单）"
        />
      )}
      {items.slice(0, 5).map((i) => (
        <div
          key={i.ticketId}
          style={{ padding: '2px 0', cursor: 'pointer' }}
          onClick={() => onOpen(i.ticketId)}
        >
          <Space size={4}>
            <a>{i.ticketNo}</a>
            {i.likelyDuplicate && <Tag color="orange">疑似重复</Tag>}
            {i.closed && <Tag>已办结</Tag>}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              相似度 {percent(i.score)} · {i.reason}
            </Typography.Text>
          </Space>
          <div style={{ fontSize: 12, color: '#595959' }}>{i.summary}</div>
        </div>
      ))}
    </div>
  );
}
