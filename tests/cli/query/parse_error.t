# The expression is parsed locally first: a typo gets a caret and nothing is sent (the URL here
# has no server).
$ caxtool query --url http://127.0.0.1:1 'sum(rate(http_requests_total[5m])'
--- stderr
<expr>:1:34: error: unclosed left parenthesis [promql]
 1 | sum(rate(http_requests_total[5m])
   |                                  ^
  hint: nothing was sent to the server; --no-parse sends the expression as it is
1 error, 0 warnings
--- exit 1
