-- Dashboard sessions (FR-47) and mailed single-use tokens (FR-02, FR-52). Both are global, like
-- users: no org_id. Only SHA-256 hashes of the secrets are stored.
create table login_sessions (
  id_hash        text primary key check (length(id_hash) = 64),
  user_id        text not null references users(id) on delete cascade,
  current_org_id text,
  csrf_token     text not null,
  created_at     integer not null,
  last_seen_at   integer not null
);
create index login_sessions_user on login_sessions (user_id);

create table user_tokens (
  token_hash text primary key check (length(token_hash) = 64),
  purpose    text not null check (purpose in ('verify_email','reset_password')),
  user_id    text not null references users(id) on delete cascade,
  created_at integer not null,
  expires_at integer not null,
  used_at    integer
);
create index user_tokens_user on user_tokens (user_id);
