-- wrk --latency prints the 50/75/90/99th percentiles; this adds the 95th (microseconds).
done = function(summary, latency, requests)
  io.write(string.format("P95_US %d\n", latency:percentile(95)))
end
