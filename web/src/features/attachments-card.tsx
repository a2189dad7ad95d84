import { App, Button, Card, Empty, Image, List, Select, Space, Tag, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import {
  ATTACHMENT_ACCEPT,
  attachmentKindLabels,
  attachmentKinds,
  type AttachmentDto,
  type AttachmentKind,
} from '../../../common/contracts/attachments';
import { satisfactionLabels } from '../../../common/enums';
import { errorText } from '../api/client';
import { attachmentBlobUrl, useAttachments, useCitizenRating, useUploadAttachment } from '../api/portal';
import { fmtDateTime } from '../lib/format';

const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/** A photo's thumbnail, fetched with the session (an <img> cannot send the bearer token). */
function Thumb({ a }: { a: AttachmentDto }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let gone = false;
    let made: string | null = null;
    void attachmentBlobUrl(a.id, true)
      .then((u) => {
        made = u;
        if (!gone) setUrl(u);
      })
      .catch(() => undefined);
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [a.id]);
  return url ? (
    <Image src={url} width={48} height={48} style={{ objectFit: 'cover' }} alt={a.fileName} />
  ) : (
    <div style={{ width: 48, height: 48, background: '#f0f0f0' }} />
  );
}

/**
 * 附件: the order's photos and documents (the citizen's from the portal, the center's, the unit's
 * reply and appeal material), with an upload; and the citizen's own rating from the portal.
 */
export function AttachmentsCard({ ticketId }: { ticketId: number }) {
  const { message } = App.useApp();
  const list = useAttachments(ticketId);
  const rating = useCitizenRating(ticketId);
  const upload = useUploadAttachment(ticketId);
  const [kind, setKind] = useState<AttachmentKind>('order');
  const download = async (a: AttachmentDto) => {
    try {
      const url = await attachmentBlobUrl(a.id);
      const link = document.createElement('a');
      link.href = url;
      link.download = a.fileName;
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      void message.error(errorText(e));
    }
  };
  const r = rating.data?.rating;
  return (
    <Card
      size="small"
      title="附件"
      data-testid="attachments-card"
      extra={
        <Space size={4}>
          <Select
            size="small"
            value={kind}
            onChange={setKind}
            style={{ width: 104 }}
            options={attachmentKinds.map((k) => ({ value: k, label: attachmentKindLabels[k] }))}
          />
          <Upload
            accept={ATTACHMENT_ACCEPT}
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(
                { file, kind },
                {
                  onSuccess: () => void message.success('附件已上传'),
                  onError: (e) => void message.error(errorText(e)),
                },
              );
              return false;
            }}
          >
            <Button size="small" loading={upload.isPending}>
              上传
            </Button>
          </Upload>
        </Space>
      }
    >
      {r && (
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          <Tag color="purple">市民自评</Tag>
          {satisfactionLabels[r.rating]}（{fmtDateTime(r.createdAt)}）{r.comment ? `：${r.comment}` : ''}
        </Typography.Paragraph>
      )}
      {list.data && list.data.items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无附件" />
      ) : (
        <List
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          renderItem={(a) => (
            <List.Item
              actions={[
                <Button key="dl" type="link" size="small" onClick={() => void download(a)}>
                  下载
                </Button>,
              ]}
            >
              <List.Item.Meta
                avatar={a.contentType.startsWith('image/') ? <Thumb a={a} /> : undefined}
                title={a.fileName}
                description={
                  <Space size={4} wrap>
                    <Tag>{attachmentKindLabels[a.kind]}</Tag>
                    {a.source === 'portal' ? <Tag color="blue">市民上传</Tag> : a.unitName}
                    <span>{size(a.sizeBytes)}</span>
                    <span>{fmtDateTime(a.createdAt)}</span>
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
