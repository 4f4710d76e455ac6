#!/usr/bin/env bash
# Point-in-time recovery for the cloud PostgreSQL (docs/backup.md): a daily base backup plus the
# archived WAL lets you restore the database as it was at any moment of the last 7 days.
#
#   pg-pitr.sh archive-wal WAL_DIR %p %f            archive_command: copy one WAL file, never overwrite
#   pg-pitr.sh base-backup --dest DIR               pg_basebackup (connection from PGHOST/PGPORT/PGUSER)
#   pg-pitr.sh restore --base BACKUP --wal-dir WAL_DIR --target-time TIME --pgdata NEW_DIR
#                                                   lay out NEW_DIR to recover up to TIME, then promote
#   pg-pitr.sh prune --dest DIR --wal-dir WAL_DIR [--keep-days 7]
#                                                   drop base backups (and WAL) older than the window
#
# The PostgreSQL binaries come from PG_BIN, else `pg_config --bindir`, else the newest
# /usr/lib/postgresql/*/bin. Run it as the database's operating-system user (postgres).
set -euo pipefail

die() { printf 'pg-pitr: %s\n' "$*" >&2; exit 2; }
log() { printf 'pg-pitr: %s\n' "$*"; }

pg_bin() {
  if [[ -n "${PG_BIN:-}" ]]; then echo "$PG_BIN"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [[ -x "$(pg_config --bindir)/pg_basebackup" ]]; then
    pg_config --bindir; return
  fi
  local newest
  newest=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [[ -n "$newest" ]] || die "no PostgreSQL binaries found (set PG_BIN)"
  echo "$newest"
}

archive_wal() {
  [[ $# -eq 3 ]] || die "usage: archive-wal WAL_DIR %p %f"
  local dir=$1 src=$2 name=$3
  mkdir -p "$dir"
  # A file already archived under this name must never be replaced (PostgreSQL docs, 26.3.1).
  if [[ -e "$dir/$name" ]]; then
    cmp -s "$src" "$dir/$name" && exit 0
    die "$dir/$name already exists with other content"
  fi
  cp "$src" "$dir/.$name.tmp"
  sync "$dir/.$name.tmp" 2>/dev/null || sync
  mv "$dir/.$name.tmp" "$dir/$name"
}

base_backup() {
  local dest=""
  while [[ $# -gt 0 ]]; do
    case $1 in
      --dest) dest=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ -n "$dest" ]] || die "usage: base-backup --dest DIR"
  local target
  target="$dest/base-$(date -u +%Y%m%dT%H%M%SZ)"
  mkdir -p "$dest"
  log "base backup into $target"
  "$(pg_bin)/pg_basebackup" -D "$target" -Ft -z -X stream -c fast --progress --verbose
  log "base backup done: $target"
}

restore() {
  local base="" wal="" time="" pgdata=""
  while [[ $# -gt 0 ]]; do
    case $1 in
      --base) base=$2; shift 2 ;;
      --wal-dir) wal=$2; shift 2 ;;
      --target-time) time=$2; shift 2 ;;
      --pgdata) pgdata=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ -n "$base" && -n "$wal" && -n "$time" && -n "$pgdata" ]] ||
    die "usage: restore --base BACKUP --wal-dir WAL_DIR --target-time TIME --pgdata NEW_DIR"
  [[ -f "$base/base.tar.gz" ]] || die "$base holds no base.tar.gz"
  [[ -d "$wal" ]] || die "no WAL archive at $wal"
  if [[ -e "$pgdata" && -n "$(ls -A "$pgdata")" ]]; then die "$pgdata is not empty"; fi
  mkdir -p "$pgdata"
  chmod 700 "$pgdata"
  log "unpacking $base into $pgdata"
  tar -xzf "$base/base.tar.gz" -C "$pgdata"
  if [[ -f "$base/pg_wal.tar.gz" ]]; then tar -xzf "$base/pg_wal.tar.gz" -C "$pgdata/pg_wal"; fi
  local waldir
  waldir=$(cd "$wal" && pwd)
  {
    echo "# added by pg-pitr.sh restore"
    echo "restore_command = 'cp \"$waldir/%f\" \"%p\"'"
    echo "recovery_target_time = '$time'"
    echo "recovery_target_action = 'promote'"
  } >>"$pgdata/postgresql.auto.conf"
  touch "$pgdata/recovery.signal"
  log "ready: start it (pg_ctl -D $pgdata start); it replays WAL up to $time, then opens"
}

prune() {
  local dest="" wal="" days=7
  while [[ $# -gt 0 ]]; do
    case $1 in
      --dest) dest=$2; shift 2 ;;
      --wal-dir) wal=$2; shift 2 ;;
      --keep-days) days=$2; shift 2 ;;
      *) die "unknown option $1" ;;
    esac
  done
  [[ -n "$dest" && -n "$wal" ]] || die "usage: prune --dest DIR --wal-dir WAL_DIR [--keep-days N]"
  local cutoff oldest="" b
  cutoff=$(date -u -d "-$days days" +%Y%m%dT%H%M%SZ)
  # Keep every backup inside the window plus the newest one before it: that one is what a
  # restore to the window's first moment starts from.
  local older=()
  for b in $(ls -d "$dest"/base-* 2>/dev/null | sort); do
    if [[ "$(basename "$b")" < "base-$cutoff" ]]; then older+=("$b"); fi
  done
  if [[ ${#older[@]} -gt 1 ]]; then
    for b in "${older[@]:0:${#older[@]}-1}"; do log "removing $b"; rm -rf "$b"; done
  fi
  oldest=$(ls -d "$dest"/base-* 2>/dev/null | sort | head -1)
  [[ -n "$oldest" ]] || { log "no base backup: WAL kept"; return; }
  # The oldest kept backup's first WAL segment: everything before it is never needed again.
  local start
  start=$(tar -xzOf "$oldest/base.tar.gz" backup_label | sed -n 's/^START WAL LOCATION: .* (file \(.*\))$/\1/p')
  [[ -n "$start" ]] || die "cannot read the start WAL file of $oldest"
  "$(pg_bin)/pg_archivecleanup" "$wal" "$start"
  log "kept backups from $(basename "$oldest") and WAL from $start"
}

cmd=${1:-}
[[ -n "$cmd" ]] || die "usage: pg-pitr.sh archive-wal|base-backup|restore|prune ..."
shift
case $cmd in
  archive-wal) archive_wal "$@" ;;
  base-backup) base_backup "$@" ;;
  restore) restore "$@" ;;
  prune) prune "$@" ;;
  *) die "unknown command $cmd" ;;
esac
