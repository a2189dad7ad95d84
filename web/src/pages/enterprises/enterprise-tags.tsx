import { Rate, Space, Tag, Typography } from 'antd';
import {
  enterpriseStatusLabels,
  type EnterpriseRatingDto,
  type EnterpriseStatus,
} from '../../../../common/contracts/enterprises';

const statusColors: Record<EnterpriseStatus, string> = {
  pending: 'blue',
  approved: 'green',
  rejected: 'default',
  suspended: 'red',
};

export function EnterpriseStatusTag({ status }: { status: EnterpriseStatus }) {
  return <Tag color={statusColors[status]}>{enterpriseStatusLabels[status]}</Tag>;
}

/** Stars (half stars) with the number of rated orders; 评价不足 below three rated orders. */
export function RatingCell({ rating }: { rating: EnterpriseRatingDto }) {
  if (rating.stars === null) {
    return <Typography.Text type="secondary">评价不足（{rating.ratedOrders} 单）</Typography.Text>;
  }
  return (
    <Space size={4}>
      <Rate disabled allowHalf value={rating.stars} style={{ fontSize: 13 }} />
      <Typography.Text type="secondary">
        {rating.stars} 星 · {rating.ratedOrders} 单回访
      </Typography.Text>
    </Space>
  );
}
