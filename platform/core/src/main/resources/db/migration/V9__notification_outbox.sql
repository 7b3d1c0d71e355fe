-- The notification outbox: notifications queued in the transaction of the change they report,
-- delivered later by the dispatcher of any node. A national table (the tenant is data here): the
-- dispatcher serves every tenant. A row is claimed by one node at a time: claim_token and
-- lease_until are set in a short transaction (select ... for update skip locked); a lease that
-- expires (the node died mid-send) makes the row claimable again.
create sequence notification_outbox_seq start with 50 increment by 50;
create table notification_outbox (
    id              bigint        not null primary key,
    tenant_id       varchar(64)   not null,
    channel         varchar(50)   not null,
    recipient       varchar(320)  not null,
    language        varchar(2)    not null,
    subject         varchar(300)  not null,
    body            varchar(20000) not null,
    message_id      varchar(100)  not null,
    status          varchar(10)   not null,
    attempts        integer       default 0 not null,
    next_attempt_at timestamp with time zone not null,
    last_error      varchar(1000),
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone,
    claimed_by      varchar(100),
    claim_token     varchar(36),
    lease_until     timestamp with time zone,
    constraint notification_outbox_message_id unique (message_id),
    constraint notification_outbox_status check (status in ('PENDING', 'SENT', 'FAILED'))
);
-- The dispatcher's question: which pending rows are due?
create index notification_outbox_due on notification_outbox (status, next_attempt_at);
