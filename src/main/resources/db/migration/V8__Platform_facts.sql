-- What contractors check on a platform before they apply: hiring per country, onboarding and payout
-- facts, and the official domains a listing's applyUrl must lie on.
alter table platform add column hiring_status varchar(16) default 'OPEN' not null;
alter table platform add column hiring_verified_at timestamp with time zone;
alter table platform add column assessment_paid boolean;
alter table platform add column assessment_minutes integer;
alter table platform add column monitoring_software boolean default false not null;
alter table platform add column minimum_age integer;
alter table platform add column minimum_payout_amount numeric(12, 2);
alter table platform add column minimum_payout_currency varchar(3);
alter table platform add column first_payout_hold_days integer;

-- A country whose status differs from the platform's overall one.
create table platform_hiring_country (
    platform_id bigint not null references platform (id) on delete cascade,
    country varchar(2) not null,
    status varchar(16) not null,
    primary key (platform_id, country)
);

-- A payment method offered only in some countries: one row per country it is offered in.
create table platform_payment_country (
    platform_id bigint not null references platform (id) on delete cascade,
    payment_method varchar(32) not null,
    country varchar(2) not null,
    primary key (platform_id, payment_method, country)
);

create table platform_official_domain (
    platform_id bigint not null references platform (id) on delete cascade,
    domain varchar(253) not null,
    primary key (platform_id, domain)
);

create table platform_device (
    platform_id bigint not null references platform (id) on delete cascade,
    device varchar(32) not null,
    primary key (platform_id, device)
);

create table platform_tax_form (
    platform_id bigint not null references platform (id) on delete cascade,
    tax_form varchar(20) not null,
    primary key (platform_id, tax_form)
);
