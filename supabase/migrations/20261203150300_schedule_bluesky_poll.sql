-- bluesky-poll every minute: new mentions, replies and DMs of every connected Bluesky account,
-- through the one scheduling helper (private.schedule_function) like every function job.
-- Adds: cron job bluesky-poll.

select private.schedule_function('bluesky-poll', '* * * * *', 'bluesky-poll', '{}', 55000);
