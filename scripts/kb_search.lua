-- wrk: every request a different question (a number appended), so none is answered from the recent-search memory.
local words = { "%E6%AC%A0%E9%92%B1%E4%B8%8D%E8%BF%98", "%E6%8B%96%E6%AC%A0%E5%B7%A5%E8%B5%84", "%E8%BD%A6%E7%A5%B8%E8%B5%94%E5%81%BF",
                "%E7%A6%BB%E5%A9%9A%E5%88%86%E8%B4%A2%E4%BA%A7", "%E6%8A%BC%E9%87%91%E4%B8%8D%E9%80%80", "%E8%AF%89%E8%AE%BC%E8%B4%B9" }
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", "/api/v1/kb/search?q=" .. words[(n % #words) + 1] .. n)
end
