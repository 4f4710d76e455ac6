-- GCRA rate limit step, atomic in Redis (same arithmetic as ai.agentlens.core.policy.Gcra).
-- KEYS[1] = bucket key; ARGV[1] = permits; ARGV[2] = per minute; ARGV[3] = 'acquire' | 'release'
-- Returns {allowed (1|0), retry after in microseconds}. Time is Redis's own, so instances with
-- skewed clocks still share one view of every bucket.
local minute = 60000000
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
local permits = tonumber(ARGV[1])
local per = tonumber(ARGV[2])
local interval = math.floor(minute / per)
if ARGV[3] == 'release' then
  if tat > now then
    local back = math.max(now, tat - permits * interval)
    redis.call('SET', KEYS[1], string.format('%.0f', back), 'PX', math.floor((back - now) / 1000) + 1000)
  end
  return {1, 0}
end
local candidate = math.max(tat, now) + permits * interval
local allow_at = candidate - minute
if allow_at > now then
  if permits > per then
    return {0, minute}
  end
  return {0, allow_at - now}
end
redis.call('SET', KEYS[1], string.format('%.0f', candidate), 'PX', math.floor((candidate - now) / 1000) + 1000)
return {1, 0}
