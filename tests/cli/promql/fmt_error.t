# An invalid expression is reported at its column, exit 1.
$ caxtool promql fmt "sum(rate(x[5m])"
--- stderr
<expr>:1:16: error: unclosed left parenthesis [promql]
 1 | sum(rate(x[5m])
   |                ^
1 error, 0 warnings
--- exit 1
