-- Public calls per client address and clock minute, counted by every node in one table
-- (portal.PublicRateLimit); rows of past minutes are deleted by PublicRateLimitCleanup.
CREATE TABLE public_rate_limit (
    client       VARCHAR(64) NOT NULL,
    window_start BIGINT      NOT NULL,
    calls        INT         NOT NULL,
    CONSTRAINT pk_public_rate_limit PRIMARY KEY (client, window_start)
);
CREATE INDEX ix_public_rate_limit_window ON public_rate_limit (window_start);
