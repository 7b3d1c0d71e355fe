-- Once-per-cluster jobs (issue 14): a pass of a scheduled job (the legal clock) runs once per
-- period across every node. Each node ticks several times per period and tries to claim the
-- current period by inserting its row; the primary key lets exactly one insert succeed, the
-- others skip. The row then records who ran the pass and how it ended, for operators and tests.
create table scheduled_pass (
    job          varchar(40)  not null,
    period_start timestamp with time zone not null,
    node         varchar(100) not null,
    claimed_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    outcome      varchar(500),
    primary key (job, period_start)
);
