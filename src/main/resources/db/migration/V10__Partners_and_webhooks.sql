-- Partner accounts and their API keys. A key is stored only as its SHA-256 digest (hex); its first
-- characters (the hint) let a partner and a curator tell two keys apart without the key itself.
create sequence partner_seq start with 1 increment by 50;
create table partner (
    id bigint primary key,
    name varchar(200) not null,
    contact_email varchar(254) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);

create sequence partner_key_seq start with 1 increment by 50;
create table partner_key (
    id bigint primary key,
    partner_id bigint not null references partner (id) on delete cascade,
    digest varchar(64) not null,
    hint varchar(32) not null,
    created_at timestamp with time zone not null,
    last_used_at timestamp with time zone
);
create unique index partner_key_by_digest on partner_key (digest);
create index partner_key_by_partner on partner_key (partner_id);

-- A partner's webhook: where listing events go, which ones, and for which listings (the listing
-- search's own filters, as parameter name to values). The secret signs every delivery; during a
-- rotation the previous one signs too, until previous_secret_until.
create sequence webhook_seq start with 1 increment by 50;
create table webhook (
    id bigint primary key,
    partner_id bigint not null references partner (id) on delete cascade,
    url varchar(2000) not null,
    description varchar(500),
    events varchar(500) not null,
    filters varchar(4000) not null,
    secret varchar(100) not null,
    previous_secret varchar(100),
    previous_secret_until timestamp with time zone,
    enabled boolean not null,
    disabled_reason varchar(1000),
    disabled_at timestamp with time zone,
    consecutive_failures integer not null,
    failing_since timestamp with time zone,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);
create index webhook_by_partner on webhook (partner_id);

-- Listing events not yet matched against the webhooks: written by every listing write, in its
-- transaction, with the change log's sequence number; removed once each is turned into deliveries.
create table webhook_event (
    seq bigint primary key,
    listing_id bigint not null,
    event_type varchar(32) not null,
    occurred_at timestamp with time zone not null
);

-- One message to one webhook: its body is fixed when it is made, so that every retry sends the same
-- bytes under the same webhook-id. next_attempt_at is also the lease of a claimed delivery: an
-- instance that dies while sending leaves it due again once the lease has passed.
create table webhook_delivery (
    id varchar(40) primary key,
    webhook_id bigint not null references webhook (id) on delete cascade,
    event_type varchar(32) not null,
    listing_id bigint,
    seq bigint,
    payload varchar(1000000) not null,
    occurred_at timestamp with time zone not null,
    created_at timestamp with time zone not null,
    status varchar(16) not null,
    attempts integer not null,
    next_attempt_at timestamp with time zone not null,
    last_attempt_at timestamp with time zone,
    last_status_code integer,
    last_error varchar(1000),
    response_excerpt varchar(1000),
    delivered_at timestamp with time zone
);
create index webhook_delivery_due on webhook_delivery (status, next_attempt_at);
create index webhook_delivery_by_webhook on webhook_delivery (webhook_id, created_at);
