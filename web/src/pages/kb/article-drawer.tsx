import { useMutation, useQueryClient } from '@tanstack/react-query';
import { plainText } from '../../../../common/plain-text';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Tabs,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import {
  articleActionLabels,
  articleActionsWithReason,
  articleFieldLabels,
  articleStatusLabels,
  type ArticleAction,
} from '../../../../common/kb-vocabulary';
import { api, errorText } from '../../api/client';
import { useArticle, useArticleVersions, type ArticleDetail } from '../../api/kb';
import { useUnits } from '../../api/queries';
import { labelOf } from '../../../../common/ticket-vocabulary';
import { CategoryCascader } from '../../features/category-cascader';
import { fmtDateTime } from '../../lib/format';
import { VersionDiff } from './version-diff';

const short = (v: unknown): string => {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return '（空）';
  const s = Array.isArray(v) ? v.map(plainText).join('、') : plainText(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
};

/** A changed value as a person reads it: statuses and units by name; the body only as "changed". */
function useFieldValue() {
  const units = useUnits();
  const unitName = new Map((units.data ?? []).map((u) => [u.id, u.name]));
  return (field: string, v: unknown): string => {
    if (field === 'status' && typeof v === 'string') return labelOf(articleStatusLabels, v);
    if (field === 'ownerUnitId' && typeof v === 'number') return unitName.get(v) ?? '热线中心';
    return short(v);
  };
}

/** The history of an article, each version with what it changed (版本差异). */
function Versions({ id }: { id: number }) {
  const q = useArticleVersions(id);
  const value = useFieldValue();
  return (
    <Timeline
      items={(q.data?.items ?? []).map((v) => ({
        key: v.version,
        children: (
          <div>
            <Space size={6}>
              <Typography.Text strong>第 {v.version} 版</Typography.Text>
              <Tag>{labelOf(articleActionLabels, v.action)}</Tag>
              <Typography.Text type="secondary">
                {fmtDateTime(v.at)} · {v.actorName ?? '系统'}
              </Typography.Text>
            </Space>
            {v.note && <div style={{ fontSize: 12 }}>说明：{v.note}</div>}
            {v.changes.map((c) => (
              <div key={c.field} style={{ fontSize: 12, color: '#595959' }}>
                {articleFieldLabels[c.field] ?? c.field}：
                {c.field === 'body' ? (
                  '已修改'
                ) : (
                  <>
                    <del>{value(c.field, c.from)}</del> → {value(c.field, c.to)}
                  </>
                )}
              </div>
            ))}
          </div>
        ),
      }))}
    />
  );
}

interface EditValues {
  title: string;
  body: string;
  categoryCode?: string;
  keywords?: string;
  reviewBy?: string;
}

/** Edits make a new version; the version the editor started from guards against a lost update. */
function EditForm({ article, onDone }: { article: ArticleDetail; onDone: () => void }) {
  const [form] = Form.useForm<EditValues>();
  const save = useMutation({
    mutationFn: (v: EditValues) =>
      api(`/api/kb/articles/${article.id}`, {
        method: 'PATCH',
        body: {
          title: v.title,
          body: v.body,
          categoryCode: v.categoryCode ?? null,
          keywords: (v.keywords ?? '')
            .split(/[,，、\s]+/)
            .map((k) => k.trim())
            .filter(Boolean),
          reviewBy: v.reviewBy || null,
          version: article.version,
        },
      }),
    onSuccess: onDone,
  });
  return (
    <Form<EditValues>
      form={form}
      layout="vertical"
      initialValues={{
        title: article.title,
        body: article.body,
        categoryCode: article.categoryCode ?? undefined,
        keywords: article.keywords.join('、'),
        reviewBy: article.reviewBy ?? undefined,
      }}
      onFinish={(v) => save.mutate(v)}
    >
      {save.isError && (
        <Alert type="error" showIcon title={errorText(save.error)} style={{ marginBottom: 8 }} />
      )}
      <Form.Item name="title" label="标题" rules={[{ required: true, message: '请填写标题' }]}>
        <Input maxLength={200} showCount />
      </Form.Item>
      <Form.Item name="categoryCode" label="问题分类">
        <CategoryCascader anyLevel />
      </Form.Item>
      <Form.Item name="keywords" label="关键词（用顿号或逗号分隔）">
        <Input />
      </Form.Item>
      <Form.Item name="reviewBy" label="复核日期（YYYY-MM-DD）">
        <Input placeholder="到期前须确认内容仍然有效" />
      </Form.Item>
      <Form.Item name="body" label="正文（Markdown）" rules={[{ required: true, message: '请填写正文' }]}>
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        保存为新版本
      </Button>
    </Form>
  );
}

/** One article: its text, the actions this user may take now, editing and the version history. */
export function ArticleDrawer({ id, onClose }: { id: number | null; onClose: () => void }) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const q = useArticle(id);
  const a = q.data;
  const [editing, setEditing] = useState(false);
  const [reasonFor, setReasonFor] = useState<ArticleAction | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => void qc.invalidateQueries({ queryKey: ['kb'] });
  const act = useMutation({
    mutationFn: (x: { action: ArticleAction; reason?: string }) =>
      api(`/api/kb/articles/${id ?? 0}/${x.action}`, {
        method: 'POST',
        body: x.reason ? { reason: x.reason } : {},
      }),
    onSuccess: (_d, x) => {
      message.success(`${articleActionLabels[x.action]}成功`);
      setReasonFor(null);
      setReason('');
      refresh();
    },
    onError: (e) => message.error(errorText(e)),
  });
  const run = (action: ArticleAction) => {
    if (action === 'edit') setEditing(true);
    else if (articleActionsWithReason.includes(action)) setReasonFor(action);
    else act.mutate({ action });
  };
  return (
    <Drawer
      open={id !== null}
      onClose={() => {
        setEditing(false);
        onClose();
      }}
      size={820}
      title={a ? a.title : '知识条目'}
      destroyOnHidden
      extra={
        <Space size={4} wrap data-testid="article-actions">
          {(a?.allowedActions ?? []).map((x) => (
            <Button
              key={x}
              size="small"
              type={x === 'approve' ? 'primary' : 'default'}
              onClick={() => run(x)}
            >
              {articleActionLabels[x]}
            </Button>
          ))}
        </Space>
      }
    >
      {q.isError && <Alert type="error" showIcon title={errorText(q.error)} />}
      {a && (
        <Tabs
          items={[
            {
              key: 'content',
              label: editing ? '修改' : '内容',
              children: editing ? (
                <EditForm
                  article={a}
                  onDone={() => {
                    message.success('已保存为新版本');
                    setEditing(false);
                    refresh();
                  }}
                />
              ) : (
                <>
                  <Descriptions size="small" column={2} style={{ marginBottom: 8 }}>
                    <Descriptions.Item label="状态">
                      <Tag>{articleStatusLabels[a.effectiveStatus]}</Tag>
                    </Descriptions.Item>
                    <Descriptions.Item label="版本">第 {a.version} 版</Descriptions.Item>
                    <Descriptions.Item label="分类">{a.categoryName ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="所属单位">{a.unitName ?? '热线中心'}</Descriptions.Item>
                    <Descriptions.Item label="复核日期">{a.reviewBy ?? '—'}</Descriptions.Item>
                    <Descriptions.Item label="引用次数">{a.usageCount}</Descriptions.Item>
                    {a.statusNote && (
                      <Descriptions.Item label="审核意见" span={2}>
                        {a.statusNote}
                      </Descriptions.Item>
                    )}
                  </Descriptions>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.bodyText}</Typography.Paragraph>
                </>
              ),
            },
            { key: 'versions', label: '版本记录', children: <Versions id={a.id} /> },
            { key: 'diff', label: '版本对比', children: <VersionDiff id={a.id} /> },
          ]}
        />
      )}
      <Modal
        open={reasonFor !== null}
        title={reasonFor ? articleActionLabels[reasonFor] : ''}
        onCancel={() => setReasonFor(null)}
        okText="确定"
        okButtonProps={{ disabled: !reason.trim(), loading: act.isPending }}
        onOk={() => reasonFor && act.mutate({ action: reasonFor, reason: reason.trim() })}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          placeholder="请填写原因（必填）"
          aria-label="原因"
        />
      </Modal>
    </Drawer>
  );
}
