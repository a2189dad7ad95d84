-- One intake as the database sees it at the least: one order row (2 indexes) + one event row.
BEGIN;
INSERT INTO raw_order (ticket_no, status, channel, content, received_at)
  VALUES (gen_random_uuid()::text, 'new', 'phone', '公司拖欠三个月工资共计两万元，多次讨要无果，请求劳动监察部门处理。', now())
  RETURNING id AS order_id \gset
INSERT INTO raw_event (ticket_id, seq, action, at) VALUES (:order_id, 1, 'create', now());
END;
