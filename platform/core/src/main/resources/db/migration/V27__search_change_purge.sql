-- Purging the search change log (ADR 0027). Every node applies every change, so a row can go only
-- once every node has applied it. Each node reports the low-water mark of the cursor it has
-- committed with its index (search_node); a purge deletes the rows at or below the smallest mark of
-- the nodes that reported recently, and records how far it went (search_change_horizon). A node
-- whose committed cursor is below that horizon (it was away longer than the node expiry) has
-- missed changes: it rebuilds its index from the database. The horizon row is also the lock that
-- serializes reports and purges, so that no purge passes a node that has just reported.
create table search_node (
    node_id     varchar(64)              not null primary key,
    low_water   bigint                   not null,
    reported_at timestamp with time zone not null
);
create table search_change_horizon (
    id             integer not null primary key,
    purged_through bigint  not null
);
insert into search_change_horizon (id, purged_through) values (1, 0);
