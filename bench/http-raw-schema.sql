-- pgbench's side of bench/http-bench.mjs: an order table with 2 indexes and an event table,
-- shaped like the product's hottest writes (ticket + ticket_event), without the product's rules.
create table raw_order (
  id bigserial primary key,
  ticket_no text not null unique,
  status text not null,
  channel text not null,
  content text not null,
  received_at timestamptz not null
);
create table raw_event (
  id bigserial primary key,
  ticket_id bigint not null,
  seq int not null,
  action text not null,
  at timestamptz not null
);
