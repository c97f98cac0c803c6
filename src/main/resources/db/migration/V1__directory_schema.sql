-- The directory's schema. Written in the SQL that H2 and PostgreSQL share, so the same
-- migration runs unchanged on both. Every search filter has an index (see the comments).

create sequence eligibility_seq start with 1 increment by 50;
create sequence pay_tier_seq start with 1 increment by 50;
create sequence platform_seq start with 1 increment by 50;
create sequence task_listing_seq start with 1 increment by 50;

create table eligibility (
    id bigint primary key
);

-- One table per kind of rule; the primary key serves "rules of this eligibility",
-- the second index serves "eligibilities naming this code" (facets, reference lists).
create table eligibility_country (
    eligibility_id bigint not null references eligibility (id) on delete cascade,
    code varchar(2) not null,
    primary key (eligibility_id, code)
);
create index eligibility_country_by_code on eligibility_country (code, eligibility_id);

create table eligibility_excluded_country (
    eligibility_id bigint not null references eligibility (id) on delete cascade,
    code varchar(2) not null,
    primary key (eligibility_id, code)
);
create index eligibility_excluded_country_by_code on eligibility_excluded_country (code, eligibility_id);

create table eligibility_language (
    eligibility_id bigint not null references eligibility (id) on delete cascade,
    code varchar(2) not null,
    primary key (eligibility_id, code)
);
create index eligibility_language_by_code on eligibility_language (code, eligibility_id);

create table eligibility_credential (
    eligibility_id bigint not null references eligibility (id) on delete cascade,
    code varchar(64) not null,
    primary key (eligibility_id, code)
);
create index eligibility_credential_by_code on eligibility_credential (code, eligibility_id);

create table pay_tier (
    id bigint primary key,
    slug varchar(64) not null,
    name varchar(120) not null,
    description varchar(4000) not null,
    range_min numeric(10, 2) not null,
    range_max numeric(10, 2) not null,
    range_currency varchar(3) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null,
    constraint pay_tier_slug_unique unique (slug)
);

create table platform (
    id bigint primary key,
    slug varchar(64) not null,
    name varchar(120) not null,
    website_url varchar(2048) not null,
    description varchar(4000) not null,
    audience varchar(32) not null,
    payout_schedule varchar(32),
    assessment_required boolean not null,
    identity_verification boolean not null,
    eligibility_id bigint not null references eligibility (id),
    search_text varchar(4200) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null,
    constraint platform_slug_unique unique (slug)
);
create index platform_by_audience on platform (audience);
create index platform_by_eligibility on platform (eligibility_id);
create index platform_by_updated_at on platform (updated_at);

create table platform_task_type (
    platform_id bigint not null references platform (id) on delete cascade,
    task_type varchar(40) not null,
    primary key (platform_id, task_type)
);
create index platform_task_type_by_type on platform_task_type (task_type, platform_id);

create table platform_payment_method (
    platform_id bigint not null references platform (id) on delete cascade,
    payment_method varchar(32) not null,
    primary key (platform_id, payment_method)
);
create index platform_payment_method_by_method on platform_payment_method (payment_method, platform_id);

create table platform_pay_tier (
    platform_id bigint not null references platform (id) on delete cascade,
    pay_tier_id bigint not null references pay_tier (id),
    primary key (platform_id, pay_tier_id)
);
create index platform_pay_tier_by_tier on platform_pay_tier (pay_tier_id, platform_id);

create table task_listing (
    id bigint primary key,
    platform_id bigint not null references platform (id),
    external_id varchar(200) not null,
    title varchar(200) not null,
    description varchar(8000) not null,
    task_type varchar(40) not null,
    pay_tier_id bigint not null references pay_tier (id),
    pay_min numeric(10, 2),
    pay_max numeric(10, 2),
    pay_currency varchar(3),
    pay_unit varchar(8),
    hourly_usd_min numeric(10, 2),
    hourly_usd_max numeric(10, 2),
    status varchar(16) not null,
    apply_url varchar(2048) not null,
    posted_at timestamp with time zone not null,
    expires_at timestamp with time zone,
    last_verified_at timestamp with time zone,
    eligibility_id bigint not null references eligibility (id),
    effective_eligibility_id bigint not null references eligibility (id),
    search_text varchar(8300) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null,
    constraint task_listing_external_id_unique unique (platform_id, external_id)
);
-- status (default OPEN) with the default sort; the unique key above serves platform.
create index task_listing_by_status_posted on task_listing (status, posted_at, id);
create index task_listing_by_tier on task_listing (pay_tier_id, status);
create index task_listing_by_task_type on task_listing (task_type, status);
create index task_listing_by_hourly_max on task_listing (hourly_usd_max, id);
create index task_listing_by_hourly_min on task_listing (hourly_usd_min);
create index task_listing_by_posted_at on task_listing (posted_at, id);
create index task_listing_by_updated_at on task_listing (updated_at, id);
create index task_listing_by_expires_at on task_listing (expires_at);
create index task_listing_by_eligibility on task_listing (eligibility_id);
create index task_listing_by_effective_eligibility on task_listing (effective_eligibility_id);

-- Facts about the database itself, such as whether the example data was ever loaded.
create table directory_setting (
    name varchar(64) primary key,
    setting_value varchar(200) not null,
    created_at timestamp with time zone not null
);
