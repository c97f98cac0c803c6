-- Pay in any currency, per hour or per task, and by country, each derived to hourly USD.
-- USD is the base and has no row: a listing's currency is USD or one with a rate here.
create table exchange_rate (
    currency varchar(3) primary key,
    rate numeric(20, 10) not null,
    as_of date not null,
    source varchar(200) not null,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    version bigint not null
);

alter table task_listing add column minutes_per_task numeric(5, 1);
-- The ranges by country as one JSON array, read and written whole with the listing.
alter table task_listing add column pay_by_country varchar(8000);
alter table task_listing add column hourly_basis varchar(16);
alter table task_listing add column usd_rate numeric(20, 10);
alter table task_listing add column usd_rate_as_of date;
-- Pay per task of a few seconds in a strong currency comes to more an hour than 10 digits hold.
alter table task_listing alter column hourly_usd_min set data type numeric(20, 2);
alter table task_listing alter column hourly_usd_max set data type numeric(20, 2);
-- Until now only hourly USD pay had an hourly figure. Listings in another currency get theirs when a
-- curator sets its rate (every listing in the currency is then derived again).
update task_listing set hourly_basis = 'PUBLISHED' where hourly_usd_max is not null;
