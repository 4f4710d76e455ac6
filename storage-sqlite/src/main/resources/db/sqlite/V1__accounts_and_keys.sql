-- Instants are INTEGER microseconds since the epoch (UTC): exact, zone-free, ordered.
create table orgs (
  id              text primary key,
  slug            text not null unique,
  name            text not null,
  plan            text not null,
  retention_days  integer not null check (retention_days > 0),
  redaction_rules text not null default '[]',
  prompt_masking  boolean not null default 0,
  created_at      integer not null
);

create table users (
  id            text primary key,
  email         text not null unique,
  display_name  text not null,
  avatar_url    text,
  password_hash text,
  verified      boolean not null default 0,
  created_at    integer not null
);

create table oauth_identities (
  provider text not null,
  subject  text not null,
  user_id  text not null references users(id) on delete cascade,
  primary key (provider, subject)
);

create table memberships (
  org_id     text not null references orgs(id) on delete cascade,
  user_id    text not null references users(id) on delete cascade,
  role       text not null check (role in ('owner','admin','member','viewer')),
  created_at integer not null,
  primary key (org_id, user_id)
);
create index memberships_user on memberships (user_id);

create table invitations (
  id          text primary key,
  org_id      text not null references orgs(id) on delete cascade,
  email       text not null,
  role        text not null check (role in ('owner','admin','member','viewer')),
  token_hash  text not null unique,
  invited_by  text not null,
  created_at  integer not null,
  expires_at  integer not null,
  accepted_at integer
);
create index invitations_org on invitations (org_id, created_at);

create table api_keys (
  id                  text primary key,
  org_id              text not null references orgs(id) on delete cascade,
  key_prefix          text not null unique check (length(key_prefix) = 16),
  key_hash            text not null,
  environment         text not null check (environment in ('live','test')),
  name                text not null,
  scopes              text not null default '[]',
  created_by          text not null,
  created_at          integer not null,
  last_used_at        integer,
  revoked_at          integer,
  rate_limit_override integer
);
create index api_keys_org on api_keys (org_id, created_at);
