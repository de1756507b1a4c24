-- State that every instance serving this database shares, so that instances behind one load balancer
-- behave as one service (org.hse.api.security).

-- The keys of the built-in token endpoint, one row per generation: an RSA key pair that signs access
-- tokens and a secret that signs refresh tokens, as a JWK set. A generation is published (in the JWKS
-- that verifies tokens) from created_ms and signs from signs_from_ms, later than created_ms by more
-- than any verifier caches the JWKS; it is deleted once no token it signed can still be valid.
-- Times are milliseconds since the epoch, from the clock of the instance that wrote the row.
CREATE TABLE signing_key (
    generation     INTEGER        NOT NULL PRIMARY KEY,
    jwk_set        VARCHAR(8000)  NOT NULL,
    created_ms     BIGINT         NOT NULL,
    signs_from_ms  BIGINT         NOT NULL
);

-- The login throttle's count of wrong passwords per user name (the SHA-256 of the name, hex: a name
-- typed wrongly, or a password typed as a name, is not kept in clear). expires_ms is when the row no
-- longer counts or locks anything, for pruning.
CREATE TABLE login_failure (
    name_hash        VARCHAR(64)  NOT NULL PRIMARY KEY,
    first_ms         BIGINT       NOT NULL,
    failures         INTEGER      NOT NULL,
    locked_until_ms  BIGINT,
    expires_ms       BIGINT       NOT NULL
);
CREATE INDEX login_failure_expires ON login_failure (expires_ms);
