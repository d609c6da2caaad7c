-- Signed X Activity API dm.received deliveries, as X sends them to POST /webhooks/x: one envelope per request,
-- about 1 KB, a unique DM id each, from BENCH_CUSTOMERS customers in turn (64 unless set), signed with
-- BENCH_X_SECRET like X does (base64 HMAC-SHA256 of the raw body). The DM's text carries the send time in ms
-- ("sent=<ms>") so the helpdesk stand-in can tell the end-to-end latency from outside the hub.
-- LuaJIT's FFI calls the libcrypto that wrk already links, so signing costs wrk microseconds, not the hub.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_usec; } timeval;
  int gettimeofday(timeval *tv, void *tz);
  const void *EVP_sha256(void);
  unsigned char *HMAC(const void *md, const void *key, int key_len, const unsigned char *d, size_t n,
                      unsigned char *md_out, unsigned int *md_len);
]]
local ok, crypto = pcall(function() return ffi.C.HMAC and ffi.C end)
if not ok then crypto = ffi.load("crypto") end

local secret = os.getenv("BENCH_X_SECRET") or "bench-consumer-secret"
local brand = os.getenv("BENCH_X_ACCOUNT") or "4337869213"
local customers = tonumber(os.getenv("BENCH_CUSTOMERS") or "64")
local mac, mac_len = ffi.new("unsigned char[32]"), ffi.new("unsigned int[1]")
local tv = ffi.new("timeval")
local b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

local function base64(bytes, n)
  local out = {}
  for i = 0, n - 1, 3 do
    local a, b, c = bytes[i], i + 1 < n and bytes[i + 1] or 0, i + 2 < n and bytes[i + 2] or 0
    local v = a * 65536 + b * 256 + c
    out[#out + 1] = b64:sub(math.floor(v / 262144) % 64 + 1, math.floor(v / 262144) % 64 + 1)
        .. b64:sub(math.floor(v / 4096) % 64 + 1, math.floor(v / 4096) % 64 + 1)
        .. (i + 1 < n and b64:sub(math.floor(v / 64) % 64 + 1, math.floor(v / 64) % 64 + 1) or "=")
        .. (i + 2 < n and b64:sub(v % 64 + 1, v % 64 + 1) or "=")
  end
  return table.concat(out)
end

local function now_ms()
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + math.floor(tonumber(tv.tv_usec) / 1000)
end

local threads = {}
function setup(thread)
  thread:set("thread_id", #threads)
  table.insert(threads, thread)
end

local counter = 0
local run = tostring(os.time())
-- about 600 bytes of ordinary complaint, so that with the envelope a delivery is about 1 KB
local filler = string.rep("The parcel tracking page has said out for delivery for three days now. ", 8)

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"

function request()
  counter = counter + 1
  local customer = 1000 + counter % customers
  local dm = string.format("%s%d%06d", run, thread_id or 0, counter)
  local sent = now_ms()
  local body = string.format(
    '{"data":{"event_uuid":"bench-%s","filter":{"user_id":"%s"},"event_type":"dm.received","tag":"bench",' ..
    '"payload":{"direct_message_events":[{"type":"message_create","id":"%s","created_timestamp":"%d",' ..
    '"message_create":{"sender_id":"%d","target":{"recipient_id":"%s"},"message_data":{"text":' ..
    '"My order %s never arrived. %s sent=%d","entities":{"hashtags":[],"symbols":[],"user_mentions":[],"urls":[]}}}}],' ..
    '"users":{"%d":{"data":{"id":"%d","username":"customer%d","name":"Customer %d","verified":false,' ..
    '"public_metrics":{"followers_count":%d}}}}}}}',
    dm, brand, dm, sent, customer, brand, dm, filler, sent, customer, customer, customer, customer, customer * 7)
  crypto.HMAC(crypto.EVP_sha256(), secret, #secret, body, #body, mac, mac_len)
  return wrk.format(nil, nil, { ["x-twitter-webhooks-signature"] = "sha256=" .. base64(mac, 32) }, body)
end

function done(summary, latency, requests)
  io.write(string.format("ack latency p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000))
end
