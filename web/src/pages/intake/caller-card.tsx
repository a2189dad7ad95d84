import { Card, Col, Form, Input, Row, Select, Switch } from 'antd';
import type { RefObject } from 'react';
import { channelLabels, channels } from '../../../../common/enums';

export const phonePattern = /^[0-9+\-() ]{3,20}$/;

/** 来电人: who called, how to reach them, whether they asked for confidentiality, the channel. */
export function CallerCard({
  firstField,
  onPhoneBlur,
}: {
  firstField: RefObject<HTMLInputElement | null>;
  onPhoneBlur: (phone: string) => void;
}) {
  return (
    <Card size="small" title="来电人" style={{ marginBottom: 8 }}>
      <Row gutter={8}>
        <Col span={8}>
          <Form.Item name="callerName" label="姓名">
            <Input
              ref={(el) => {
                firstField.current = el?.input ?? null;
              }}
              autoFocus
              maxLength={50}
              placeholder="可匿名"
            />
          </Form.Item>
        </Col>
        <Col span={9}>
          <Form.Item
            name="callerPhone"
            label="电话"
            rules={[{ pattern: phonePattern, message: '电话号码格式不正确' }]}
          >
            <Input maxLength={20} placeholder="来电号码" onBlur={(e) => onPhoneBlur(e.target.value.trim())} />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item
            name="confidential"
            label="保密"
            valuePropName="checked"
            tooltip="来电人要求保密时，承办单位看不到其身份和联系方式"
          >
            <Switch checkedChildren="保密" unCheckedChildren="否" />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={8}>
        <Col span={17}>
          <Form.Item name="callerAddress" label="联系地址">
            <Input maxLength={200} placeholder="经来电人同意后记录" />
          </Form.Item>
        </Col>
        <Col span={7}>
          <Form.Item name="channel" label="渠道">
            <Select options={channels.map((c) => ({ value: c, label: channelLabels[c] }))} />
          </Form.Item>
        </Col>
      </Row>
    </Card>
  );
}
