-- Indexes for the /api queries: statistics, hourly usage, costs and conversation pages of one domain
-- read a time range of that domain. The other queries use indexes of earlier versions: timestamp,
-- (timestamp DESC, request_id DESC), (account_id, timestamp), (conversation_id, timestamp DESC,
-- request_id DESC) and parent_task_request_id.
CREATE INDEX IF NOT EXISTS idx_api_requests_domain_timestamp ON api_requests(domain, timestamp);
