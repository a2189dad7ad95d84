import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { Alert, App, Button, Form, Modal, Popconfirm, Space, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
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
 * The modal of a form that saves (保存 / 取消): the fields are checked, then `onSave`; the
 * server's refusal stands above the form. Labels on the left, 90 px wide.
 */
export function SaveModal<T>(props: {
  title: string;
  width?: number;
  form: FormInstance<T>;
  saving: boolean;
  error: string | null;
  onSave: (values: T) => void;
  onClose: () => void;
  initialValues: Partial<T>;
  children: ReactNode;
}) {
  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText="保存"
      cancelText="取消"
      onCancel={props.onClose}
      okButtonProps={{ loading: props.saving }}
      onOk={() =>
        void props.form.validateFields().then(
          (v) => props.onSave(v),
          () => undefined,
        )
      }
    >
      {props.error && <Alert type="error" showIcon title={props.error} style={{ marginBottom: 8 }} />}
      <Form
        form={props.form}
        layout="horizontal"
        labelCol={{ flex: '90px' }}
        wrapperCol={{ flex: '1 1 0' }}
        initialValues={props.initialValues}
      >
        {props.children}
      </Form>
    </Modal>
  );
}
