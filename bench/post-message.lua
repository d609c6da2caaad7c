-- One SocialMessage per request, each with its own id, from 1000 customers in turn (so conversations grow, as
-- they do for real): every request is a new message the hub must queue, process and turn into a ticket event.
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer bench-token"

function request()
  counter = counter + 1
  local native = string.format("bench-%d-%d-%d", os.time(), thread_id, counter)
  local customer = counter % 1000
  local body = string.format(
    '{"channel": "bench", "visibility": "private", "nativeId": "%s", "account": "brand",' ..
    ' "author": {"id": "c%d", "handle": "customer%d", "name": "Customer %d", "followers": %d},' ..
    ' "text": "My order %d never arrived"}', native, customer, customer, customer, customer * 10, counter)
  return wrk.format(nil, nil, nil, body)
end
