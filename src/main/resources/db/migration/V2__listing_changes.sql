-- The changes feed: the latest change of every listing, in commit order.
-- Each listing has at most one row (older ones are replaced), so the table stays as large as the
-- directory plus its tombstones, and a partner replaying it from the start sees each listing once.
create table listing_change (
    seq bigint primary key,
    listing_id bigint not null,
    deleted boolean not null,
    changed_at timestamp with time zone not null
);
create unique index listing_change_by_listing on listing_change (listing_id);

-- One row holding the last sequence number handed out. Every transaction that changes listings
-- updates it first and holds its row lock until commit, so sequence order is commit order and a
-- reader following the cursor never skips a change committed late.
create table listing_change_counter (
    id integer primary key,
    last_seq bigint not null
);
insert into listing_change_counter (id, last_seq) values (1, 0);
