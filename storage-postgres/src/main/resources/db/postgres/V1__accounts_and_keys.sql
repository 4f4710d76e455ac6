-- Runs as the owner role. The application role (${appRole}) owns nothing, is not superuser, lacks
-- BYPASSRLS, and gets only the grants below. Every table with org_id has ENABLE + FORCE ROW LEVEL
-- SECURITY and a policy on current_setting('app.current_org', true): with no org set, no rows.
create table orgs (
  id              text primary key,
  slug            text not null unique,
  name            text not null,
  plan            text not null,
  retention_days  integer not null check (retention_days > 0),
  redaction_rules text not null default '[]',
  prompt_masking  boolean not null default false,
  created_at      timestamptz not null
);
alter table orgs enable row level security;
alter table orgs force row level security;
create policy tenant on orgs
  using (id = current_setting('app.current_org', true))
  with check (id = current_setting('app.current_org', true));

-- Users are global (one user, many orgs): no org_id, no tenant policy.
create table users (
  id            text primary key,
  email         text not null unique,
  display_name  text not null,
  avatar_url    text,
  password_hash text,
  verified      boolean not null default false,
  created_at    timestamptz not null
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
  created_at timestamptz not null,
  primary key (org_id, user_id)
);
create index memberships_user on memberships (user_id);
alter table memberships enable row level security;
alter table memberships force row level security;
-- why: the org switcher lists one user's memberships across orgs (app.current_user), writes stay in the org
create policy tenant on memberships
  using (org_id = current_setting('app.current_org', true)
         or user_id = current_setting('app.current_user', true))
  with check (org_id = current_setting('app.current_org', true));

create table invitations (
  id          text primary key,
  org_id      text not null references orgs(id) on delete cascade,
  email       text not null,
  role        text not null check (role in ('owner','admin','member','viewer')),
  token_hash  text not null unique,
  invited_by  text not null,
  created_at  timestamptz not null,
  expires_at  timestamptz not null,
  accepted_at timestamptz
);
create index invitations_org on invitations (org_id, created_at);
alter table invitations enable row level security;
alter table invitations force row level security;
create policy tenant on invitations
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

create table api_keys (
  id                  text primary key,
  org_id              text not null references orgs(id) on delete cascade,
  key_prefix          text not null unique check (length(key_prefix) = 16),
  key_hash            text not null,
  environment         text not null check (environment in ('live','test')),
  name                text not null,
  scopes              text not null default '[]',
  created_by          text not null,
  created_at          timestamptz not null,
  last_used_at        timestamptz,
  revoked_at          timestamptz,
  rate_limit_override integer
);
create index api_keys_org on api_keys (org_id, created_at);
alter table api_keys enable row level security;
alter table api_keys force row level security;
create policy tenant on api_keys
  using (org_id = current_setting('app.current_org', true))
  with check (org_id = current_setting('app.current_org', true));

-- Key authentication happens before the org is known: one SECURITY DEFINER function, owned by the
-- owner role, looks a key up by its exact prefix. The owner needs a read policy for it (FORCE RLS
-- applies to the owner too); the application role can only call the function.
do $$ begin
  execute format('create policy owner_prefix_lookup on api_keys for select to %I using (true)', current_user);
end $$;
create function api_key_by_prefix(p_prefix text) returns setof api_keys
  language sql stable security definer set search_path = public, pg_temp
  as $$ select * from api_keys where key_prefix = p_prefix $$;
revoke all on function api_key_by_prefix(text) from public;

grant select, insert, update, delete on orgs, users, oauth_identities, memberships, invitations, api_keys to ${appRole};
grant execute on function api_key_by_prefix(text) to ${appRole};
