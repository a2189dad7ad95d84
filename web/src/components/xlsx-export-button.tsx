import { FileExcelOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { errorText } from '../api/client';
import { useXlsxExport } from '../api/exports';

type Query = Record<string, string | number | boolean | undefined | null>;

/** 导出Excel: the server writes every row of the current filters into an .xlsx workbook. */
export function XlsxExportButton({
  path,
  query,
  fileName,
  disabled,
  size,
}: {
  path: string;
  query: Query;
  fileName: string;
  disabled?: boolean;
  size?: 'small' | 'middle';
}) {
  const { message } = App.useApp();
  const run = useXlsxExport();
  return (
    <Button
      icon={<FileExcelOutlined />}
      loading={run.isPending}
      disabled={disabled}
      size={size}
      onClick={() =>
        run.mutate(
          { path, query, fallbackName: `${fileName}.xlsx` },
          { onError: (e) => void message.error(`导出失败：${errorText(e)}`) },
        )
      }
    >
      导出Excel
    </Button>
  );
}
