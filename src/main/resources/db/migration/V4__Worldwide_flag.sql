-- Whether a listing's effective rules list no country, kept beside the listing: the country filter
-- and facet read it from the row they already hold instead of probing eligibility_country for every
-- listing, which dominated cold searches at 100k listings. ListingService keeps it current.
alter table task_listing add column worldwide boolean default true not null;
update task_listing set worldwide = false
    where exists (select 1 from eligibility_country c where c.eligibility_id = task_listing.effective_eligibility_id);

-- Counts of the open listings a country may take (the default search, its count and the country
-- facet) read only this index: status and expiry decide "open", the rest decides eligibility.
create index task_listing_open_eligibility on task_listing (status, expires_at, worldwide, effective_eligibility_id);
