-- Follow-up commissions of the rollout: regional ones on regions, local ones on prefectures,
-- provinces and communes (the application checks which), each with its nominated members.
create sequence follow_up_commission_seq start with 50 increment by 50;
create table follow_up_commission (
    id               bigint       not null primary key,
    tenant_id        varchar(64)  not null references tenant (id),
    commission_level varchar(16)  not null,
    name             varchar(200) not null,
    recorded_by      varchar(200) not null,
    recorded_at      timestamp with time zone not null,
    constraint follow_up_commission_name unique (tenant_id, commission_level, name)
);

-- The members of a commission, in the order given: values of the commission (no id of their own),
-- rewritten whole when the commission changes.
create table follow_up_commission_member (
    commission_id      bigint       not null references follow_up_commission (id),
    member_index       integer      not null,
    full_name          varchar(200) not null,
    title              varchar(200) not null,
    role_in_commission varchar(100) not null,
    primary key (commission_id, member_index)
);
