-- People who may log in; the password hash is made by the web host (the store never sees a password).
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    is_admin BIGINT NOT NULL DEFAULT 0,
    created BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_name ON users (lower(name));
