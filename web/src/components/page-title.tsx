import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={5}>{title}</Typography.Title>
      <div>{extra}</div>
    </div>
  );
}
