-- Whether a listing's effective rules list no country, kept beside the listing: the country filter
-- and facet read it from the row they already hold instead of probing eligibility_country for every
-- listing, which dominated cold searches at 100k listings. ListingService keeps it current.
alter table task_listing add column worldwide boolean default true not null;
update task_listing set worldwide = false
    where exists (select 1 from eligibility_country c where c.eligibility_id = task_listing.effective_eligibility_id);

-- Counts of the open listings a country may take (the default search, its count and the country
-- facet) read only this index: status and expiry decide "open", the rest decides eligibility.
create index task_listing_open_eligibility on task_listing (status, expires_at, worldwide, effective_eligibility_id);

-- The descending sorts, in the exact order the search asks for (the key descending, ties by id
-- ascending). H2 cannot scan an index backwards, so without these it read and sorted every match to
-- return the first page; PostgreSQL could scan backwards only for "id descending", which is not the
-- tie order. The first serves the default search (open listings, newest first) and its paging.
create index task_listing_newest_by_status on task_listing (status, posted_at desc, id);
create index task_listing_newest on task_listing (posted_at desc, id);
create index task_listing_best_paid on task_listing (hourly_usd_max desc nulls last, id);
create index task_listing_recently_updated on task_listing (updated_at desc, id);
