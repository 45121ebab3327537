-- Issue #23, decision 0046. The photos of an erased rider's reports, listed for an administrator to review by hand:
-- the erasure deletes no evidence, and its every answer, the first or a repeated one, lists the same photos.
create table erasure_photo_review (
    rider_id  varchar(64) not null,
    case_id   varchar(64) not null,
    sha256    varchar(64) not null,
    listed_at timestamptz not null default now(),
    primary key (rider_id, case_id, sha256)
);

-- Riders erased before this change: finish what their erasure now does. Their accounts end (tokens, idempotency
-- keys, the account name and display name), their rows leave the read models, and the case index is rebuilt, which
-- leaves every erased rider out of the documents.
create temporary table erased_account on commit drop as
select a.username, a.subject_id from account a join person_key k on k.subject_id = a.subject_id
 where a.role = 'RIDER' and k.destroyed_at is not null and a.username <> left('erased:' || a.subject_id, 64);

delete from access_token where username in (select username from erased_account);
delete from idempotency_key where username in (select username from erased_account);
update account a set username = left('erased:' || a.subject_id, 64), display_name = 'erased', enabled = false,
                     password_hash = '!'
  from erased_account e where a.username = e.username;

delete from viewer_rider_handle where rider_id in (select subject_id from person_key where destroyed_at is not null);
delete from leaderboard_rider where rider_id in (select subject_id from person_key where destroyed_at is not null);
delete from leaderboard_award where rider_id in (select subject_id from person_key where destroyed_at is not null);
delete from notify_webhook_delivery where notification_id in (
    select id from rider_notification where rider_id in (
        select subject_id from person_key where destroyed_at is not null));
delete from rider_notification where rider_id in (select subject_id from person_key where destroyed_at is not null);
delete from notify_case_follower where rider_id in (select subject_id from person_key where destroyed_at is not null);
delete from notify_rider where rider_id in (select subject_id from person_key where destroyed_at is not null);

insert into read_model_rebuild_due (model, reason)
select 'cases', 'V43: erased riders leave the case documents'
where exists (select 1 from person_key where destroyed_at is not null)
on conflict (model) do nothing;
