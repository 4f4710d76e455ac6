-- GCRA rate limit step over one or more buckets, atomic in Redis (same arithmetic as
-- ai.agentlens.core.policy.Gcra). KEYS = the buckets, distinct; ARGV[1] = 'acquire' | 'release';
-- then per bucket i: ARGV[2i] = permits, ARGV[2i+1] = per minute.
-- acquire takes every bucket's permits if each allows them now, and none otherwise.
-- Returns {allowed (1|0), retry after in microseconds, index (1-based) of the first refusing bucket
-- or 0}. Time is Redis's own, so instances with skewed clocks still share one view of every bucket.
local minute = 60000000
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local function store(key, tat)
  redis.call('SET', key, string.format('%.0f', tat), 'PX', math.floor((tat - now) / 1000) + 1000)
end
if ARGV[1] == 'release' then
  for i = 1, #KEYS do
    local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
    if tat > now then
      local interval = math.floor(minute / tonumber(ARGV[2 * i + 1]))
      store(KEYS[i], math.max(now, tat - tonumber(ARGV[2 * i]) * interval))
    end
  end
  return {1, 0, 0}
end
local candidates = {}
for i = 1, #KEYS do
  local tat = tonumber(redis.call('GET', KEYS[i]) or '0')
  local permits = tonumber(ARGV[2 * i])
  local per = tonumber(ARGV[2 * i + 1])
  local candidate = math.max(tat, now) + permits * math.floor(minute / per)
  local allow_at = candidate - minute
  if allow_at > now then
    if permits > per then
      return {0, minute, i}
    end
    return {0, allow_at - now, i}
  end
  candidates[i] = candidate
end
for i = 1, #KEYS do
  store(KEYS[i], candidates[i])
end
return {1, 0, 0}
