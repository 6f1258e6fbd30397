# caxtool help check NAME explains a dashboard check.
$ caxtool help check dashboard/rate-interval
--- stdout
dashboard/rate-interval (info): a rate window is a fixed duration instead of $__rate_interval

A fixed window such as [1m] shows nothing once the panel's step or the scrape interval grows past it (zoomed out, or a 60s scrape), and hides detail when zoomed in. $__rate_interval is max(step + scrape interval, 4 x scrape interval). Info: fixed windows are sometimes deliberate; --fix rewrites rate() and irate() windows under an hour (not increase(), whose window is the unit of its result).

Turn it off with --lint, disable: or exclude: under dashboard: in .caxtool.yml, or an exclusions entry in a .lint file beside the dashboards.
--- exit 0
