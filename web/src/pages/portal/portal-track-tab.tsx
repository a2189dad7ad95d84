import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  satisfactionLabels,
  satisfactions,
  ticketTypeLabels,
  type Satisfaction,
} from '../../../../common/enums';
import { formatServiceTime } from '../../../../common/service-time';
import { useRateRequest, useTrackRequest } from '../../api/portal';

const time = (iso: string | null) => (iso ? formatServiceTime(iso, 'minute') : '—');

/** 查询进度: number and code → status, steps, the reply, and the rating buttons. */
export function PortalTrackTab({ initialNo, initialCode }: { initialNo: string; initialCode: string }) {
  const [query, setQuery] = useState({ no: initialNo.trim(), code: initialCode.trim() });
  const track = useTrackRequest(query.no, query.code);
  const s = track.data;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Card size="small">
        <Form
          layout="vertical"
          initialValues={{ no: initialNo, code: initialCode }}
          onFinish={(v: { no: string; code: string }) => setQuery({ no: v.no.trim(), code: v.code.trim() })}
        >
          <Form.Item name="no" label="工单号" rules={[{ required: true, message: '请输入工单号' }]}>
            <Input inputMode="numeric" />
          </Form.Item>
          <Form.Item name="code" label="查询码" rules={[{ required: true, message: '请输入查询码' }]}>
            <Input style={{ textTransform: 'uppercase' }} maxLength={20} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block size="large" loading={track.isFetching}>
            查询
          </Button>
        </Form>
      </Card>
      {track.error && (
        <Alert
          type="error"
          showIcon
          title={track.error.message}
          description="请核对短信或提交页面上的工单号和查询码"
        />
      )}
      {s && (
        <Card size="small" title={`工单 ${s.ticketNo}`} extra={<Tag color="blue">{s.statusLabel}</Tag>}>
          <Descriptions column={1} size="small">
            <Descriptions.Item label="诉求类型">{ticketTypeLabels[s.type]}</Descriptions.Item>
            <Descriptions.Item label="受理时间">{time(s.receivedAt)}</Descriptions.Item>
            {s.unitName && <Descriptions.Item label="承办单位">{s.unitName}</Descriptions.Item>}
            {s.photos > 0 && <Descriptions.Item label="现场照片">{s.photos} 张</Descriptions.Item>}
          </Descriptions>
          <Timeline
            style={{ marginTop: 12 }}
            items={s.timeline.map((m) => ({
              children: (
                <>
                  <div>{m.label}</div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {time(m.at)}
                  </Typography.Text>
                </>
              ),
            }))}
          />
          {s.reply ? (
            <Card type="inner" size="small" title={`答复（${time(s.reply.at)}）`}>
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                data-testid="reply-text"
              >
                {s.reply.text}
              </Typography.Paragraph>
            </Card>
          ) : (
            <Typography.Text type="secondary">
              承办单位答复后，您可以在这里看到答复内容并评价。
            </Typography.Text>
          )}
          {s.rating && (
            <Alert
              style={{ marginTop: 12 }}
              type="success"
              showIcon
              title={`您的评价：${satisfactionLabels[s.rating.rating]}`}
              description={`评价时间 ${time(s.rating.at)}，感谢您的反馈`}
            />
          )}
          {s.canRate && <RateForm no={s.ticketNo} code={query.code} />}
        </Card>
      )}
    </Space>
  );
}

function RateForm({ no, code }: { no: string; code: string }) {
  const [rating, setRating] = useState<Satisfaction | null>(null);
  const [comment, setComment] = useState('');
  const rate = useRateRequest(no, code);
  return (
    <Card type="inner" size="small" title="请对办理结果评价" style={{ marginTop: 12 }}>
      <Radio.Group
        value={rating}
        onChange={(e) => setRating(e.target.value as Satisfaction)}
        optionType="button"
        buttonStyle="solid"
        style={{ display: 'flex' }}
        options={satisfactions.map((v) => ({
          value: v,
          label: satisfactionLabels[v],
          style: { flex: 1, textAlign: 'center' },
        }))}
      />
      <Input.TextArea
        rows={2}
        maxLength={500}
        placeholder="意见或建议（可不填）"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        style={{ marginTop: 8 }}
      />
      {rate.error && <Alert type="error" showIcon title={rate.error.message} style={{ marginTop: 8 }} />}
      <Button
        type="primary"
        block
        disabled={!rating}
        loading={rate.isPending}
        style={{ marginTop: 8 }}
        onClick={() =>
          rating && rate.mutate({ rating, ...(comment.trim() ? { comment: comment.trim() } : {}) })
        }
      >
        提交评价
      </Button>
    </Card>
  );
}
