import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Popconfirm, Space, Typography, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, errorText } from '../api/client';
import { XlsxExportButton } from './xlsx-export-button';

type Query = Record<string, string | number | boolean | undefined | null>;

/**
 * The bar above a maintained list: its own controls, the create button, 导出Excel with the list's
 * filters, and a note on the right.
 */
export function ListToolbar(props: {
  children?: ReactNode;
  create?: { label: string; onClick: () => void };
  exportXlsx?: { path: string; query?: Query; fileName: string };
  note?: ReactNode;
  noteType?: 'secondary' | 'danger';
  size?: 'small' | 'middle';
}) {
  return (
    <Space style={{ marginBottom: 8 }} wrap>
      {props.children}
      {props.create && (
        <Button type="primary" size={props.size} icon={<PlusOutlined />} onClick={props.create.onClick}>
          {props.create.label}
        </Button>
      )}
      {props.exportXlsx && (
        <XlsxExportButton
          size={props.size}
          path={props.exportXlsx.path}
          query={props.exportXlsx.query ?? {}}
          fileName={props.exportXlsx.fileName}
        />
      )}
      {props.note && <Typography.Text type={props.noteType ?? 'secondary'}>{props.note}</Typography.Text>}
    </Space>
  );
}

/** A list's load error, above the list. */
export function QueryError({ query }: { query: { isError: boolean; error: unknown } }) {
  return query.isError ? <Alert type="error" showIcon title={errorText(query.error)} /> : null;
}

/** A row's action that asks first (停用, 删除, 吊销). */
export function ConfirmButton(props: {
  title: string;
  okText?: string;
  onConfirm: () => void;
  danger?: boolean;
  link?: boolean;
  /** A link without padding, in a tight column. */
  tight?: boolean;
  children: ReactNode;
}) {
  return (
    <Popconfirm
      title={props.title}
      okText={props.okText ?? '确定'}
      cancelText="取消"
      onConfirm={props.onConfirm}
    >
      <Button
        type={props.link ? 'link' : 'default'}
        size="small"
        danger={props.danger}
        style={props.tight ? { padding: 0 } : undefined}
      >
        {props.children}
      </Button>
    </Popconfirm>
  );
}

/** Removing a row by id: the list is read again, the outcome shown as a message. */
export function useRemove(url: (id: number) => string, queryKey: QueryKey, done: string) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api(url(id), { method: 'DELETE' }),
    onSuccess: async () => {
      message.success(done);
      await qc.invalidateQueries({ queryKey });
    },
    onError: (e) => message.error(errorText(e)),
  });
}

/**
 * A form that saves through the API: on success the message `done`, the list `queryKey` read
 * again, then `onSaved`; a refusal is kept as `error` for the modal.
 */
export function useSaveForm<T, R = unknown>(
  mutationFn: (values: T) => Promise<R>,
  opts: { queryKey: QueryKey; done?: string; onSaved: (result: R) => void },
) {
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<T>();
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn,
    onSuccess: async (result) => {
      if (opts.done) message.success(opts.done);
      await qc.invalidateQueries({ queryKey: opts.queryKey });
      opts.onSaved(result);
    },
    onError: (e) => setError(errorText(e)),
  });
  return { form, error, setError, save };
}

/** What `useSaveForm` answers, as `SaveModal` reads it. */
export interface SaveFormState<T> {
  form: FormInstance<T>;
  error: string | null;
  setError: (error: string | null) => void;
  save: { isPending: boolean; mutate: (values: T) => void };
}

/**
 * The modal of a form that saves (保存 / 取消, or `okText`): the last refusal is cleared, the
 * fields are checked, then saved; the server's refusal stands above the form. Labels on the left,
 * 90 px wide, or above the fields (`vertical`, small).
 */
export function SaveModal<T>(props: {
  title: string;
  okText?: string;
  width?: number;
  vertical?: boolean;
  editor: SaveFormState<T>;
  onClose: () => void;
  initialValues: Partial<T>;
  children: ReactNode;
}) {
  const { form, error, setError, save } = props.editor;
  const layout = props.vertical
    ? ({ layout: 'vertical', size: 'small' } as const)
    : ({ layout: 'horizontal', labelCol: { flex: '90px' }, wrapperCol: { flex: '1 1 0' } } as const);
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText ?? '保存'}
      cancelText="取消"
      onCancel={props.onClose}
      okButtonProps={{ loading: save.isPending }}
      onOk={() => {
        setError(null);
        void form.validateFields().then(
          (v) => save.mutate(v),
          () => undefined,
        );
      }}
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      <Form form={form} {...layout} initialValues={props.initialValues}>
        {props.children}
      </Form>
    </Modal>
  );
}
