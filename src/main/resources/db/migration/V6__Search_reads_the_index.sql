-- Listing searches read the Lucene search index, kept current from the change log, not these
-- columns and indexes: they only cost every write. Kept: the indexes that writes, the expiry job
-- and deletes look rows up by (unique external id, tier, expiry, eligibility).
drop index if exists task_listing_by_text;
drop index task_listing_open_eligibility;
drop index task_listing_newest_by_status;
drop index task_listing_newest;
drop index task_listing_best_paid;
drop index task_listing_recently_updated;
drop index task_listing_by_status_posted;
drop index task_listing_by_task_type;
drop index task_listing_by_hourly_max;
drop index task_listing_by_hourly_min;
drop index task_listing_by_posted_at;
drop index task_listing_by_updated_at;
alter table task_listing drop column search_text;
alter table task_listing drop column worldwide;
